#pragma once

#include "storage/timerefrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's TimeRefRepository (see storage/timerefrepository.h).
class TimeRefRepository final : public storage::TimeRefRepository
{
public:
    explicit TimeRefRepository(Connection &db)
        : m_db(db)
    { }
    void replaceForArticle(qint64 articleId, QList<model::TimeRef> &refs) override;
    QList<model::TimeRef> forArticle(qint64 articleId, bool includeDismissed = false) override;
    QList<model::TimeRef> inRange(const QDate &from, const QDate &to) override;
    qint64 count() override;
    std::optional<model::TimeRefOverride> override(qint64 articleId, qint64 start, qint64 end) override;
    QList<model::TimeRefOverride> overridesFor(qint64 articleId) override;
    void setOverride(const model::TimeRefOverride &decision) override;
    void clearOverride(qint64 articleId, qint64 start, qint64 end) override;

private:
    Connection &m_db;
};

} // namespace gloss::storage::postgres
