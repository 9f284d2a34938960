#include "storage/sqlite/sqlitestore.h"

#include "storage/error.h"
#include "storage/sqlite/checker.h"

namespace gloss::storage::sqlite {

Store::Store(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_articles(*m_db)
    , m_highlights(*m_db)
    , m_tags(*m_db)
    , m_sets(*m_db)
    , m_meta(*m_db)
    , m_timeRefs(*m_db)
    , m_entities(*m_db)
    , m_exports(*m_db)
    , m_annotations(*m_db)
    , m_codings(*m_db)
    , m_reports(*m_db)
{ }

Store::~Store()
{
    while (!m_open.empty()) // rolled back, innermost first
        m_open.pop_back();
}

void Store::begin()
{
    m_open.push_back(std::make_unique<sqlite::Transaction>(*m_db));
}

void Store::commit()
{
    if (m_open.empty())
        throw StorageError(QStringLiteral("no transaction is open to commit"), Failure::Other);
    m_open.back()->commit();
    m_open.pop_back();
}

void Store::rollback() noexcept
{
    if (!m_open.empty())
        m_open.pop_back(); // its destructor rolls back, and never throws
}

void Store::setBulkWrites(bool bulk)
{
    m_db->setDurability(bulk ? Database::Durability::Normal : Database::Durability::Full);
}

model::CheckReport Store::check()
{
    return checkProject(*m_db);
}

} // namespace gloss::storage::sqlite
