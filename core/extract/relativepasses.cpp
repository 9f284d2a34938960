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
    // "yesterday", "tomorrow evening" (a part of the day: 2013-03-23TEV), "tonight", "this morning".
    static const QRegularExpression dayWord(QStringLiteral(
        "\\b(?i:(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|yesterday|tomorrow|"
        "tonight|last\\s+night|this(?=\\s+(?:morning|afternoon|evening)))(?:\\s+(morning|afternoon|evening|night))?)"
        "\\b"));
    for (auto it = out.matches(DayWord, dayWord); it.hasNext();) {
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
        QString part = partOfDayCode(m.captured(2));
        if (w == u"tonight" || w == u"last night")
            part = QStringLiteral("NI");
        if (!part.isEmpty())
            out.addPartOfDay(m.capturedStart(), m.capturedEnd(), anchor.addDays(offset), part);
        else if (w != u"this")
            out.addDay(m.capturedStart(), m.capturedEnd(), anchor.addDays(offset));
    }

    // "this week", "last month", "next year", "earlier this year", "late last year", "this weekend".
    static const QRegularExpression unit(QStringLiteral(
        "\\b(?i:(?:(earlier|later|early|late)\\s+)?(this|last|next)\\s+(weekend|week|month|year|quarter|decade))\\b"));
    for (auto it = out.matches(UnitWord, unit); it.hasNext();) {
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
        QStringLiteral("\\b(%1|(?i:a|an))\\s+(?i:(day|week|month|year|decade)(s?))\\s+(?i:ago)\\b").arg(Number));
    static const QRegularExpression in(
        QStringLiteral("\\b(?i:in)\\s+(%1|(?i:a|an))\\s+(?i:(day|week|month|year)(s?))\\b").arg(Number));
    auto shifted = [&](int n, const QString &u, bool plural, qsizetype s, qsizetype e) {
        // "292,000 week ago" (a table of figures): a number before a singular unit is a quantity, and
        // no date is thousands of years away.
        if ((!plural && std::abs(n) != 1)
            || std::abs(n) > (u == u"day" ? 36500
                       : u == u"week"     ? 5200
                       : u == u"month"    ? 1200
                                          : 1000))
            return;
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
    for (auto it = out.matches(AgoWord, ago); it.hasNext();) {
        const auto m = it.next();
        shifted(-numberValue(m.captured(1)), m.captured(2).toLower(), m.capturedLength(3) > 0, m.capturedStart(),
            m.capturedEnd());
    }
    for (auto it = out.matches(UnitWord, in); it.hasNext();) {
        const auto m = it.next();
        // "the first time in 17 years", "the worst in a decade": a span back from now, not a point ahead.
        const QString context
            = body.mid(std::max<qsizetype>(0, m.capturedStart() - 40), std::min<qsizetype>(40, m.capturedStart()))
                  .toLower();
        static const QRegularExpression spanBack(
            QStringLiteral("\\b(first|time|ever|highest|lowest|worst|best|largest|biggest|"
                           "since|than|only|once|twice|times|not|never|no)\\b[^.]*$"));
        if (spanBack.match(context).hasMatch())
            continue; // the duration rule below tags the number and unit
        shifted(numberValue(m.captured(1)), m.captured(2).toLower(), m.capturedLength(3) > 0, m.capturedStart(),
            m.capturedEnd());
    }
}

