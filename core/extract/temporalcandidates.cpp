#include "extract/temporalcandidates.h"

#include <algorithm>

namespace gloss::extract::temporal {

namespace {

QString pad(int n, int width)
{
    return QStringLiteral("%1").arg(n, width, 10, QChar(u'0'));
}

QString dayValue(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString weekValue(const QDate &d)
{
    int year = 0;
    const int week = d.weekNumber(&year);
    return pad(year, 4) + u"-W" + pad(week, 2);
}

QString monthValue(int year, int month)
{
    return pad(year, 4) + u'-' + pad(month, 2);
}

QDate mondayOf(const QDate &d)
{
    return d.addDays(1 - d.dayOfWeek());
}

} // namespace

void TimeCandidates::add(qsizetype start, qsizetype end, const QString &value, Granularity g, QDate from, QDate to)
{
    Candidate c;
    c.expr.start = start;
    c.expr.end = end;
    c.expr.text = m_body.mid(start, end - start);
    c.expr.value = value;
    c.expr.granularity = g;
    c.expr.rangeStart = from;
    c.expr.rangeEnd = to;
    m_candidates.append(c);
}

void TimeCandidates::addDay(qsizetype start, qsizetype end, const QDate &d)
{
    add(start, end, dayValue(d), Granularity::Day, d, d);
}

void TimeCandidates::addDayRange(qsizetype start, qsizetype end, const QDate &from, const QDate &to)
{
    add(start, end, dayValue(from) + u'/' + dayValue(to), Granularity::Day, from, to);
}

void TimeCandidates::addWeek(qsizetype start, qsizetype end, const QDate &d)
{
    add(start, end, weekValue(d), Granularity::Week, mondayOf(d), mondayOf(d).addDays(6));
}

void TimeCandidates::addMonth(qsizetype start, qsizetype end, int year, int month)
{
    const QDate first(year, month, 1);
    add(start, end, monthValue(year, month), Granularity::Month, first, first.addMonths(1).addDays(-1));
}

void TimeCandidates::addQuarter(qsizetype start, qsizetype end, int year, int quarter)
{
    const QDate first(year, 3 * (quarter - 1) + 1, 1);
    add(start, end, pad(year, 4) + u"-Q" + QString::number(quarter), Granularity::Quarter, first,
        first.addMonths(3).addDays(-1));
}

void TimeCandidates::addYear(qsizetype start, qsizetype end, int year)
{
    add(start, end, pad(year, 4), Granularity::Year, QDate(year, 1, 1), QDate(year, 12, 31));
}

void TimeCandidates::addDecade(qsizetype start, qsizetype end, int decadeStart)
{
    add(start, end, pad(decadeStart / 10, 3) + u'X', Granularity::Decade, QDate(decadeStart, 1, 1),
        QDate(decadeStart + 9, 12, 31));
}

void TimeCandidates::addCentury(qsizetype start, qsizetype end, int ordinal)
{
    const int first = (ordinal - 1) * 100;
    add(start, end, pad(ordinal - 1, 2), Granularity::Century, QDate(std::max(first, 1), 1, 1),
        QDate(first + 99, 12, 31));
}

void TimeCandidates::addDuration(qsizetype start, qsizetype end, int n, const QString &unit)
{
    const QString u = unit.toLower();
    QString value;
    if (u.startsWith(u"second"))
        value = QStringLiteral("PT%1S").arg(n);
    else if (u.startsWith(u"minute"))
        value = QStringLiteral("PT%1M").arg(n);
    else if (u.startsWith(u"hour"))
        value = QStringLiteral("PT%1H").arg(n);
    else if (u.startsWith(u"day"))
        value = QStringLiteral("P%1D").arg(n);
    else if (u.startsWith(u"week"))
        value = QStringLiteral("P%1W").arg(n);
    else if (u.startsWith(u"month"))
        value = QStringLiteral("P%1M").arg(n);
    else if (u.startsWith(u"year"))
        value = QStringLiteral("P%1Y").arg(n);
    else if (u.startsWith(u"decade"))
        value = QStringLiteral("P%1Y").arg(n * 10);
    else
        value = QStringLiteral("P%1Y").arg(n * 100);
    add(start, end, value, Granularity::Duration, {}, {});
}

void TimeCandidates::addTime(qsizetype start, qsizetype end, int hour, int minute, const QString &zone)
{
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return;
    Candidate c;
    c.expr.start = start;
    c.expr.end = end;
    c.expr.text = m_body.mid(start, end - start);
    c.expr.granularity = Granularity::Time;
    c.hour = hour;
    c.minute = minute;
    c.zone = zone;
    m_candidates.append(c);
}

void TimeCandidates::addTimeOn(
    qsizetype start, qsizetype end, const QDate &day, int hour, int minute, const QString &zone)
{
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !day.isValid())
        return;
    add(start, end, timeOfDayValue(day, hour, minute, zone), Granularity::Time, day, day);
}

void TimeCandidates::addPartOfDay(qsizetype start, qsizetype end, const QDate &day, const QString &part)
{
    if (day.isValid())
        add(start, end, dayValue(day) + u'T' + part, Granularity::Time, day, day);
}

void TimeCandidates::addReference(qsizetype start, qsizetype end, const QString &value)
{
    // The present is the day the article speaks from; the past and the future have no place.
    const QDate day = value == u"PRESENT_REF" ? m_anchor : QDate();
    add(start, end, value, Granularity::Reference, day, day);
}

void TimeCandidates::addSet(qsizetype start, qsizetype end, const QString &value)
{
    add(start, end, value, Granularity::Set, {}, {});
}

void TimeCandidates::addDurationValue(qsizetype start, qsizetype end, const QString &value)
{
    add(start, end, value, Granularity::Duration, {}, {});
}

QString TimeCandidates::wordBefore(qsizetype pos, int skip) const
{
    qsizetype i = pos;
    for (int k = 0; k <= skip; ++k) {
        while (i > 0 && !m_body.at(i - 1).isLetterOrNumber())
            --i;
        const qsizetype wordEnd = i;
        while (i > 0 && (m_body.at(i - 1).isLetterOrNumber() || m_body.at(i - 1) == u'-'))
            --i;
        if (k == skip)
            return m_body.mid(i, wordEnd - i).toLower();
    }
    return {};
}

QString timeOfDayValue(const QDate &day, int hour, int minute, const QString &zone)
{
    const QString time = u'T' + pad(hour, 2) + u':' + pad(minute, 2) + zone;
    return day.isValid() ? dayValue(day) + time : time;
}

} // namespace gloss::extract::temporal
