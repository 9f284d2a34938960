#pragma once

#include "storage/postgres/annotationrepository.h"
#include "storage/postgres/articlerepository.h"
#include "storage/postgres/codingrepository.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/entityrepository.h"
#include "storage/postgres/exportrepository.h"
#include "storage/postgres/highlightrepository.h"
#include "storage/postgres/metarepository.h"
#include "storage/postgres/reportrepository.h"
#include "storage/postgres/setrepository.h"
#include "storage/postgres/tagrepository.h"
#include "storage/postgres/timerefrepository.h"
#include "storage/store.h"

#include <memory>

namespace gloss::storage::postgres {

// A project in a PostgreSQL database: the team server (README, "Team server").
class Store final : public storage::Store
{
public:
    struct Opened
    {
        std::unique_ptr<Store> store;
        QString error;
    };
    // Connects to `target` (see Connection::open) and brings the schema up to date; `create`
    // makes a project in an empty database; `readOnly` makes every transaction of this connection
    // read-only. Errors name the server and database.
    static Opened open(const QString &target, bool create, bool readOnly = false, const QString &password = {});

    explicit Store(std::unique_ptr<Connection> connection);
    ~Store() override;

    // The connection itself, for what only this engine has (team commands, tests).
    Connection &connection() { return *m_connection; }

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

    QString location() const override { return m_connection->location(); }
    bool isReadOnly() const override { return m_readOnly; }
    void begin() override { m_connection->begin(); }
    void commit() override { m_connection->commit(); }
    void rollback() noexcept override { m_connection->rollback(); }
    // Counts the change notifications other connections sent (LISTEN gloss_changes).
    qint64 dataVersion() override;
    void setBulkWrites(bool bulk) override;
    model::CheckReport check() override;
    QString copyTo(const QString &target) override;

private:
    std::unique_ptr<Connection> m_connection;
    bool m_readOnly = false;
    qint64 m_version = 0;
    int m_reconnections = 0;
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

// The login role when it is a coder's or a lead's (a member of gloss_coder or gloss_lead, made by
// `gloss team add-coder`), else empty (the administrator who set the project up, a superuser).
QString coderRole(Connection &connection);

// The PostgreSQL connection under a store, or null when the project is on another engine.
inline Connection *connectionOf(storage::Store &store)
{
    auto *pgStore = dynamic_cast<Store *>(&store);
    return pgStore ? &pgStore->connection() : nullptr;
}

} // namespace gloss::storage::postgres
