#pragma once

#include "model/articleset.h"

#include <QList>

#include <optional>

namespace gloss::storage {

class Database;

// Article sets: named collections of articles.
class SetRepository final
{
public:
    explicit SetRepository(Database &db)
        : m_db(db)
    { }

    qint64 create(const QString &name);
    void restore(const model::ArticleSet &set);
    void rename(qint64 id, const QString &name);
    void remove(qint64 id);
    QList<model::ArticleSet> all();
    std::optional<qint64> find(const QString &name);
    void addArticles(qint64 setId, const QList<qint64> &articleIds);
    void removeArticles(qint64 setId, const QList<qint64> &articleIds);
    QList<qint64> articles(qint64 setId);

private:
    Database &m_db;
};

} // namespace gloss::storage
