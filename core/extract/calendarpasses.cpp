#include "extract/calendarpasses.h"

#include "extract/temporalanchor.h"
#include "extract/temporalcandidates.h"
#include "extract/temporalvocabulary.h"

#include <QRegularExpression>

#include <algorithm>

namespace gloss::extract::temporal {

void findDates(TimeCandidates &out)
{
    const QString &body = out.body();
    const QDate &anchor = out.anchor();
    static const QRegularExpression iso(QStringLiteral("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"));
    for (auto it = out.matches(Digit, iso); it.hasNext();) {
        const auto m = it.next();
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (d.isValid())
            out.addDay(m.capturedStart(), m.capturedEnd(), d);
    }
    static const QRegularExpression isoWeek(QStringLiteral("\\b(\\d{4})-W(\\d{2})\\b"));
    for (auto it = out.matches(Digit, isoWeek); it.hasNext();) {
        const auto m = it.next();
        QDate d = QDate(m.captured(1).toInt(), 1, 4); // 4 January is always in week 1
        d = d.addDays(1 - d.dayOfWeek() + 7 * (m.captured(2).toInt() - 1)); // its week's Monday, then on
        if (d.isValid() && m.captured(2).toInt() >= 1 && m.captured(2).toInt() <= 53)
            out.addWeek(m.capturedStart(), m.capturedEnd(), d);
    }

    // "June 7-9", "7-9 June", with an optional year: one interval of days.
    static const QRegularExpression rangeMd(
        QStringLiteral("\\b(%1)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[-\u2013]\\s*(\\d{1,2})"
                       "(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?")
            .arg(MonthAny));
    static const QRegularExpression rangeDm(
        QStringLiteral("\\b(\\d{1,2})\\s*[-\u2013]\\s*(\\d{1,2})\\s+(%1)(?!\\w)(?:,?\\s+(\\d{4})\\b)?").arg(MonthAny));
    auto addRange = [&](qsizetype s, qsizetype e, int month, int d1, int d2, int year) {
        const QDate from = monthDay(month, d1, year, anchor);
        if (!from.isValid())
            return;
        const QDate to(from.year(), month, d2);
        if (!to.isValid() || to < from)
            return;
        out.addDayRange(s, e, from, to);
    };
    for (auto it = out.matches(Digit | MonthName, rangeMd); it.hasNext();) {
        const auto m = it.next();
        addRange(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(1)), m.captured(2).toInt(),
            m.captured(3).toInt(), m.captured(4).toInt());
    }
    for (auto it = out.matches(Digit | MonthName, rangeDm); it.hasNext();) {
        const auto m = it.next();
        addRange(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(3)), m.captured(1).toInt(),
            m.captured(2).toInt(), m.captured(4).toInt());
    }

    // "(Monday,) June 7(th)(, 2018)" and "(Monday) 7(th) (of) June (2018)".
    static const QRegularExpression md(
        QStringLiteral("\\b(?:(?:%1),?\\s+)?(%2)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[-\u2013]\\s*\\d)"
                       "(?:,?\\s+(\\d{4})\\b)?")
            .arg(Weekday, MonthAny));
    static const QRegularExpression dm(
        QStringLiteral("\\b(?:(?:%1),?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(%2)(?!\\w)(?:,?\\s+(\\d{4})\\b)?")
            .arg(Weekday, MonthAny));
    auto addDate = [&](qsizetype s, qsizetype e, int month, int day, int year) {
        QDate d;
        // The attacks of 11 September 2001 are named by their date alone.
        if (month == 9 && day == 11 && year == 0
            && (body.mid(std::max<qsizetype>(0, s - 11), 11).contains(QStringLiteral("attacks of"))
                || body.mid(e, 9).startsWith(QStringLiteral(" attacks"))))
            d = QDate(2001, 9, 11);
        else if (year > 0 || anchor.isValid())
            d = monthDay(month, day, year, anchor);
        if (d.isValid())
            out.addDay(s, e, d);
    };
    for (auto it = out.matches(Digit | MonthName, md); it.hasNext();) {
        const auto m = it.next();
        addDate(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(1)), m.captured(2).toInt(),
            m.captured(3).toInt());
    }
    for (auto it = out.matches(Digit | MonthName, dm); it.hasNext();) {
        const auto m = it.next();
        addDate(m.capturedStart(), m.capturedEnd(), monthNumber(m.capturedView(2)), m.captured(1).toInt(),
            m.captured(3).toInt());
    }
}

