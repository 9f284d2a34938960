#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

// The TIMEX3-like values Gloss gives dates, weeks, months, ... and durations: what the temporal
// tagger writes, what a researcher may type instead, and the days each covers on the timeline.
namespace gloss::model {

enum class Granularity { Day, Week, Month, Quarter, Year, Decade, Century, Duration, Time };

// "day", "week", ..., "duration", "time"; and back (an unknown name gives std::nullopt).
QString granularityName(Granularity g);
std::optional<Granularity> granularityFromName(QStringView name);

// The granularity and the days covered by a value such as 2018-06-07, 2018-W23, 2018-02, 2018-Q2,
// 2018, 201X (decade), 19 (century), P3M, PT4H, 2018-06-09T22:00, T22:00 or an interval
// "2018-06-07/2018-06-09"; false when the value is not understood. Durations and a time without a
// day parse with invalid dates.
bool parseTimeValue(const QString &value, Granularity &granularity, QDate &rangeStart, QDate &rangeEnd);

// Why a researcher's correction cannot be kept, in words they can act on; empty when it can.
// `value` (when not empty) must be a value parseTimeValue understands and `granularity` (when not
// empty) a granularity name; empty ones keep what extraction found.
QString checkTimeValue(const QString &value, const QString &granularity = {});

} // namespace gloss::model
