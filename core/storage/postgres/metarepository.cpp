#include "storage/postgres/metarepository.h"

#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

std::optional<QString> MetaRepository::value(const QString &key)
{
    Query s = m_db.query("SELECT value FROM meta WHERE key = ?1");
    s.bind(1, key);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

void MetaRepository::setValue(const QString &key, const QString &value)
{
    Query s = m_db.query(
        "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value);
    s.exec();
}

} // namespace gloss::storage::postgres
