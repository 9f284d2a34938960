#pragma once

#include <QDate>
#include <QString>

// How the temporal tagger places an expression that does not say its year or its day against the
// anchor date (the article's publication date): by the tense of the sentence around it.
namespace gloss::extract::temporal {

enum class Tense { Unknown, Past, Future };

// Whether the character at `i` ends a sentence: a line break, or ".", "!" or "?" before a space
// (closing quotes between them allowed) or the end of the text.
bool isSentenceEnd(const QString &s, qsizetype i);

// The tense around the expression at [start, end) of `body`: the nearest cue before it in its
// clause, then after it in its clause, then before it in the sentence, then after. With
// `presentIsFuture`, a present form speaks of what is planned ("the summit begins Monday").
Tense tenseAround(const QString &body, qsizetype start, qsizetype end, bool presentIsFuture);

// The day a weekday names (1 = Monday) at [start, end) of `body`: "last"/"past" before it is the
// most recent before the anchor, "next"/"coming" the next after it; bare, the tense decides.
QDate weekdayDate(
    const QString &body, qsizetype start, qsizetype end, int weekday, const QString &modifier, const QDate &anchor);

// MO, AF, EV or NI for "morning", "afternoon", "evening", "night" (any case); empty for others.
QString partOfDayCode(const QString &word);

// The tense around the expression, and when its sentence has none, that of the sentences before it
// (up to two): "Sales fell last year. Record orders in May." speaks of a May past.
Tense tenseInContext(const QString &body, qsizetype start, qsizetype end, bool presentIsFuture);

// A day of a month: in `year` when one was written (> 0), else the instance nearest the anchor;
// invalid when there is neither.
QDate monthDay(int month, int day, int year, const QDate &anchor);

// The year of a bare month name: the most recent such month not after the anchor in a past
// context, the next not before it in a future one, else the nearest.
int monthYear(int month, Tense tense, const QDate &anchor);

} // namespace gloss::extract::temporal
