#pragma once

#include "model/articleset.h"

#include <QList>

#include <optional>

namespace gloss::storage {

// Article sets: named collections of articles.
class SetRepository
{
public:
    virtual ~SetRepository() = default;

    virtual qint64 create(const QString &name) = 0;
    virtual void restore(const model::ArticleSet &set) = 0;
    virtual void rename(qint64 id, const QString &name) = 0;
    virtual void remove(qint64 id) = 0;
    virtual QList<model::ArticleSet> all() = 0;
    virtual std::optional<qint64> find(const QString &name) = 0;
    virtual void addArticles(qint64 setId, const QList<qint64> &articleIds) = 0;
    virtual void removeArticles(qint64 setId, const QList<qint64> &articleIds) = 0;
    virtual QList<qint64> articles(qint64 setId) = 0;
};

} // namespace gloss::storage
