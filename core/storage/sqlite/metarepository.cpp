#include "storage/sqlite/metarepository.h"

#include "storage/sqlite/database.h"

namespace gloss::storage::sqlite {

std::optional<QString> MetaRepository::value(const QString &key)
{
    Statement s = m_db.cached("SELECT value FROM meta WHERE key = ?1");
    s.bind(1, key);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

void MetaRepository::setValue(const QString &key, const QString &value)
{
    Statement s = m_db.cached(
        "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value);
    s.exec();
}

} // namespace gloss::storage::sqlite