void findMonths(TimeCandidates &out)
{
    const QString &body = out.body();
    const QDate &anchor = out.anchor();
    // "June 2018", "June of 2018".
    static const QRegularExpression my(QStringLiteral("\\b(%1)(?:\\s+of)?,?\\s+(\\d{4})\\b").arg(MonthAny));
    for (auto it = out.matches(Digit | MonthName, my); it.hasNext();) {
        const auto m = it.next();
        out.addMonth(m.capturedStart(), m.capturedEnd(), m.captured(2).toInt(), monthNumber(m.capturedView(1)));
    }

    // A bare month name, when a preposition or a modifier says it is one ("in May", not "May").
    if (anchor.isValid()) {
        static const QRegularExpression month(
            QStringLiteral("\\b(?:((?i:last|next|this|early|late|mid))(?:\\s+|-))?(%1)\\b(?!\\s+\\d)").arg(MonthFull));
        for (auto it = out.matches(MonthName, month); it.hasNext();) {
            const auto m = it.next();
            const int mon = monthNumber(m.capturedView(2));
            const QString modifier = m.captured(1).toLower();
            const QString before = out.wordBefore(m.capturedStart());
            if (modifier.isEmpty()) {
                if (!isMonthPreposition(before))
                    continue;
                if (before == u"to" && (mon == 3 || mon == 5))
                    continue; // "to March", "to May": a verb
            }
            int year = 0;
            if (modifier == u"last")
                year = mon < anchor.month() ? anchor.year() : anchor.year() - 1;
            else if (modifier == u"next")
                year = mon > anchor.month() ? anchor.year() : anchor.year() + 1;
            else if (modifier == u"this")
                year = anchor.year();
            else if (before == u"since" || (before == u"in" && out.wordBefore(m.capturedStart(), 1) == u"back"))
                year = monthYear(mon, Tense::Past, anchor);
            else if (before == u"of" && !modifier.isEmpty())
                year = monthYear(mon, tenseInContext(body, m.capturedStart(), m.capturedEnd(), false), anchor);
            else if (before == u"of")
                year = monthYear(mon, Tense::Past, anchor); // "the floods of March": an event that happened
            else
                year = monthYear(mon, tenseInContext(body, m.capturedStart(), m.capturedEnd(), false), anchor);
            out.addMonth(m.capturedStart(), m.capturedEnd(), year, mon);
        }
    }
}

