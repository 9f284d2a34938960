#include "storage/store.h"

namespace gloss::storage {

Store::Store(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_articles(*m_db)
    , m_highlights(*m_db)
    , m_tags(*m_db)
    , m_sets(*m_db)
    , m_meta(*m_db)
    , m_timeRefs(*m_db)
    , m_entities(*m_db)
{ }

} // namespace gloss::storage
