#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// Finds temporal expressions in an article body and normalises each, TIMEX3-style, against an
// anchor date (the publication date, else the retrieval date). Deterministic and offline.
namespace gloss::extract {

enum class Granularity { Day, Week, Month, Quarter, Year, Decade, Century, Duration, Time };

// "day", "week", ..., "duration", "time"; and back (an unknown name gives std::nullopt).
QString granularityName(Granularity g);
std::optional<Granularity> granularityFromName(QStringView name);

struct TimeExpression
{
    qsizetype start = 0; // UTF-16 positions in the body: body.mid(start, end - start) == text
    qsizetype end = 0;
    QString text;
    // TIMEX3-like: 2018-06-07, 2018-W23, 2018-02, 2018-Q2, 2018, 201X, 19 (century), P3M, PT4H,
    // 2018-06-09T22:00, and intervals "2018-06-07/2018-06-09".
    QString value;
    Granularity granularity = Granularity::Day;
    // The days the expression covers, for the timeline; invalid for durations.
    QDate rangeStart;
    QDate rangeEnd;
};

// Every temporal expression of `body` in text order, none overlapping, resolved against `anchor`.
// With an invalid anchor, expressions that need one (relative dates, bare weekdays and months)
// are left out.
QList<TimeExpression> tagTimeExpressions(const QString &body, const QDate &anchor);

// The granularity and the days covered by a TIMEX3-like value as tagTimeExpressions writes it
// (also for values a researcher typed); false when the value is not understood. Durations parse
// with invalid dates.
bool parseTimeValue(const QString &value, Granularity &granularity, QDate &rangeStart, QDate &rangeEnd);

} // namespace gloss::extract
