#pragma once

#include <QString>

#include <optional>

namespace gloss::storage {

class Database;

// The project's own key-value notes (the meta table): whether the samples were seeded, say.
class MetaRepository final
{
public:
    explicit MetaRepository(Database &db)
        : m_db(db)
    { }

    std::optional<QString> value(const QString &key);
    void setValue(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace gloss::storage
