#pragma once

#include <QDate>
#include <QString>

namespace gloss::model {

// A temporal expression of an article as stored: what extraction found, with the researcher's
// correction applied. Offsets are code points into the article's canonical body.
struct TimeRef
{
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 start = 0;
    qint64 end = 0;
    QString text;
    QString value; // TIMEX3-like (see model/timevalue.h), corrected when overridden
    QString granularity; // day|week|month|quarter|year|decade|century|duration|time
    QDate anchor; // the date it was resolved against; invalid when the article has none
    QString anchorKind; // "published" or "retrieved"; empty without an anchor
    QDate rangeStart; // the days it covers; invalid for durations
    QDate rangeEnd;
    QString extractedValue; // what the tagger found, before any correction
    QString extractedGranularity;
    bool overridden = false; // value or granularity corrected by the researcher
    bool dismissed = false; // the researcher said it is not a temporal expression
};

// A researcher's decision about the expression at [start, end) of an article. It is keyed by the
// span, so it survives re-extraction. Empty value/granularity keep what extraction found.
struct TimeRefOverride
{
    qint64 articleId = 0;
    qint64 start = 0;
    qint64 end = 0;
    QString value;
    QString granularity;
    bool dismissed = false;
    QString coder; // who decided ("" for no one named)
};

} // namespace gloss::model
