#pragma once

#include "storage/metarepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's MetaRepository (see storage/metarepository.h).
class MetaRepository final : public storage::MetaRepository
{
public:
    explicit MetaRepository(Connection &db)
        : m_db(db)
    { }
    std::optional<QString> value(const QString &key) override;
    void setValue(const QString &key, const QString &value) override;

private:
    Connection &m_db;
};

} // namespace gloss::storage::postgres
