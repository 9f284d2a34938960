#pragma once

#include "extract/temporaltagger.h"

#include <QDate>
#include <QList>
#include <QString>

#include <utility>

namespace gloss::extract::temporal {

// An expression a pass proposes. A time of day gets its day (and its value) once every pass has
// run, from the days named around it.
struct Candidate
{
    TimeExpression expr;
    int hour = -1; // a time of day when >= 0
    int minute = 0;
};

// The expressions the tagger's passes propose for one body against one anchor, in the order
// proposed, overlapping: the tagger keeps the longest. Each add writes the TIMEX value and the
// days covered, so the passes only say what they found.
class TimeCandidates final
{
public:
    TimeCandidates(const QString &body, const QDate &anchor)
        : m_body(body)
        , m_anchor(anchor)
    { }

    const QString &body() const { return m_body; }
    const QDate &anchor() const { return m_anchor; }
    // What was proposed, in order; the collection is empty afterwards.
    QList<Candidate> take() { return std::exchange(m_candidates, {}); }

    void add(qsizetype start, qsizetype end, const QString &value, Granularity g, QDate from, QDate to);
    void addDay(qsizetype start, qsizetype end, const QDate &d);
    void addDayRange(qsizetype start, qsizetype end, const QDate &from, const QDate &to);
    void addWeek(qsizetype start, qsizetype end, const QDate &d); // the ISO week of d
    void addMonth(qsizetype start, qsizetype end, int year, int month);
    void addQuarter(qsizetype start, qsizetype end, int year, int quarter);
    void addYear(qsizetype start, qsizetype end, int year);
    void addDecade(qsizetype start, qsizetype end, int decadeStart); // 1990 for the 1990s
    void addCentury(qsizetype start, qsizetype end, int ordinal); // 20 for the 20th century
    // `n` of a unit ("second", "hours", "decade", "centuries", ...).
    void addDuration(qsizetype start, qsizetype end, int n, const QString &unit);
    // Ignored when the hour or the minute is out of range.
    void addTime(qsizetype start, qsizetype end, int hour, int minute);

    // The lower-case word before `pos` (skipping `skip` words), without punctuation.
    QString wordBefore(qsizetype pos, int skip = 0) const;

private:
    const QString &m_body;
    const QDate m_anchor;
    QList<Candidate> m_candidates;
};

// The value of a time of day: on `day` ("2018-06-09T22:00"), or alone ("T22:00") when the day is
// invalid.
QString timeOfDayValue(const QDate &day, int hour, int minute);

} // namespace gloss::extract::temporal
