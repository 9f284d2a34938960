#include "model/timevalue.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <span>

namespace gloss::model {

namespace {

QDate mondayOf(const QDate &d)
{
    return d.addDays(1 - d.dayOfWeek());
}

} // namespace

QString granularityName(Granularity g)
{
    switch (g) {
    case Granularity::Day:
        return QStringLiteral("day");
    case Granularity::Week:
        return QStringLiteral("week");
    case Granularity::Month:
        return QStringLiteral("month");
    case Granularity::Quarter:
        return QStringLiteral("quarter");
    case Granularity::Year:
        return QStringLiteral("year");
    case Granularity::Decade:
        return QStringLiteral("decade");
    case Granularity::Century:
        return QStringLiteral("century");
    case Granularity::Duration:
        return QStringLiteral("duration");
    case Granularity::Time:
        return QStringLiteral("time");
    case Granularity::Reference:
        return QStringLiteral("reference");
    case Granularity::Set:
        return QStringLiteral("set");
    }
    return {};
}

std::optional<Granularity> granularityFromName(QStringView name)
{
    for (const Granularity g : {Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Quarter,
             Granularity::Year, Granularity::Decade, Granularity::Century, Granularity::Duration, Granularity::Time,
             Granularity::Reference, Granularity::Set})
        if (name == granularityName(g))
            return g;
    return std::nullopt;
}

bool parseTimeValue(const QString &value, Granularity &granularity, QDate &rangeStart, QDate &rangeEnd)
{
    const QString v = value.trimmed();
    static const QRegularExpression day(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression time(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2})(?:Z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    static const QRegularExpression partOfDay(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})T(?:MO|AF|EV|NI|DT)$"));
    static const QRegularExpression recurring(
        QStringLiteral("^XXXX(?:-XX-XX(?:T(?:MO|AF|EV|NI|DT|\\d{2}:\\d{2}))?|-WXX-[1-7](?:T(?:MO|AF|EV|NI))?|"
                       "-WXX-WE|-(?:SP|SU|FA|WI)|-\\d{2}(?:-\\d{2})?)$"));
    static const QRegularExpression week(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarter(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression year(QStringLiteral("^(\\d{4})$"));
    static const QRegularExpression decade(QStringLiteral("^(\\d{3})X$"));
    static const QRegularExpression century(QStringLiteral("^(\\d{2})$"));
    static const QRegularExpression duration(
        QStringLiteral("^P(?:(?:\\d+|X)(?:[YMWDQ]|DE|CE))+(?:T(?:(?:\\d+|X)[HMS])+)?$|^PT(?:(?:\\d+|X)[HMS])+$"));
    QRegularExpressionMatch m;
    if (const qsizetype slash = v.indexOf(u'/'); slash > 0) {
        Granularity g1, g2;
        QDate a1, a2, b1, b2;
        if (!parseTimeValue(v.left(slash), g1, a1, a2) || !parseTimeValue(v.mid(slash + 1), g2, b1, b2) || !a1.isValid()
            || !b2.isValid() || b2 < a1)
            return false;
        granularity = g1;
        rangeStart = a1;
        rangeEnd = b2;
        return true;
    }
    if ((m = day.match(v)).hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        granularity = Granularity::Day;
        rangeStart = rangeEnd = d;
        return d.isValid();
    }
    if (v == u"PRESENT_REF" || v == u"PAST_REF" || v == u"FUTURE_REF") {
        granularity = Granularity::Reference;
        rangeStart = rangeEnd = QDate();
        return true;
    }
    if (recurring.match(v).hasMatch()) {
        granularity = Granularity::Set;
        rangeStart = rangeEnd = QDate();
        return true;
    }
    if ((m = partOfDay.match(v)).hasMatch()) {
        const QDate d = QDate::fromString(m.captured(1), Qt::ISODate);
        granularity = Granularity::Time;
        rangeStart = rangeEnd = d;
        return d.isValid();
    }
    if ((m = time.match(v)).hasMatch()) {
        const QDate d = QDate::fromString(m.captured(1), Qt::ISODate);
        granularity = Granularity::Time;
        rangeStart = rangeEnd = d;
        return d.isValid() && m.captured(2).toInt() < 24 && m.captured(3).toInt() < 60;
    }
    // A time of day in a text that names no day and has no publication date: a time, no range.
    static const QRegularExpression timeOnly(QStringLiteral("^T(\\d{2}):(\\d{2})(?:Z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    if ((m = timeOnly.match(v)).hasMatch()) {
        granularity = Granularity::Time;
        rangeStart = rangeEnd = QDate();
        return m.captured(1).toInt() < 24 && m.captured(2).toInt() < 60;
    }
    if ((m = week.match(v)).hasMatch()) {
        const int w = m.captured(2).toInt();
        const QDate monday = mondayOf(QDate(m.captured(1).toInt(), 1, 4)).addDays(7 * (w - 1));
        int y = 0;
        if (w < 1 || monday.weekNumber(&y) != w)
            return false;
        granularity = Granularity::Week;
        rangeStart = monday;
        rangeEnd = monday.addDays(6);
        return true;
    }
    if ((m = month.match(v)).hasMatch()) {
        const QDate first(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        granularity = Granularity::Month;
        rangeStart = first;
        rangeEnd = first.addMonths(1).addDays(-1);
        return first.isValid();
    }
    if ((m = quarter.match(v)).hasMatch()) {
        const QDate first(m.captured(1).toInt(), 3 * (m.captured(2).toInt() - 1) + 1, 1);
        granularity = Granularity::Quarter;
        rangeStart = first;
        rangeEnd = first.addMonths(3).addDays(-1);
        return true;
    }
    if ((m = year.match(v)).hasMatch()) {
        const int y = m.captured(1).toInt();
        granularity = Granularity::Year;
        rangeStart = QDate(y, 1, 1);
        rangeEnd = QDate(y, 12, 31);
        return y > 0;
    }
    if ((m = decade.match(v)).hasMatch()) {
        const int y = m.captured(1).toInt() * 10;
        granularity = Granularity::Decade;
        rangeStart = QDate(std::max(y, 1), 1, 1);
        rangeEnd = QDate(y + 9, 12, 31);
        return true;
    }
    if ((m = century.match(v)).hasMatch()) {
        const int y = m.captured(1).toInt() * 100;
        granularity = Granularity::Century;
        rangeStart = QDate(std::max(y, 1), 1, 1);
        rangeEnd = QDate(y + 99, 12, 31);
        return true;
    }
    if (duration.match(v).hasMatch()) {
        granularity = Granularity::Duration;
        rangeStart = rangeEnd = QDate();
        return true;
    }
    return false;
}

QString checkTimeValue(const QString &value, const QString &granularity)
{
    if (!value.isEmpty()) {
        Granularity parsed{};
        QDate rangeStart, rangeEnd;
        if (!parseTimeValue(value, parsed, rangeStart, rangeEnd))
            return QStringLiteral(
                "\"%1\" is not a date value (examples: 2018-06-07, 2018-W23, 2018-02, 2018, 199X, P3M)")
                .arg(value);
    }
    if (!granularity.isEmpty() && !granularityFromName(granularity))
        return QStringLiteral("\"%1\" is not a granularity").arg(granularity);
    return {};
}

namespace {

// "P1Y6M" -> "1 year 6 months", "PXM" -> "several months" (a vague amount, as "weeks of talks" or
// "recent weeks" leave it); empty when not a duration.
QString describeDuration(const QString &value)
{
    if (!value.startsWith(u'P'))
        return {};
    struct Unit
    {
        const char *code;
        const char *one;
        const char *many;
    };
    static const Unit dateUnits[]
        = {{"CE", "century", "centuries"}, {"DE", "decade", "decades"}, {"Y", "year", "years"},
            {"Q", "quarter", "quarters"}, {"M", "month", "months"}, {"W", "week", "weeks"}, {"D", "day", "days"}};
    static const Unit timeUnits[] = {{"H", "hour", "hours"}, {"M", "minute", "minutes"}, {"S", "second", "seconds"}};
    QStringList parts;
    bool inTime = false;
    qsizetype i = 1;
    while (i < value.size()) {
        if (value.at(i) == u'T') {
            inTime = true;
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < value.size() && (value.at(j).isDigit() || value.at(j) == u'X'))
            ++j;
        const QString amount = value.mid(i, j - i);
        if (amount.isEmpty())
            return {};
        bool matched = false;
        for (const Unit &u : inTime ? std::span<const Unit>(timeUnits) : std::span<const Unit>(dateUnits)) {
            const QLatin1StringView code(u.code);
            if (QStringView(value).mid(j).startsWith(code)) {
                if (amount == u"X")
                    parts.append(QStringLiteral("several ") + QLatin1StringView(u.many));
                else
                    parts.append(amount + u' ' + QLatin1StringView(amount == u"1" ? u.one : u.many));
                j += code.size();
                matched = true;
                break;
            }
        }
        if (!matched)
            return {};
        i = j;
    }
    return parts.join(u' ');
}

QString partOfDayName(QStringView code)
{
    if (code == u"MO")
        return QStringLiteral("morning");
    if (code == u"AF")
        return QStringLiteral("afternoon");
    if (code == u"EV")
        return QStringLiteral("evening");
    if (code == u"NI")
        return QStringLiteral("night");
    if (code == u"DT")
        return QStringLiteral("daytime");
    return {};
}

} // namespace

QString describeTimeValue(const QString &value, Granularity granularity)
{
    const QString v = value.trimmed();
    if (v == u"PRESENT_REF")
        return QStringLiteral("the present");
    if (v == u"PAST_REF")
        return QStringLiteral("the past");
    if (v == u"FUTURE_REF")
        return QStringLiteral("the future");
    if (granularity == Granularity::Set && v.startsWith(u'P')) {
        const QString every = describeDuration(v);
        if (every.isEmpty())
            return v;
        if (every.startsWith(u"several "))
            return QStringLiteral("every few ") + every.mid(8); // "every several weeks" is not English
        return every.startsWith(u"1 ") ? QStringLiteral("every ") + every.mid(2) : QStringLiteral("every ") + every;
    }
    if (granularity == Granularity::Set && v.startsWith(QStringLiteral("XXXX"))) {
        static const char *const weekdays[]
            = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        static const QRegularExpression weekday(QStringLiteral("^XXXX-WXX-([1-7])(?:T(MO|AF|EV|NI))?$"));
        static const QRegularExpression daily(QStringLiteral("^XXXX-XX-XX(?:T(MO|AF|EV|NI|DT)|T(\\d{2}:\\d{2}))?$"));
        static const QRegularExpression yearly(QStringLiteral("^XXXX-(\\d{2})(?:-(\\d{2}))?$"));
        QRegularExpressionMatch m;
        if ((m = weekday.match(v)).hasMatch()) {
            QString s = QStringLiteral("every ") + QLatin1StringView(weekdays[m.captured(1).toInt() - 1]);
            if (m.hasCaptured(2))
                s += u' ' + partOfDayName(m.capturedView(2));
            return s;
        }
        if (v == u"XXXX-WXX-WE")
            return QStringLiteral("every weekend");
        if ((m = daily.match(v)).hasMatch()) {
            if (m.hasCaptured(1))
                return QStringLiteral("every ") + partOfDayName(m.capturedView(1));
            if (m.hasCaptured(2))
                return QStringLiteral("every day at ") + m.captured(2);
            return QStringLiteral("every day");
        }
        if (v == u"XXXX-SP")
            return QStringLiteral("every spring");
        if (v == u"XXXX-SU")
            return QStringLiteral("every summer");
        if (v == u"XXXX-FA")
            return QStringLiteral("every autumn");
        if (v == u"XXXX-WI")
            return QStringLiteral("every winter");
        if ((m = yearly.match(v)).hasMatch()) {
            const int month = m.captured(1).toInt();
            if (month < 1 || month > 12)
                return v;
            const QString name = QLocale::c().standaloneMonthName(month, QLocale::LongFormat);
            return m.hasCaptured(2) ? QStringLiteral("every %1 %2").arg(m.captured(2).toInt()).arg(name)
                                    : QStringLiteral("every ") + name;
        }
        return v;
    }
    if (granularity == Granularity::Duration) {
        const QString d = describeDuration(v);
        return d.isEmpty() ? v : d;
    }
    if (granularity == Granularity::Time && v.startsWith(u'T'))
        return v.mid(1) + QStringLiteral(", day not known");
    return v;
}

} // namespace gloss::model
