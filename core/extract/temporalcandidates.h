#pragma once

#include "extract/temporaltagger.h"
#include "extract/temporaltriggers.h"

#include <QDate>
#include <QList>
#include <QRegularExpression>
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
    QString zone; // the ISO offset of a time written with its zone ("Z", "-05"), else empty
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
        , m_triggers(scanTriggers(body))
    { }

    const QString &body() const { return m_body; }
    const QDate &anchor() const { return m_anchor; }
    // Whether the body has every trigger word of `triggers` (see temporaltriggers.h): a pattern runs
    // only where the words it needs are.
    bool has(quint32 triggers) const { return (m_triggers & triggers) == triggers; }
    // The matches of `re` in the body, none (without running it) when a trigger it needs is absent.
    QRegularExpressionMatchIterator matches(quint32 triggers, const QRegularExpression &re) const
    {
        return has(triggers) ? re.globalMatch(m_body) : QRegularExpressionMatchIterator();
    }
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
    // Ignored when the hour or the minute is out of range. `zone` is an ISO offset ("Z", "-05").
    void addTime(qsizetype start, qsizetype end, int hour, int minute, const QString &zone = {});
    // A time of day on a known day ("15:00 GMT Saturday").
    void addTimeOn(qsizetype start, qsizetype end, const QDate &day, int hour, int minute, const QString &zone);
    // A part of a day ("Friday afternoon": 2013-03-22TAF); `part` is MO, AF, EV or NI.
    void addPartOfDay(qsizetype start, qsizetype end, const QDate &day, const QString &part);
    // PRESENT_REF ("now", placed on the anchor's day), PAST_REF, FUTURE_REF.
    void addReference(qsizetype start, qsizetype end, const QString &value);
    // A recurrence: "P1Y" for "annually", "XXXX-XX-XXTMO" for "every morning".
    void addSet(qsizetype start, qsizetype end, const QString &value);
    // A duration whose value is already written ("PXW" for "recent weeks").
    void addDurationValue(qsizetype start, qsizetype end, const QString &value);

    // The lower-case word before `pos` (skipping `skip` words), without punctuation.
    QString wordBefore(qsizetype pos, int skip = 0) const;

private:
    const QString &m_body;
    const QDate m_anchor;
    const quint32 m_triggers;
    QList<Candidate> m_candidates;
};

// The value of a time of day: on `day` ("2018-06-09T22:00"), or alone ("T22:00") when the day is
// invalid; `zone` (an ISO offset) follows the time.
QString timeOfDayValue(const QDate &day, int hour, int minute, const QString &zone = {});

} // namespace gloss::extract::temporal
