#pragma once

#include "storage/metarepository.h"

namespace gloss::storage::sqlite {

class Database;
class Statement;

// The SQLite engine's MetaRepository (see storage/metarepository.h).
class MetaRepository final : public storage::MetaRepository
{
public:
    explicit MetaRepository(Database &db)
        : m_db(db)
    { }
    std::optional<QString> value(const QString &key) override;
    void setValue(const QString &key, const QString &value) override;

private:
    Database &m_db;
};

} // namespace gloss::storage::sqlite
