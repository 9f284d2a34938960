#pragma once

#include "model/articlefilter.h"
#include "model/tag.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gloss::storage {

class Database;

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

// The queries behind `gloss export`: each streams its rows in one pass, in the order the export
// writes them (articles by publication date then id, highlights by position in the article).
// A sink returns false to stop early (a cancelled export, a preview); the query then returns false.
class ExportRepository final
{
public:
    explicit ExportRepository(Database &db)
        : m_db(db)
    { }

    bool highlights(const ExportScope &scope, bool wide, const std::function<bool(const HighlightExportRow &)> &sink);
    bool articles(const ExportScope &scope, bool withBody, const std::function<bool(const ArticleExportRow &)> &sink);
    // Entities mentioned in the scope (with a whole-project scope, every entity, mentioned or not).
    bool entities(const ExportScope &scope, const std::function<bool(const EntityExportRow &)> &sink);
    QHash<qint64, TagUsage> tagUsage(const ExportScope &scope);
    // The codebook in tree order (parents before children, siblings by position then name), without
    // the usage counts TagRepository::all() computes: cheap on a project of a million highlights.
    QList<model::Tag> codebook();

    qint64 countHighlights(const ExportScope &scope);
    qint64 countArticles(const ExportScope &scope);
    qint64 countEntities(const ExportScope &scope);

private:
    // The ids of the scope as a JSON array, bound to "a.id IN (SELECT value FROM json_each(?))";
    // empty for the whole project.
    QByteArray scopeIds(const ExportScope &scope);

    Database &m_db;
};

} // namespace gloss::storage
