#include "extract/temporaltagger.h"

#include "extract/calendarpasses.h"
#include "extract/referencepasses.h"
#include "extract/relativepasses.h"
#include "extract/temporalanchor.h"
#include "extract/temporalcandidates.h"

#include <algorithm>
#include <map>

namespace gloss::extract {

using namespace temporal;

namespace {

// Where candidates overlap the longest wins, then the earliest; the rest in text order. The kept
// spans never overlap, so each candidate is checked against its two neighbours among them, found
// by start: n log n, for articles with a million dates in them.
QList<Candidate> keepLongest(QList<Candidate> candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        const qsizetype la = a.expr.end - a.expr.start;
        const qsizetype lb = b.expr.end - b.expr.start;
        return la != lb ? la > lb : a.expr.start < b.expr.start;
    });
    std::map<qsizetype, qsizetype> spans; // start -> end of the kept
    QList<Candidate> kept;
    for (const Candidate &c : std::as_const(candidates)) {
        auto next = spans.lower_bound(c.expr.start);
        if (next != spans.end() && next->first < c.expr.end)
            continue;
        if (next != spans.begin() && std::prev(next)->second > c.expr.start)
            continue;
        spans.emplace(c.expr.start, c.expr.end);
        kept.append(c);
    }
    std::sort(
        kept.begin(), kept.end(), [](const Candidate &a, const Candidate &b) { return a.expr.start < b.expr.start; });
    return kept;
}

// How far a time of day looks for the bounds of its sentence: text without a full stop for longer
// than this is not one sentence a reader would take a day from.
constexpr qsizetype SentenceReach = 2000;

// Times of day take the day named nearest to them in their sentence, else the last day named
// before them, else the anchor. `kept` is in text order and its spans do not overlap.
void placeTimesOfDay(QList<Candidate> &kept, const QString &body, const QDate &anchor)
{
    // The candidates that give a day: a day, or a part of one ("Friday afternoon"), in text order.
    QList<qsizetype> days;
    for (qsizetype i = 0; i < kept.size(); ++i) {
        const Candidate &k = kept.at(i);
        if (k.hour < 0 && (k.expr.granularity == Granularity::Day || k.expr.granularity == Granularity::Time)
            && k.expr.rangeStart.isValid() && k.expr.rangeStart == k.expr.rangeEnd)
            days.append(i);
    }
    const auto firstStartingAt = [&](qsizetype position) {
        return std::lower_bound(days.cbegin(), days.cend(), position,
            [&](qsizetype index, qsizetype p) { return kept.at(index).expr.start < p; });
    };
    for (qsizetype i = 0; i < kept.size(); ++i) {
        Candidate &c = kept[i];
        if (c.hour < 0)
            continue;
        const qsizetype lowest = std::max<qsizetype>(0, c.expr.start - SentenceReach);
        qsizetype sStart = c.expr.start;
        while (sStart > lowest && !isSentenceEnd(body, sStart - 1))
            --sStart;
        const qsizetype highest = std::min<qsizetype>(body.size(), c.expr.end + SentenceReach);
        qsizetype sEnd = c.expr.end;
        while (sEnd < highest && !isSentenceEnd(body, sEnd))
            ++sEnd;
        QDate day;
        qsizetype bestDistance = -1;
        for (auto it = firstStartingAt(sStart); it != days.cend() && kept.at(*it).expr.start < sEnd; ++it) {
            const Candidate &k = kept.at(*it);
            if (k.expr.end > sEnd)
                continue;
            const qsizetype distance
                = k.expr.start > c.expr.start ? k.expr.start - c.expr.end : c.expr.start - k.expr.end;
            if (bestDistance < 0 || distance < bestDistance) {
                bestDistance = distance;
                day = k.expr.rangeStart;
            }
        }
        if (!day.isValid()) {
            // The last day named before it: spans do not overlap, so the one starting last before
            // this one's start, if it has ended by then.
            auto before = firstStartingAt(c.expr.start);
            while (before != days.cbegin()) {
                --before;
                if (kept.at(*before).expr.end <= c.expr.start) {
                    day = kept.at(*before).expr.rangeStart;
                    break;
                }
            }
        }
        if (!day.isValid())
            day = anchor;
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