void findWeekdays(TimeCandidates &out)
{
    const QString &body = out.body();
    const QDate &anchor = out.anchor();
    if (!anchor.isValid())
        return;
    // "Friday", "last Friday", "Friday afternoon" (a part of the day: 2013-03-22TAF).
    static const QRegularExpression day(QStringLiteral("\\b(?:((?i:last|next|this|coming|past))\\s+)?(%1)\\b(?!s\\b)"
                                                       "(?:\\s+((?i:morning|afternoon|evening|night))\\b)?")
                                            .arg(Weekday));
    static const QRegularExpression nameAfter(
        QStringLiteral("^\\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Night\\s+Live|Sport|Independent|"
                       "Edition|Magazine|Review|"
                       "Observer|Tribune|Journal|Club|League)\\b"));
    for (auto it = out.matches(WeekdayName, day); it.hasNext();) {
        const auto m = it.next();
        if (nameAfter.match(body.mid(m.capturedEnd(2), 30)).hasMatch())
            continue;
        const QString modifier = m.captured(1).toLower();
        if (modifier.isEmpty() && isDayNamePrefix(out.wordBefore(m.capturedStart())))
            continue;
        const QDate d
            = weekdayDate(body, m.capturedStart(), m.capturedEnd(), weekdayNumber(m.capturedView(2)), modifier, anchor);
        if (m.capturedLength(3) > 0)
            out.addPartOfDay(m.capturedStart(), m.capturedEnd(), d, partOfDayCode(m.captured(3)));
        else
            out.addDay(m.capturedStart(), m.capturedEnd(), d);
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
    for (auto it = out.matches(UnitWord, duration); it.hasNext();) {
        const auto m = it.next();
        if (ageAfter.match(body.mid(m.capturedEnd(), 10)).hasMatch() || out.wordBefore(m.capturedStart()) == u"aged")
            continue;
        const int n = numberValue(m.captured(1));
        if (n <= 0)
            continue;
        // "292,000 week ago": thousands of a singular unit are a quantity of something else.
        if (n >= 1000 && !m.captured(0).endsWith(u's'))
            continue;
        out.addDuration(m.capturedStart(), m.capturedEnd(), n, m.captured(2));
    }

    // Times of day: "10 pm", "10:30 a.m.", "at 14:00", "at noon". Their day comes from context.
    static const QRegularExpression clock(
        QStringLiteral("\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?i:([ap])(?:\\.\\s?m\\.?|\\s?m\\b))"));
    static const QRegularExpression h24(QStringLiteral("\\b(?i:at)\\s+((\\d{1,2}):(\\d{2}))\\b(?!\\s*[ap]\\.?m)"));
    static const QRegularExpression noon(
        QStringLiteral("\\b(?i:at|by|until|after|before)\\s+((?i:noon|midnight|midday))\\b"));
    // "4 a.m. Thursday": one expression, the time on the day written after it.
    static const QRegularExpression dayAfter(
        QStringLiteral("^\\s+(%1)\\b(?!\\s+(?i:morning|afternoon|evening|night))").arg(Weekday));
    for (auto it = out.matches(Digit, clock); it.hasNext();) {
        const auto m = it.next();
        int h = m.captured(1).toInt();
        if (h < 1 || h > 12)
            continue;
        const bool pm = m.captured(3).toLower() == u"p";
        h = (h % 12) + (pm ? 12 : 0);
        qsizetype end = m.capturedEnd();
        // A sentence-final "p.m." keeps its period; a sentence's own full stop is not part of it.
        if (const auto d = dayAfter.match(body.mid(end, 16)); d.hasMatch() && out.anchor().isValid()) {
            const QDate day = weekdayDate(body, m.capturedStart(), end + d.capturedEnd(1),
                weekdayNumber(d.capturedView(1)), QString(), out.anchor());
            out.addTimeOn(m.capturedStart(), end + d.capturedEnd(1), day, h, m.captured(2).toInt(), QString());
        }
        out.addTime(m.capturedStart(), end, h, m.captured(2).toInt());
    }
    for (auto it = out.matches(Digit, h24); it.hasNext();) {
        const auto m = it.next();
        out.addTime(m.capturedStart(1), m.capturedEnd(1), m.captured(2).toInt(), m.captured(3).toInt());
    }
    for (auto it = out.matches(NoonWord, noon); it.hasNext();) {
        const auto m = it.next();
        out.addTime(m.capturedStart(1), m.capturedEnd(1), m.captured(1).toLower() == u"midnight" ? 0 : 12, 0);
    }
}

} // namespace gloss::extract::temporal
