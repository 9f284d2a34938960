#pragma once

#include "storage/articlerepository.h"
#include "storage/database.h"
#include "storage/entityrepository.h"
#include "storage/highlightrepository.h"
#include "storage/metarepository.h"
#include "storage/setrepository.h"
#include "storage/tagrepository.h"
#include "storage/timerefrepository.h"

#include <memory>

namespace gloss::storage {

// One open project in storage: the connection and one repository per aggregate. Only the
// operations layer holds one (gloss::Project); nothing above it sees storage.
class Store final
{
public:
    explicit Store(std::unique_ptr<Database> db);
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    Database &db() { return *m_db; }
    ArticleRepository &articles() { return m_articles; }
    HighlightRepository &highlights() { return m_highlights; }
    TagRepository &tags() { return m_tags; }
    SetRepository &sets() { return m_sets; }
    MetaRepository &meta() { return m_meta; }
    TimeRefRepository &timeRefs() { return m_timeRefs; }
    EntityRepository &entities() { return m_entities; }

private:
    std::unique_ptr<Database> m_db;
    ArticleRepository m_articles;
    HighlightRepository m_highlights;
    TagRepository m_tags;
    SetRepository m_sets;
    MetaRepository m_meta;
    TimeRefRepository m_timeRefs;
    EntityRepository m_entities;
};

} // namespace gloss::storage
