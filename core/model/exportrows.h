#pragma once

#include "model/articlefilter.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::model {

// What an export covers: the articles a filter keeps and, when ids are given, only those of them.
struct ExportScope
{
    model::ArticleFilter filter;
    QList<qint64> articleIds; // the window's selection; empty: every article the filter keeps
    bool isWholeProject() const { return filter.isEmpty() && articleIds.isEmpty(); }
};

// One row of the highlights query: a highlight with one of its tags (tagId 0 when it has none),
// or, for the wide query, with all of them in `tagIds` ("3,7", in the order they were applied).
// Text cells are UTF-8 straight from SQLite and valid only during the callback, so a million rows
// stream without a copy.
struct HighlightExportRow
{
    qint64 articleId = 0;
    qint64 highlightId = 0;
    qint64 start = 0; // code points into the body
    qint64 end = 0;
    qint64 tagId = 0;
    QByteArrayView tagIds;
    QByteArrayView title, published, source, text, note, coder, created, modified;
};

// One row of the articles query; like HighlightExportRow, valid only during the callback.
struct ArticleExportRow
{
    qint64 id = 0;
    qint64 words = 0;
    qint64 highlights = 0;
    qint64 entities = 0; // distinct entities mentioned
    QByteArrayView tagIds; // article-level tags, "3,7"
    QByteArrayView title, published, retrieved, dateline, source, url, note, body;
    QList<QByteArrayView> variables; // the values of the variables asked for, in that order (empty: none)
};

struct EntityExportRow
{
    QString name;
    QString type;
    QStringList aliases; // other names it is known by, sorted
    qint64 articles = 0;
    qint64 mentions = 0;
    QString firstPublished; // ISO dates of the earliest and latest article mentioning it
    QString lastPublished;
};

// How often a tag is used in a scope: highlights carrying it, and articles with it on a highlight
// or as an article tag.
struct TagUsage
{
    qint64 highlights = 0;
    qint64 articles = 0;
};

} // namespace gloss::model
