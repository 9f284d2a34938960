#include "extract/temporaltagger.h"

#include "extract/calendarpasses.h"
#include "extract/referencepasses.h"
#include "extract/relativepasses.h"
#include "extract/temporalanchor.h"
#include "extract/temporalcandidates.h"

#include <algorithm>

namespace gloss::extract {

using namespace temporal;

namespace {

// Where candidates overlap the longest wins, then the earliest; the rest in text order.
QList<Candidate> keepLongest(QList<Candidate> candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        const qsizetype la = a.expr.end - a.expr.start;
        const qsizetype lb = b.expr.end - b.expr.start;
        return la != lb ? la > lb : a.expr.start < b.expr.start;
    });
    QList<Candidate> kept;
    for (const Candidate &c : std::as_const(candidates)) {
        const bool overlaps = std::any_of(kept.cbegin(), kept.cend(),
            [&](const Candidate &k) { return c.expr.start < k.expr.end && k.expr.start < c.expr.end; });
        if (!overlaps)
            kept.append(c);
    }
    std::sort(
        kept.begin(), kept.end(), [](const Candidate &a, const Candidate &b) { return a.expr.start < b.expr.start; });
    return kept;
}

// Times of day take the day named nearest to them in their sentence, else the last day named
// before them, else the anchor.
void placeTimesOfDay(QList<Candidate> &kept, const QString &body, const QDate &anchor)
{
    for (qsizetype i = 0; i < kept.size(); ++i) {
        Candidate &c = kept[i];
        if (c.hour < 0)
            continue;
        qsizetype sStart = c.expr.start;
        while (sStart > 0 && !isSentenceEnd(body, sStart - 1))
            --sStart;
        qsizetype sEnd = c.expr.end;
        while (sEnd < body.size() && !isSentenceEnd(body, sEnd))
            ++sEnd;
        QDate day;
        qsizetype bestDistance = -1;
        QDate previous;
        for (const Candidate &k : std::as_const(kept)) {
            // A day, or a part of one ("Friday afternoon"), gives its day.
            if (k.hour >= 0 || (k.expr.granularity != Granularity::Day && k.expr.granularity != Granularity::Time)
                || !k.expr.rangeStart.isValid() || k.expr.rangeStart != k.expr.rangeEnd)
                continue;
            if (k.expr.start >= sStart && k.expr.end <= sEnd) {
                const qsizetype distance
                    = k.expr.start > c.expr.start ? k.expr.start - c.expr.end : c.expr.start - k.expr.end;
                if (bestDistance < 0 || distance < bestDistance) {
                    bestDistance = distance;
                    day = k.expr.rangeStart;
                }
            }
            if (k.expr.end <= c.expr.start)
                previous = k.expr.rangeStart;
        }
        if (!day.isValid())
            day = previous.isValid() ? previous : anchor;
        c.expr.value = timeOfDayValue(day, c.hour, c.minute, c.zone);
        c.expr.rangeStart = day; // invalid without a day: a time, no range
        c.expr.rangeEnd = day;
    }
}

} // namespace

QList<TimeExpression> tagTimeExpressions(const QString &body, const QDate &anchor)
{
    TimeCandidates found(body, anchor);
    // In this order: where two candidates are as long and start together, the first proposed wins.
    findDates(found);
    findMonths(found);
    findYears(found);
    findQuarters(found);
    findRelativeDates(found);
    findWeekdays(found);
    findDurationsAndTimes(found);
    findZonedTimes(found);
    findReferences(found);
    findSets(found);
    findVagueDurations(found);

    QList<Candidate> kept = keepLongest(found.take());
    placeTimesOfDay(kept, body, anchor);
    QList<TimeExpression> out;
    out.reserve(kept.size());
    for (const Candidate &c : std::as_const(kept))
        out.append(c.expr);
    return out;
}

} // namespace gloss::extract