void findYears(TimeCandidates &out)
{
    const QString &body = out.body();
    // Years: four digits that are not an amount, a measure or part of a longer number.
    static const QRegularExpression year(QStringLiteral(
        "(?<![\\d$\u20ac\u00a3.,/-])\\b(1[5-9]\\d\\d|20\\d\\d)\\b(?![.,/]?\\d|%|-\\d|\\s*(?:percent|per cent))"
        // A clock with its zone ("1630 EST", "0900 GMT"): a time (see findZonedTimes), never a year.
        "(?!\\s*(?:hrs|hours)?\\s*(?:GMT|UTC|BST|CEST|CET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST)\\b)"));
    for (auto it = out.matches(Digit, year); it.hasNext();) {
        const auto m = it.next();
        if (isApproximation(out.wordBefore(m.capturedStart())))
            continue;
        static const QRegularExpression unitAfter(
            QStringLiteral("^\\s+(?:people|troops|soldiers|km|kilometres|kilometers|"
                           "metres|meters|miles|tonnes|tons|units|votes|jobs|"
                           "millimetres|dollars|euros|members|users|cases)\\b"));
        if (unitAfter.match(body.mid(m.capturedEnd(), 20)).hasMatch())
            continue;
        out.addYear(m.capturedStart(), m.capturedEnd(), m.captured(1).toInt());
    }

    // A year of two digits after an apostrophe, where a preposition or a month says it is one: "in '58",
    // "March '09", "the class of '68", "the '67 riots"; "the '90s" is a decade.
    const QDate &anchor = out.anchor();
    static const QRegularExpression shortYear(
        QStringLiteral("(?<![\\w'\u2019])['\u2019](\\d{2})(s?)\\b(?!['\u2019\\w]|\\s+(?:percent|per cent|years?)\\b)"));
    for (auto it = out.matches(Apostrophe, shortYear); it.hasNext();) {
        const auto m = it.next();
        const int yy = m.captured(1).toInt();
        // The century: the latest that does not put the year more than a year past the anchor (or, without
        // one, the 1900s for 30 and later).
        const int pivot = anchor.isValid() ? anchor.year() + 1 : 2029;
        const int y = (pivot / 100) * 100 + yy <= pivot ? (pivot / 100) * 100 + yy : (pivot / 100 - 1) * 100 + yy;
        if (m.capturedLength(2) > 0) {
            const bool the = m.capturedStart() >= 4
                && body.mid(m.capturedStart() - 4, 4).compare(u"the ", Qt::CaseInsensitive) == 0;
            if (yy % 10 == 0)
                out.addDecade(m.capturedStart() - (the ? 4 : 0), m.capturedEnd(), y);
            continue;
        }
        static const QStringList before = {QStringLiteral("in"), QStringLiteral("of"), QStringLiteral("since"),
            QStringLiteral("from"), QStringLiteral("by"), QStringLiteral("until"), QStringLiteral("till"),
            QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("and"), QStringLiteral("to"),
            QStringLiteral("during"), QStringLiteral("summer"), QStringLiteral("spring"), QStringLiteral("autumn"),
            QStringLiteral("fall"), QStringLiteral("winter"), QStringLiteral("early"), QStringLiteral("late"),
            QStringLiteral("mid"), QStringLiteral("class"), QStringLiteral("the")};
        const QString w = out.wordBefore(m.capturedStart());
        static const QStringList months = QString(MonthFull).toLower().split(u'|')
            + QStringList{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
                QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                QStringLiteral("sept"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
        if (!before.contains(w) && !months.contains(w))
            continue;
        out.addYear(m.capturedStart(), m.capturedEnd(), y);
    }

    // Decades: "the 1990s", "1960s", "the early 2000s".
    static const QRegularExpression decade(
        QStringLiteral("\\b(?:(?i:the)\\s+)?(?:(?i:early|mid|late)[- ]?)?(1\\d|20)(\\d)0s\\b"));
    for (auto it = out.matches(Digit, decade); it.hasNext();) {
        const auto m = it.next();
        out.addDecade(m.capturedStart(), m.capturedEnd(), m.captured(1).toInt() * 100 + m.captured(2).toInt() * 10);
    }

    // Centuries: "the 20th century", "the nineteenth century".
    static const QRegularExpression century(QStringLiteral(
        "\\b(?i:(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)|(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|"
        "eighth|"
        "ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        "twentieth|twenty-first))\\s+(?i:century)\\b"));
    for (auto it = out.matches(CenturyWord, century); it.hasNext();) {
        const auto m = it.next();
        const int n = m.captured(1).isEmpty() ? ordinalNumber(m.captured(2).toLower()) : m.captured(1).toInt();
        if (n < 1 || n > 30)
            continue;
        out.addCentury(m.capturedStart(), m.capturedEnd(), n);
    }
}

void findQuarters(TimeCandidates &out)
{
    const QDate &anchor = out.anchor();
    // Quarters: "the second quarter of 2018", "Q2 2018", "the third quarter".
    static const QRegularExpression quarter(QStringLiteral("\\b(?i:(first|second|third|fourth|final|1st|2nd|3rd|4th)"
                                                           "\\s+quarter)(?:\\s+of\\s+(\\d{4})\\b|,?\\s+(\\d{4})\\b)?"));
    static const QRegularExpression qShort(QStringLiteral("\\bQ([1-4])(?:\\s+(\\d{4}))?\\b"));
    for (auto it = out.matches(QuarterWord, quarter); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(1).toLower();
        const int q = (w == u"first" || w == u"1st") ? 1
            : (w == u"second" || w == u"2nd")        ? 2
            : (w == u"third" || w == u"3rd")         ? 3
                                                     : 4;
        int y = m.captured(2).isEmpty() ? m.captured(3).toInt() : m.captured(2).toInt();
        if (y == 0) {
            if (!anchor.isValid())
                continue;
            y = anchor.year();
        }
        out.addQuarter(m.capturedStart(), m.capturedEnd(), y, q);
    }
    for (auto it = out.matches(QuarterWord, qShort); it.hasNext();) {
        const auto m = it.next();
        int y = m.captured(2).toInt();
        if (y == 0) {
            if (!anchor.isValid())
                continue;
            y = anchor.year();
        }
        out.addQuarter(m.capturedStart(), m.capturedEnd(), y, m.captured(1).toInt());
    }
}

} // namespace gloss::extract::temporal
