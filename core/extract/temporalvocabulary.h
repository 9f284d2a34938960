#pragma once

#include <QString>
#include <QStringView>

// The words of dates in English news prose, for the temporal tagger: the names of months, weekdays
// and numbers, and the small words around an expression that tell its tense or that it is none.
namespace gloss::extract::temporal {

// Regular expression alternatives, for building the tagger's patterns.
extern const QString MonthFull; // "January|February|..."
extern const QString MonthAny; // full names and abbreviations ("Jan.", "Sept")
extern const QString Weekday; // "Monday|Tuesday|..."
extern const QString Number; // a cardinal in digits ("1,200") or words, up to "ninety-nine"

// 1-12 for a month name or its abbreviation, 1-7 (Monday first) for a weekday; 0 when it is none.
int monthNumber(QStringView name);
int weekdayNumber(QStringView name);
// The value of a cardinal that Number matches, or of "a" and "an" (1).
int numberValue(const QString &text);
// 1 for "first" up to 21 for "twenty-first" (lower case); 0 for other words.
int ordinalNumber(const QString &w);

// Word lists, lower case. Words that start a noun phrase, so that "to" before them is not an
// infinitive ("to the talks").
bool isDeterminer(const QString &w);
// Past forms that do not end in -ed, and words that point back like them ("was", "met", "ago").
bool isIrregularPast(const QString &w);
// A word of five letters or more ending in -ed, other than those that make no past ("need",
// "united", "expected").
bool isPastParticipleLike(const QString &w);
// Words that put a sentence in the future ("will", "scheduled", "next").
bool isFutureCue(const QString &w);
// Present forms that in news prose speak of what is planned ("the summit begins Monday").
bool isPresentCue(const QString &w);
// Reporting words ("said", "according"): outside an expression's clause they date the speaking.
bool isReportingWord(const QString &w);
// Words before a bare month name that make it a date ("in May", "since March"; not "May said").
bool isMonthPreposition(const QString &w);
// Words before a number that make it an amount, not a year ("about 2000").
bool isApproximation(const QString &w);
// Words before a weekday that make it part of a name ("Good Friday", "Black Monday").
bool isDayNamePrefix(const QString &w);

} // namespace gloss::extract::temporal
