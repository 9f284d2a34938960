#pragma once

#include "storage/articlerepository.h"
#include "storage/database.h"
#include "storage/entityrepository.h"
#include "storage/highlightrepository.h"
#include "storage/metarepository.h"
#include "storage/setrepository.h"
#include "storage/tagrepository.h"
#include "storage/timerefrepository.h"

#include <QString>

#include <memory>

namespace gloss {

// An open project file: the connection and one repository per aggregate. The command line and the
// window's document both work through it; nothing outside core/storage sees SQL.
class Project final
{
public:
    struct OpenResult
    {
        std::unique_ptr<Project> project;
        QString error;
        QString backupPath;
    };

    static OpenResult open(
        const QString &path, storage::Database::Access access = storage::Database::Access::ReadWrite);
    // QStandardPaths::AppDataLocation/default.gloss (the folder is created when missing).
    static QString defaultPath();
    // --project, else GLOSS_PROJECT, else the default project.
    static QString resolvePath(const QString &explicitPath);

    explicit Project(std::unique_ptr<storage::Database> db);
    Q_DISABLE_COPY_MOVE(Project)

    storage::Database &db() { return *m_db; }
    const QString &path() const { return m_db->path(); }
    bool isReadOnly() const { return m_db->isReadOnly(); }
    storage::ArticleRepository &articles() { return m_articles; }
    storage::HighlightRepository &highlights() { return m_highlights; }
    storage::TagRepository &tags() { return m_tags; }
    storage::SetRepository &sets() { return m_sets; }
    storage::MetaRepository &meta() { return m_meta; }
    storage::TimeRefRepository &timeRefs() { return m_timeRefs; }
    storage::EntityRepository &entities() { return m_entities; }

private:
    std::unique_ptr<storage::Database> m_db;
    storage::ArticleRepository m_articles;
    storage::HighlightRepository m_highlights;
    storage::TagRepository m_tags;
    storage::SetRepository m_sets;
    storage::MetaRepository m_meta;
    storage::TimeRefRepository m_timeRefs;
    storage::EntityRepository m_entities;
};

} // namespace gloss
