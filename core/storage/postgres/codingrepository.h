#pragma once

#include "storage/codingrepository.h"

namespace gloss::storage::postgres {

class Connection;

// The PostgreSQL engine's CodingRepository (see storage/codingrepository.h).
class CodingRepository final : public storage::CodingRepository
{
public:
    explicit CodingRepository(Connection &db)
        : m_db(db)
    { }
    QStringList coders() override;
    QList<qint64> codedArticles(const QStringList &coders) override;
    QList<qint64> allArticles() override;
    void codings(const QStringList &coders, const QList<qint64> &articleIds,
        const std::function<void(const Coding &)> &sink) override;
    QHash<qint64, qint64> bodyLengths(const QList<qint64> &articleIds) override;

private:
    Connection &m_db;
};

} // namespace gloss::storage::postgres
