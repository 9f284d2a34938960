#include "extract/referencepasses.h"

#include "extract/temporalanchor.h"
#include "extract/temporalcandidates.h"
#include "extract/temporalvocabulary.h"

#include <QHash>
#include <QRegularExpression>

namespace gloss::extract::temporal {

namespace {

// The letter of a unit in a TIMEX3 duration, with "T" before the units of a day's time.
QString durationOf(const QString &n, const QString &unit)
{
    const QString u = unit.toLower();
    if (u.startsWith(u"second"))
        return u"PT" + n + u'S';
    if (u.startsWith(u"minute"))
        return u"PT" + n + u'M';
    if (u.startsWith(u"hour"))
        return u"PT" + n + u'H';
    if (u.startsWith(u"day") || u.startsWith(u"night"))
        return u'P' + n + u'D';
    if (u.startsWith(u"week"))
        return u'P' + n + u'W';
    if (u.startsWith(u"month"))
        return u'P' + n + u'M';
    if (u.startsWith(u"year"))
        return u'P' + n + u'Y';
    if (u.startsWith(u"decade"))
        return u'P' + n + u"DE";
    if (u.startsWith(u"centur"))
        return u'P' + n + u"CE";
    return {};
}

// The ISO offset of a zone abbreviation of news wires.
QString zoneOffset(const QString &zone)
{
    static const QHash<QString, QString> offsets = {
        {QStringLiteral("GMT"), QStringLiteral("Z")},
        {QStringLiteral("UTC"), QStringLiteral("Z")},
        {QStringLiteral("BST"), QStringLiteral("+01")},
        {QStringLiteral("CET"), QStringLiteral("+01")},
        {QStringLiteral("CEST"), QStringLiteral("+02")},
        {QStringLiteral("EST"), QStringLiteral("-05")},
        {QStringLiteral("EDT"), QStringLiteral("-04")},
        {QStringLiteral("CST"), QStringLiteral("-06")},
        {QStringLiteral("CDT"), QStringLiteral("-05")},
        {QStringLiteral("MST"), QStringLiteral("-07")},
        {QStringLiteral("MDT"), QStringLiteral("-06")},
        {QStringLiteral("PST"), QStringLiteral("-08")},
        {QStringLiteral("PDT"), QStringLiteral("-07")},
        {QStringLiteral("JST"), QStringLiteral("+09")},
    };
    return offsets.value(zone);
}

} // namespace

void findReferences(TimeCandidates &out)
{
    static const QRegularExpression present(
        QStringLiteral("\\b(?i:(now|currently|nowadays|presently)|at\\s+(present|the\\s+moment)|(these\\s+days))\\b"
                       "(?![-\u2011])"));
    for (auto it = out.matches(PresentWord, present); it.hasNext();) {
        const auto m = it.next();
        // "now-defunct" is excluded above; "now" as an adjective of a title ("the now president") is rare.
        const int group = m.capturedLength(1) > 0 ? 1 : m.capturedLength(2) > 0 ? 2 : 3;
        out.addReference(m.capturedStart(group), m.capturedEnd(group), QStringLiteral("PRESENT_REF"));
    }
    // "at the time" (not "at the time of the vote", which names its event), "in the past", "recently".
    static const QRegularExpression past(QStringLiteral(
        "\\b(?i:at\\s+(the\\s+time)(?!\\s+(?:of|when)\\b)|(?:in|of|from)\\s+(the\\s+past)(?![\\s-]+(?:\\w+\\s+)?"
        "(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\\d+|seconds?|minutes?|hours?|days?|weeks?|"
        "months?|years?|decades?|centur(?:y|ies)|weekend)\\b)|(recently))\\b"));
    for (auto it = out.matches(PastWord, past); it.hasNext();) {
        const auto m = it.next();
        const int group = m.capturedLength(1) > 0 ? 1 : m.capturedLength(2) > 0 ? 2 : 3;
        out.addReference(m.capturedStart(group), m.capturedEnd(group), QStringLiteral("PAST_REF"));
    }
    static const QRegularExpression future(
        QStringLiteral("\\b(?i:(?:in|of|for)\\s+(the\\s+(?:near\\s+|distant\\s+)?future))\\b"));
    for (auto it = out.matches(FutureWord, future); it.hasNext();) {
        const auto m = it.next();
        out.addReference(m.capturedStart(1), m.capturedEnd(1), QStringLiteral("FUTURE_REF"));
    }
}

void findSets(TimeCandidates &out)
{
    static const QRegularExpression every(
        QStringLiteral("\\b(?i:(?:every|each)\\s+(?:(other|%1)\\s+)?(day|week|month|year|morning|afternoon|evening|"
                       "night|weekend|season|summer|winter|spring|autumn|fall|quarter|hour|minute|"
                       "monday|tuesday|wednesday|thursday|friday|saturday|sunday)(s?))\\b")
            .arg(Number));
    for (auto it = out.matches(SetWord, every); it.hasNext();) {
        const auto m = it.next();
        const QString unit = m.captured(2).toLower();
        const QString count = m.captured(1).toLower();
        const bool many = !count.isEmpty();
        if (many != (m.capturedLength(3) > 0) && count != u"other")
            continue; // "every two day", "each days": not a recurrence
        const int n = count.isEmpty() ? 1 : count == u"other" ? 2 : numberValue(count);
        if (n <= 0)
            continue;
        QString value;
        if (const int wd = weekdayNumber(unit); wd > 0 && unit.size() > 5)
            value = u"XXXX-WXX-" + QString::number(wd);
        else if (const QString part = partOfDayCode(unit); !part.isEmpty())
            value = u"XXXX-XX-XXT" + part;
        else if (unit == u"weekend")
            value = QStringLiteral("XXXX-WXX-WE");
        else if (unit == u"summer")
            value = QStringLiteral("XXXX-SU");
        else if (unit == u"winter")
            value = QStringLiteral("XXXX-WI");
        else if (unit == u"spring")
            value = QStringLiteral("XXXX-SP");
        else if (unit == u"autumn" || unit == u"fall")
            value = QStringLiteral("XXXX-FA");
        else if (unit == u"season")
            value = QStringLiteral("P%1M").arg(3 * n); // a season is a quarter of the year
        else if (unit == u"quarter")
            value = QStringLiteral("P%1M").arg(3 * n);
        else
            value = durationOf(QString::number(n), unit);
        out.addSet(m.capturedStart(), m.capturedEnd(), value);
    }
    static const QRegularExpression adverb(
        QStringLiteral("\\b(?i:(annually|yearly|quarterly|monthly|weekly|daily|nightly|hourly))\\b"));
    for (auto it = out.matches(SetWord, adverb); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(1).toLower();
        const QString value = w == u"annually" || w == u"yearly" ? QStringLiteral("P1Y")
            : w == u"quarterly"                                  ? QStringLiteral("P3M")
            : w == u"monthly"                                    ? QStringLiteral("P1M")
            : w == u"weekly"                                     ? QStringLiteral("P1W")
            : w == u"hourly"                                     ? QStringLiteral("PT1H")
                                                                 : QStringLiteral("P1D");
        out.addSet(m.capturedStart(), m.capturedEnd(), value);
    }
    // "20 typhoons a year", "1,300 flights per day": a count of something for each unit of time.
    static const QRegularExpression rate(
        QStringLiteral("(?<=\\w\\s)(?i:(?:a|per)\\s+(day|week|month|year))\\b"
                       "(?!\\s+(?i:ago|earlier|later|before|after|from|on|or|and|in|to)\\b)"));
    for (auto it = out.matches(UnitWord, rate); it.hasNext();) {
        const auto m = it.next();
        const QString before = out.wordBefore(m.capturedStart());
        static const QStringList notCounts = {QStringLiteral("was"), QStringLiteral("is"), QStringLiteral("has"),
            QStringLiteral("its"), QStringLiteral("this"), QStringLiteral("less"), QStringLiteral("us"),
            QStringLiteral("as"), QStringLiteral("times"), QStringLiteral("yes")};
        const bool count = !before.isEmpty() && (before.front().isDigit() || before.endsWith(u's'));
        if (!count || notCounts.contains(before))
            continue;
        out.addSet(m.capturedStart(), m.capturedEnd(), durationOf(QStringLiteral("1"), m.captured(1)));
    }
    // "twice a week", "three times a year", "once a month".
    static const QRegularExpression frequency(
        QStringLiteral("\\b(?i:(?:once|twice|(?:%1)\\s+times)\\s+(?:a|an|per|each)\\s+(day|week|month|year|night))\\b")
            .arg(Number));
    for (auto it = out.matches(SetWord, frequency); it.hasNext();) {
        const auto m = it.next();
        out.addSet(m.capturedStart(), m.capturedEnd(), durationOf(QStringLiteral("1"), m.captured(1)));
    }
}

void findVagueDurations(TimeCandidates &out)
{
    const QString &body = out.body();
    // A plural unit with a vague modifier ("recent weeks", "the past few days", "several months") or
    // after a preposition that makes it a span ("within days", "for years").
    static const QRegularExpression vague(QStringLiteral(
        "\\b(?i:((?:the\\s+)?(?:(?:past|last|next|coming|recent|previous|following)\\s+)?(?:(?:a\\s+)?few|several|"
        "many|some)\\s+|(?:the\\s+)?(?:past|last|next|coming|recent|previous|following)\\s+|(?:recent|coming)\\s+)?"
        "(seconds|minutes|hours|days|weeks|months|years|decades|centuries))\\b(?!\\s+(?:old|of\\s+age)\\b)"));
    for (auto it = out.matches(UnitWord, vague); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedLength(1) == 0) {
            // Bare, a plural is a span after a preposition that makes it one ("within days", "for
            // years"), before "away" ("weeks away"), or before "of" unless a determiner makes it a
            // noun phrase ("after weeks of talks", not "the days of cheap oil").
            const QString before = out.wordBefore(m.capturedStart());
            static const QStringList spans = {QStringLiteral("for"), QStringLiteral("within"), QStringLiteral("over"),
                QStringLiteral("after"), QStringLiteral("in")};
            static const QStringList determiners
                = {QStringLiteral("the"), QStringLiteral("these"), QStringLiteral("those"), QStringLiteral("its"),
                    QStringLiteral("their"), QStringLiteral("his"), QStringLiteral("her"), QStringLiteral("our")};
            static const QRegularExpression awayAfter(QStringLiteral("^\\s+away\\b"));
            static const QRegularExpression ofAfter(QStringLiteral("^\\s+of\\s+(?!the\\b)"));
            const QString after = body.mid(m.capturedEnd(), 10);
            const bool span = spans.contains(before) || awayAfter.match(after).hasMatch()
                || (ofAfter.match(after).hasMatch() && !determiners.contains(before));
            if (!span)
                continue;
        }
        out.addDurationValue(m.capturedStart(), m.capturedEnd(), durationOf(QStringLiteral("X"), m.captured(2)));
    }
    // Hyphenated: "a four-week strike", "the 24-hour truce", "a three-month-long"; not ages ("five-year-old").
    static const QRegularExpression hyphen(
        QStringLiteral("\\b(%1)-(?i:(second|minute|hour|day|night|week|month|year|decade|century))\\b(?!-old)")
            .arg(Number));
    for (auto it = out.matches(UnitWord, hyphen); it.hasNext();) {
        const auto m = it.next();
        const int n = numberValue(m.captured(1));
        if (n <= 0)
            continue;
        out.addDurationValue(m.capturedStart(), m.capturedEnd(), durationOf(QString::number(n), m.captured(2)));
    }
}

