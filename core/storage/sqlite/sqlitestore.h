#pragma once

#include "storage/sqlite/annotationrepository.h"
#include "storage/sqlite/articlerepository.h"
#include "storage/sqlite/codingrepository.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/entityrepository.h"
#include "storage/sqlite/exportrepository.h"
#include "storage/sqlite/highlightrepository.h"
#include "storage/sqlite/metarepository.h"
#include "storage/sqlite/reportrepository.h"
#include "storage/sqlite/setrepository.h"
#include "storage/sqlite/tagrepository.h"
#include "storage/sqlite/timerefrepository.h"
#include "storage/sqlite/transaction.h"
#include "storage/store.h"

#include <memory>
#include <vector>

namespace gloss::storage::sqlite {

// A project in a SQLite file (.gloss): the embedded engine, and Gloss's default.
class Store final : public storage::Store
{
public:
    explicit Store(std::unique_ptr<Database> db);
    ~Store() override;

    // The connection itself, for what only this engine has (file backups, tests).
    Database &db() { return *m_db; }

    storage::ArticleRepository &articles() override { return m_articles; }
    storage::HighlightRepository &highlights() override { return m_highlights; }
    storage::TagRepository &tags() override { return m_tags; }
    storage::SetRepository &sets() override { return m_sets; }
    storage::MetaRepository &meta() override { return m_meta; }
    storage::TimeRefRepository &timeRefs() override { return m_timeRefs; }
    storage::EntityRepository &entities() override { return m_entities; }
    storage::ExportRepository &exports() override { return m_exports; }
    storage::AnnotationRepository &annotationLookups() override { return m_annotations; }
    storage::CodingRepository &codings() override { return m_codings; }
    storage::ReportRepository &reports() override { return m_reports; }

    QString location() const override { return m_db->path(); }
    bool isReadOnly() const override { return m_db->isReadOnly(); }
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    qint64 dataVersion() override { return m_db->dataVersion(); }
    void setBulkWrites(bool bulk) override;
    model::CheckReport check() override;
    QString copyTo(const QString &target) override { return m_db->backupTo(target); }

private:
    std::unique_ptr<Database> m_db;
    std::vector<std::unique_ptr<sqlite::Transaction>> m_open; // innermost last
    ArticleRepository m_articles;
    HighlightRepository m_highlights;
    TagRepository m_tags;
    SetRepository m_sets;
    MetaRepository m_meta;
    TimeRefRepository m_timeRefs;
    EntityRepository m_entities;
    ExportRepository m_exports;
    AnnotationRepository m_annotations;
    CodingRepository m_codings;
    ReportRepository m_reports;
};

// The SQLite connection under a store, or null when the project is on another engine (tools and
// tests that look beneath the operations layer).
inline Database *databaseOf(storage::Store &store)
{
    auto *sqliteStore = dynamic_cast<Store *>(&store);
    return sqliteStore ? &sqliteStore->db() : nullptr;
}

} // namespace gloss::storage::sqlite
