#include "extract/relativepasses.h"

#include "extract/temporalanchor.h"
#include "extract/temporalcandidates.h"
#include "extract/temporalvocabulary.h"

#include <QRegularExpression>

#include <algorithm>

namespace gloss::extract::temporal {

void findRelativeDates(TimeCandidates &out)
{
    const QString &body = out.body();
    const QDate &anchor = out.anchor();
    if (!anchor.isValid())
        return;
    static const QRegularExpression dayWord(QStringLiteral(
        "\\b(?i:(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|yesterday|tomorrow|"
        "tonight|last\\s+night))\\b"));
    for (auto it = dayWord.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(1).toLower().simplified();
        int offset = 0;
        if (w == u"yesterday" || w == u"last night")
            offset = -1;
        else if (w == u"tomorrow")
            offset = 1;
        else if (w.startsWith(u"the day before"))
            offset = -2;
        else if (w.startsWith(u"the day after"))
            offset = 2;
        out.addDay(m.capturedStart(), m.capturedEnd(), anchor.addDays(offset));
    }

    // "this week", "last month", "next year", "earlier this year", "late last year", "this weekend".
    static const QRegularExpression unit(QStringLiteral(
        "\\b(?i:(?:(earlier|later|early|late)\\s+)?(this|last|next)\\s+(weekend|week|month|year|quarter|decade))\\b"));
    for (auto it = unit.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        const QString which = m.captured(2).toLower();
        const QString u = m.captured(3).toLower();
        const int step = which == u"last" ? -1 : which == u"next" ? 1 : 0;
        const qsizetype s = m.capturedStart();
        const qsizetype e = m.capturedEnd();
        if (u == u"week" || u == u"weekend") {
            out.addWeek(s, e, anchor.addDays(7 * step));
        } else if (u == u"month") {
            const QDate d = anchor.addMonths(step);
            out.addMonth(s, e, d.year(), d.month());
        } else if (u == u"year") {
            out.addYear(s, e, anchor.year() + step);
        } else if (u == u"quarter") {
            const QDate d = anchor.addMonths(3 * step);
            out.addQuarter(s, e, d.year(), (d.month() - 1) / 3 + 1);
        } else {
            out.addDecade(s, e, (anchor.year() / 10 + step) * 10);
        }
    }

    // "two days ago", "a week ago"; "in three weeks" (a point ahead, unless the context makes it a span).
    static const QRegularExpression ago(
        QStringLiteral("\\b(%1|(?i:a|an))\\s+(?i:(day|week|month|year|decade)s?)\\s+(?i:ago)\\b").arg(Number));
    static const QRegularExpression in(
        QStringLiteral("\\b(?i:in)\\s+(%1|(?i:a|an))\\s+(?i:(day|week|month|year)s?)\\b").arg(Number));
    auto shifted = [&](int n, const QString &u, qsizetype s, qsizetype e) {
        if (u == u"day") {
            out.addDay(s, e, anchor.addDays(n));
        } else if (u == u"week") {
            out.addWeek(s, e, anchor.addDays(7 * n));
        } else if (u == u"month") {
            const QDate d = anchor.addMonths(n);
            out.addMonth(s, e, d.year(), d.month());
        } else if (u == u"year") {
            out.addYear(s, e, anchor.year() + n);
        } else {
            out.addDecade(s, e, (anchor.year() / 10 + n) * 10);
        }
    };
    for (auto it = ago.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        shifted(-numberValue(m.captured(1)), m.captured(2).toLower(), m.capturedStart(), m.capturedEnd());
    }
    for (auto it = in.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        // "the first time in 17 years", "the worst in a decade": a span back from now, not a point ahead.
        const QString context
            = body.mid(std::max<qsizetype>(0, m.capturedStart() - 40), std::min<qsizetype>(40, m.capturedStart()))
                  .toLower();
        static const QRegularExpression spanBack(
            QStringLiteral("\\b(first|time|ever|highest|lowest|worst|best|largest|biggest|"
                           "since|than|only|once|twice|times)\\b[^.]*$"));
        if (spanBack.match(context).hasMatch())
            continue; // the duration rule below tags the number and unit
        shifted(numberValue(m.captured(1)), m.captured(2).toLower(), m.capturedStart(), m.capturedEnd());
    }
}

void findWeekdays(TimeCandidates &out)
{
    const QString &body = out.body();
    const QDate &anchor = out.anchor();
    if (!anchor.isValid())
        return;
    static const QRegularExpression day(
        QStringLiteral("\\b(?:((?i:last|next|this|coming|past))\\s+)?(%1)\\b(?!s\\b)").arg(Weekday));
    static const QRegularExpression nameAfter(
        QStringLiteral("^\\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Night\\s+Live|Sport|Independent|"
                       "Edition|Magazine|Review|"
                       "Observer|Tribune|Journal|Club|League)\\b"));
    for (auto it = day.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        if (nameAfter.match(body.mid(m.capturedEnd(), 30)).hasMatch())
            continue;
        const QString modifier = m.captured(1).toLower();
        if (modifier.isEmpty() && isDayNamePrefix(out.wordBefore(m.capturedStart())))
            continue;
        const int wd = weekdayNumber(m.capturedView(2));
        const int a = anchor.dayOfWeek();
        const int back = a > wd ? a - wd : a - wd + 7; // days back to the most recent before the anchor
        const int ahead = wd > a ? wd - a : wd - a + 7; // days ahead to the next after the anchor
        int offset = 0;
        if (modifier == u"last" || modifier == u"past") {
            offset = -back;
        } else if (modifier == u"next" || modifier == u"coming") {
            offset = ahead;
        } else if (wd == a) {
            offset = 0;
        } else {
            const Tense t = tenseAround(body, m.capturedStart(), m.capturedEnd(), true);
            offset = t == Tense::Future ? ahead : -back;
        }
        out.addDay(m.capturedStart(), m.capturedEnd(), anchor.addDays(offset));
    }
}

void findDurationsAndTimes(TimeCandidates &out)
{
    const QString &body = out.body();
    // Durations: "three months", "17 years", "about four hours" (the approximation is left out);
    // not ages ("45 years old").
    static const QRegularExpression duration(
        QStringLiteral("\\b(%1)\\s+(?i:(second|minute|hour|day|week|month|year|decade|centur)(?:s|ies|y)?)\\b")
            .arg(Number));
    static const QRegularExpression ageAfter(QStringLiteral("^\\s+(?:old|of age)\\b"));
    for (auto it = duration.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        if (ageAfter.match(body.mid(m.capturedEnd(), 10)).hasMatch() || out.wordBefore(m.capturedStart()) == u"aged")
            continue;
        const int n = numberValue(m.captured(1));
        if (n <= 0)
            continue;
        out.addDuration(m.capturedStart(), m.capturedEnd(), n, m.captured(2));
    }

    // Times of day: "10 pm", "10:30 a.m.", "at 14:00", "at noon". Their day comes from context.
    static const QRegularExpression clock(
        QStringLiteral("\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?i:([ap])(?:\\.\\s?m\\.?|\\s?m\\b))"));
    static const QRegularExpression h24(QStringLiteral("\\b(?i:at)\\s+((\\d{1,2}):(\\d{2}))\\b(?!\\s*[ap]\\.?m)"));
    static const QRegularExpression noon(
        QStringLiteral("\\b(?i:at|by|until|after|before)\\s+((?i:noon|midnight|midday))\\b"));
    for (auto it = clock.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        int h = m.captured(1).toInt();
        if (h < 1 || h > 12)
            continue;
        const bool pm = m.captured(3).toLower() == u"p";
        h = (h % 12) + (pm ? 12 : 0);
        qsizetype end = m.capturedEnd();
        // A sentence-final "p.m." keeps its period; a sentence's own full stop is not part of it.
        out.addTime(m.capturedStart(), end, h, m.captured(2).toInt());
    }
    for (auto it = h24.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        out.addTime(m.capturedStart(1), m.capturedEnd(1), m.captured(2).toInt(), m.captured(3).toInt());
    }
    for (auto it = noon.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        out.addTime(m.capturedStart(1), m.capturedEnd(1), m.captured(1).toLower() == u"midnight" ? 0 : 12, 0);
    }
}

} // namespace gloss::extract::temporal
