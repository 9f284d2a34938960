#pragma once

#include <QString>
#include <QtGlobal>

// The words that can start or carry a temporal expression, found in one scan of a body, so that
// the tagger runs only the patterns a body calls for (most stories name no zone, no recurrence).
namespace gloss::extract::temporal {

enum Trigger : quint32 {
    Digit = 1u << 0,
    MonthName = 1u << 1, // "March", "Sept"
    WeekdayName = 1u << 2,
    DayWord = 1u << 3, // "today", "yesterday", "tonight", "night", "morning", "this"
    UnitWord = 1u << 4, // "day(s)", "week(s)", "weekend", ..., "centuries"
    AgoWord = 1u << 5,
    QuarterWord = 1u << 6, // "quarter", "Q1".."Q4"
    CenturyWord = 1u << 7,
    ZoneWord = 1u << 8, // "GMT", "EST", ... (upper case only)
    PresentWord = 1u << 9, // "now", "currently", "present", "moment", "days" ("these days")
    PastWord = 1u << 10, // "time", "past", "recently"
    FutureWord = 1u << 11,
    SetWord = 1u << 12, // "every", "each", "annually", "once", "twice", "times", ...
    NoonWord = 1u << 13, // "noon", "midnight", "midday"
    Apostrophe = 1u << 14, // an apostrophe before two digits ("'58")
};

// The triggers present in `body`: one pass over it, no allocation per word.
quint32 scanTriggers(const QString &body);

} // namespace gloss::extract::temporal
