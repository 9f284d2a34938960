#pragma once

#include "storage/setrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's SetRepository (see storage/setrepository.h).
class SetRepository final : public storage::SetRepository
{
public:
    explicit SetRepository(Connection &db)
        : m_db(db)
    { }
    qint64 create(const QString &name) override;
    void restore(const model::ArticleSet &set) override;
    void rename(qint64 id, const QString &name) override;
    void remove(qint64 id) override;
    QList<model::ArticleSet> all() override;
    std::optional<qint64> find(const QString &name) override;
    void addArticles(qint64 setId, const QList<qint64> &articleIds) override;
    void removeArticles(qint64 setId, const QList<qint64> &articleIds) override;
    QList<qint64> articles(qint64 setId) override;

private:
    Connection &m_db;
};

} // namespace gloss::storage::postgres
