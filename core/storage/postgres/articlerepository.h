#pragma once

#include "storage/articlerepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's ArticleRepository (see storage/articlerepository.h).
class ArticleRepository final : public storage::ArticleRepository
{
public:
    explicit ArticleRepository(Connection &db)
        : m_db(db)
    { }
    qint64 insert(model::Article &article) override;
    qint64 insertUnindexed(model::Article &article) override;
    void addToIndex(qint64 id, const QString &title, const QString &body) override;
    std::optional<model::Article> get(qint64 id) override;
    bool exists(qint64 id) override;
    std::optional<qint64> findByHash(const QString &contentHash) override;
    void remove(qint64 id) override;
    qint64 count(const model::ArticleFilter &filter = {}) override;
    QList<model::ArticleSummary> list(const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending,
        qint64 offset, qint64 limit) override;
    QList<model::SearchHit> search(const model::ArticleFilter &filter, qint64 limit) override;
    QList<qint64> ids(
        const model::ArticleFilter &filter, model::ArticleOrder order = model::ArticleOrder::Published) override;
    qint64 neighbour(qint64 id, const model::ArticleFilter &filter, int step) override;
    model::Variables variables(qint64 articleId) override;
    void setVariables(qint64 articleId, const model::Variables &variables) override;
    QStringList variableNames(const model::ArticleFilter &filter = {}) override;
    QHash<qint64, QString> variableValues(const QString &name, const QList<qint64> &ids) override;
    QList<QPair<QString, qint64>> variableValueCounts(const QString &name) override;
    QList<qint64> articleTags(qint64 articleId, const QString &coder) override;
    void setArticleTags(qint64 articleId, const QString &coder, const QList<qint64> &tagIds) override;
    QList<std::pair<QString, qint64>> articleTagsByCoder(qint64 articleId) override;
    QStringList doneCoders(qint64 articleId) override;
    bool setDone(qint64 articleId, const QString &coder, bool done) override;
    QList<qint64> doneByAll(const QStringList &coders) override;

    // The SQL search() runs, for measuring it against raw FTS5: ?1 the FTS5 query, ?2 the limit.
    static const char *const SearchSql;

private:
    qint64 insertImpl(model::Article &article, bool index);
    void insertVariables(qint64 articleId, const model::Variables &variables);
    // Appends " WHERE ..." for `filter` to sql and returns the binder that binds its parameters.
    struct Where;
    static Where where(const model::ArticleFilter &filter);

    Connection &m_db;
};

} // namespace gloss::storage::postgres
