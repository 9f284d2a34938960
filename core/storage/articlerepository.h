#pragma once

#include "model/article.h"
#include "model/articlefilter.h"

#include <QList>

#include <optional>

namespace gloss::storage {

class Database;
class Statement;

// Articles, their full-text index and their article-level tags. The only place that writes
// the articles and articles_fts tables.
class ArticleRepository final
{
public:
    explicit ArticleRepository(Database &db)
        : m_db(db)
    { }

    // Stores a new article with its FTS entry; fills in id, words, hash and imported time when
    // missing. Runs in the caller's transaction if there is one.
    qint64 insert(model::Article &article);
    // For bulk import: stores the article without its search index entry, which addToIndex()
    // must add in the same transaction. FTS5 flushes its buffer at every savepoint, so a batch
    // whose articles each sit in a savepoint indexes far faster when the entries go in together.
    qint64 insertUnindexed(model::Article &article);
    void addToIndex(qint64 id, const QString &title, const QString &body);
    std::optional<model::Article> get(qint64 id);
    std::optional<qint64> findByHash(const QString &contentHash);
    void remove(qint64 id);

    qint64 count(const model::ArticleFilter &filter = {});
    QList<model::ArticleSummary> list(
        const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending, qint64 offset, qint64 limit);
    // The `limit` best matches of filter.search (FTS5 rank, bm25) among the articles the rest of
    // the filter selects, each with a snippet of its body. Empty when the search text holds
    // nothing to search for.
    QList<model::SearchHit> search(const model::ArticleFilter &filter, qint64 limit);
    // The SQL search() runs, for measuring it against raw FTS5: ?1 the FTS5 query, ?2 the limit.
    static const char *const SearchSql;
    QList<qint64> ids(const model::ArticleFilter &filter, model::ArticleOrder order = model::ArticleOrder::Published);
    // The neighbours of `id` in published order, for "next/previous article".
    qint64 neighbour(qint64 id, const model::ArticleFilter &filter, int step);

    QList<qint64> articleTags(qint64 articleId);
    void setArticleTags(qint64 articleId, const QList<qint64> &tagIds);

    // Identity of an article across projects: hash of its title and body.
    static QString contentHash(const QString &title, const QString &body);

private:
    qint64 insertImpl(model::Article &article, bool index);
    // Appends " WHERE ..." for `filter` to sql and returns the binder that binds its parameters.
    struct Where;
    static Where where(const model::ArticleFilter &filter);

    Database &m_db;
};

} // namespace gloss::storage
