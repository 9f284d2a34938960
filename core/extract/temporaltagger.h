#pragma once

#include "model/timevalue.h"

#include <QDate>
#include <QList>
#include <QString>

// Finds temporal expressions in an article body and normalises each, TIMEX3-style, against an
// anchor date (the publication date, else the retrieval date). Deterministic and offline.
namespace gloss::extract {

// The value types live in the model, where storage reads them too; these names keep the tagger's
// callers (the timeline panel among them) reading as before.
using model::Granularity;
using model::parseTimeValue;

struct TimeExpression
{
    qsizetype start = 0; // UTF-16 positions in the body: body.mid(start, end - start) == text
    qsizetype end = 0;
    QString text;
    // TIMEX3-like (see model/timevalue.h): 2018-06-07, 2018-W23, 2018-02, 2018-Q2, 2018, 201X,
    // 19 (century), P3M, PT4H, 2018-06-09T22:00, and intervals "2018-06-07/2018-06-09".
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

} // namespace gloss::extract
