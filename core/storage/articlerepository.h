#pragma once

#include "model/article.h"
#include "model/articlefilter.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace gloss::storage {

// Articles, their full-text index and their article-level tags. The only place that writes
// the articles and articles_fts tables.
class ArticleRepository
{
public:
    virtual ~ArticleRepository() = default;

    // Stores a new article with its FTS entry; fills in id, words, hash and imported time when
    // missing. Runs in the caller's transaction if there is one.
    virtual qint64 insert(model::Article &article) = 0;
    // For bulk import: stores the article without its search index entry, which addToIndex()
    // must add in the same transaction. FTS5 flushes its buffer at every savepoint, so a batch
    // whose articles each sit in a savepoint indexes far faster when the entries go in together.
    virtual qint64 insertUnindexed(model::Article &article) = 0;
    virtual void addToIndex(qint64 id, const QString &title, const QString &body) = 0;
    virtual std::optional<model::Article> get(qint64 id) = 0;
    // Whether article `id` is there, without reading its body.
    virtual bool exists(qint64 id) = 0;
    virtual std::optional<qint64> findByHash(const QString &contentHash) = 0;
    virtual void remove(qint64 id) = 0;

    virtual qint64 count(const model::ArticleFilter &filter = {}) = 0;
    virtual QList<model::ArticleSummary> list(
        const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending, qint64 offset, qint64 limit)
        = 0;
    // The `limit` best matches of filter.search (FTS5 rank, bm25) among the articles the rest of
    // the filter selects, each with a snippet of its body. Empty when the search text holds
    // nothing to search for.
    virtual QList<model::SearchHit> search(const model::ArticleFilter &filter, qint64 limit) = 0;
    virtual QList<qint64> ids(
        const model::ArticleFilter &filter, model::ArticleOrder order = model::ArticleOrder::Published)
        = 0;
    // The neighbours of `id` in published order, for "next/previous article".
    virtual qint64 neighbour(qint64 id, const model::ArticleFilter &filter, int step) = 0;

    // Article variables. insert() stores article.variables and get() reads them back; these read
    // and replace them apart from the article.
    virtual model::Variables variables(qint64 articleId) = 0;
    virtual void setVariables(qint64 articleId, const model::Variables &variables) = 0;
    // The names of the variables the articles the filter selects have, sorted.
    virtual QStringList variableNames(const model::ArticleFilter &filter = {}) = 0;
    // The value of variable `name` of each article of `ids` that has one (the list's column).
    virtual QHash<qint64, QString> variableValues(const QString &name, const QList<qint64> &ids) = 0;
    // The distinct values of variable `name` with the number of articles holding each, by value.
    virtual QList<QPair<QString, qint64>> variableValueCounts(const QString &name) = 0;

    // Article-level tags are each coder's own: these read and replace `coder`'s ("" for no one named).
    virtual QList<qint64> articleTags(qint64 articleId, const QString &coder) = 0;
    virtual void setArticleTags(qint64 articleId, const QString &coder, const QList<qint64> &tagIds) = 0;
    // Every coder's article tags: (coder, tag), by coder then tag.
    virtual QList<std::pair<QString, qint64>> articleTagsByCoder(qint64 articleId) = 0;

    // Done marks: a coder's "I have finished coding this article".
    virtual QStringList doneCoders(qint64 articleId) = 0; // sorted
    // Marks (done true) or unmarks the article for `coder`; returns whether anything changed.
    virtual bool setDone(qint64 articleId, const QString &coder, bool done) = 0;
    // The articles every one of `coders` marked done, ascending (none when `coders` is empty).
    virtual QList<qint64> doneByAll(const QStringList &coders) = 0;
};

} // namespace gloss::storage
