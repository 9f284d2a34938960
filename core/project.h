#pragma once

#include "storage/articlerepository.h"
#include "storage/backupmanager.h"
#include "storage/database.h"
#include "storage/entityrepository.h"
#include "storage/highlightrepository.h"
#include "storage/metarepository.h"
#include "storage/setrepository.h"
#include "storage/tagrepository.h"
#include "storage/timerefrepository.h"

#include <QString>

#include <memory>
#include <optional>

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
        // Set when the quick check found the project damaged: where it was set aside, untouched,
        // and the newest backup that passes its check (none when there is no good one).
        QString damagedPath;
        std::optional<storage::BackupInfo> goodBackup;
        // Verify::Quick ran quick_check now (false when CheckStamp showed the file unchanged
        // since a clean check less than a day ago).
        bool checked = false;
    };

    // Verify::Quick runs `PRAGMA quick_check` after opening (the window and the command line's
    // writing commands do), unless the file is as Gloss left it after a clean check less than a
    // day old (storage::CheckStamp); a damaged project is set aside as `<path>.damaged` with its
    // -wal/-shm.
    enum class Verify { No, Quick };

    static OpenResult open(const QString &path, storage::Database::Access access = storage::Database::Access::ReadWrite,
        Verify verify = Verify::No);
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
