#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace gloss::model {

// A highlighted passage of an article. Offsets are code points into the canonical body.
// The quote, with some text before and after it, lets the passage be found again.
struct Highlight
{
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 start = 0;
    qint64 end = 0;
    QString quote;
    QString prefix;
    QString suffix;
    QString coder;
    QDateTime created;
    QDateTime modified;
    QList<qint64> tagIds;
    QString note;
};

} // namespace gloss::model