void findZonedTimes(TimeCandidates &out)
{
    const QString &body = out.body();
    const QDate &anchor = out.anchor();
    // "3 p.m. EDT", "15:00 GMT", "1630 EST" (a four-digit clock only with its zone), then maybe the day.
    static const QRegularExpression zoned(
        QStringLiteral("\\b(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*([AaPp])\\.?\\s?[Mm]\\.?|(\\d{1,2}):(\\d{2})|"
                       "([01]\\d|2[0-3])([0-5]\\d)(?:\\s*(?:hrs|hours))?)\\s*(GMT|UTC|BST|CEST|CET|EST|EDT|CST|"
                       "CDT|MST|MDT|PST|PDT|JST)\\b(?:\\s+(%1)\\b)?")
            .arg(Weekday));
    for (auto it = out.matches(ZoneWord, zoned); it.hasNext();) {
        const auto m = it.next();
        int hour = 0;
        int minute = 0;
        if (m.capturedLength(1) > 0) {
            hour = m.captured(1).toInt();
            if (hour < 1 || hour > 12)
                continue;
            hour = hour % 12 + (m.captured(3).toLower() == u"p" ? 12 : 0);
            minute = m.captured(2).toInt();
        } else if (m.capturedLength(4) > 0) {
            hour = m.captured(4).toInt();
            minute = m.captured(5).toInt();
        } else {
            hour = m.captured(6).toInt();
            minute = m.captured(7).toInt();
        }
        const QString zone = zoneOffset(m.captured(8));
        if (m.capturedLength(9) > 0 && anchor.isValid()) {
            const QDate day = weekdayDate(
                body, m.capturedStart(), m.capturedEnd(), weekdayNumber(m.capturedView(9)), QString(), anchor);
            out.addTimeOn(m.capturedStart(), m.capturedEnd(), day, hour, minute, zone);
        } else {
            // Without a day written with it, the tagger gives it the day named nearest (as "10 pm").
            out.addTime(m.capturedStart(), m.capturedEnd(8), hour, minute, zone);
        }
    }
}

} // namespace gloss::extract::temporal
