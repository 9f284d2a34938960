#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

// The TIMEX3-like values Gloss gives dates, weeks, months, ... and durations: what the temporal
// tagger writes, what a researcher may type instead, and the days each covers on the timeline.
namespace gloss::model {

// Reference: PRESENT_REF, PAST_REF, FUTURE_REF ("now", "at the time"); Set: a recurrence ("every
// morning", "annually"), whose value is a period (P1Y) or a repeated point (XXXX-XX-XXTMO).
enum class Granularity { Day, Week, Month, Quarter, Year, Decade, Century, Duration, Time, Reference, Set };

// "day", "week", ..., "duration", "time"; and back (an unknown name gives std::nullopt).
QString granularityName(Granularity g);
std::optional<Granularity> granularityFromName(QStringView name);

// The granularity and the days covered by a value such as 2018-06-07, 2018-W23, 2018-02, 2018-Q2,
// 2018, 201X (decade), 19 (century), P3M, PT4H, 2018-06-09T22:00, 2018-06-09T22:00Z or -05 (a zone),
// 2018-06-09TAF (a part of the day: MO, AF, EV, NI), T22:00, an interval "2018-06-07/2018-06-09",
// PRESENT_REF, PAST_REF, FUTURE_REF, or a recurring point (XXXX-XX-XXTMO, XXXX-WXX-1, XXXX-SU);
// false when the value is not understood. Durations, references, recurrences and a time without a
// day parse with invalid dates.
bool parseTimeValue(const QString &value, Granularity &granularity, QDate &rangeStart, QDate &rangeEnd);

// Why a researcher's correction cannot be kept, in words they can act on; empty when it can.
// `value` (when not empty) must be a value parseTimeValue understands and `granularity` (when not
// empty) a granularity name; empty ones keep what extraction found.
QString checkTimeValue(const QString &value, const QString &granularity = {});

// What a value without a place on the timeline means, in words: durations ("3 months", "months"
// for P3M and PXM), recurrences ("every Monday morning", "every year" for a set of P1Y), references
// ("the present") and a time of no known day ("22:00, day not known"). Other values come back as
// they are.
QString describeTimeValue(const QString &value, Granularity granularity);

} // namespace gloss::model
