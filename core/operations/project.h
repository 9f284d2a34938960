#pragma once

#include "model/backupinfo.h"
#include "operations/change.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace gloss::storage {
class Store;
}

namespace gloss::operations {
class Agreement;
class Annotations;
class Backups;
class Codebook;
class Entities;
class Imports;
class Interchange;
class Library;
class Maintenance;
class Merge;
class RefiQda;
class Reports;
class Sets;
class Timeline;
class Writer;
} // namespace gloss::operations

namespace gloss {

// An open project: the one way to read and change it. The window's document and the command line
// both hold one; each area of the work has its operations (annotations(), codebook(), ...), every
// write of which is one call in one transaction, validated, reported to the change listener and
// returning an operations::Undo. Storage, and which engine it is, stays beneath.
// Not thread-safe: a worker thread (import, re-extraction, export) opens its own Project on the
// same path.
class Project final
{
public:
    enum class Access { ReadWrite, ReadOnly };
    // Verify::Quick runs `PRAGMA quick_check` after opening (the window and the command line's
    // writing commands do), unless the file is as Gloss left it after a clean check less than a
    // day old; a damaged project is set aside as `<path>.damaged` with its -wal/-shm.
    enum class Verify { No, Quick };

    struct OpenResult
    {
        std::unique_ptr<Project> project;
        QString error;
        QString backupPath; // set when a migration ran: the copy from before it
        // Set when the quick check found the project damaged: where it was set aside, untouched,
        // and the newest backup that passes its check (none when there is no good one).
        QString damagedPath;
        std::optional<model::BackupInfo> goodBackup;
        // Verify::Quick ran quick_check now (false when the file was unchanged since a clean
        // check less than a day ago).
        bool checked = false;
    };

    static OpenResult open(const QString &path, Access access = Access::ReadWrite, Verify verify = Verify::No);
    // QStandardPaths::AppDataLocation/default.gloss (the folder is created when missing).
    static QString defaultPath();
    // --project, else GLOSS_PROJECT, else the default project.
    static QString resolvePath(const QString &explicitPath);

    explicit Project(std::unique_ptr<storage::Store> store);
    ~Project();
    Q_DISABLE_COPY_MOVE(Project)

    // What opens the project again: its file, or the connection string of a team project.
    const QString &path() const;
    // Where the project is in words a user knows it by: the file's path, or "database D on
    // HOST:PORT as USER" on a team server (never a password).
    QString location() const;
    // Whether the project is on a team server (PostgreSQL) rather than in a file.
    bool isOnServer() const { return m_serverLocation; }
    bool isReadOnly() const;
    // Changes whenever another connection (a second window, the command line) commits.
    qint64 dataVersion();
    // Who is coding: every highlight, note, article tag, date decision and done mark written from
    // now on records this name ("" when no one is named, the default). The command line takes it
    // from --coder or GLOSS_CODER; the window from the user's settings. On a team server no name
    // means the coder's login role (README, Team server).
    QString coder() const;
    void setCoder(const QString &coder);
    // --coder, else GLOSS_CODER, else "" (trimmed).
    static QString resolveCoder(const QString &explicitCoder);
    // Told after every write that committed, whichever operation made it.
    void setChangeListener(operations::ChangeListener listener);
    // Puts back what `undo` describes, in one transaction; returns the Undo of that (for redo).
    operations::Undo revert(const operations::Undo &undo);
    // Runs several operations as one write: `work` calls them and appends each one's Undo; all
    // are stored or, when one throws, none. The Undo returned reverts them all, the last first.
    operations::Undo together(const std::function<void(QList<operations::Undo> &undos)> &work);

    // Storage itself, for the code not yet moved onto operations (core's pipelines and tests).
    // Nothing in ui/ or the command line may use it: the layering test forbids their including
    // storage headers.
    storage::Store &store() { return *m_store; }

    operations::Library &library() { return *m_library; }
    operations::Annotations &annotations() { return *m_annotations; }
    operations::Agreement &agreement() { return *m_agreement; }
    operations::Codebook &codebook() { return *m_codebook; }
    operations::Sets &sets() { return *m_sets; }
    operations::Entities &entities() { return *m_entities; }
    operations::Timeline &timeline() { return *m_timeline; }
    operations::Interchange &interchange() { return *m_interchange; }
    operations::Imports &imports() { return *m_imports; }
    operations::Maintenance &maintenance() { return *m_maintenance; }
    operations::Backups &backups() { return *m_backups; }
    operations::RefiQda &refiQda() { return *m_refiQda; }
    operations::Merge &merge() { return *m_merge; }
    operations::Reports &reports() { return *m_reports; }

private:
    std::unique_ptr<storage::Store> m_store;
    QString m_location;
    bool m_serverLocation = false;
    // On a team server, the login role of a coder added with `gloss team add-coder`: the coder's
    // name when none is given. Empty for a file and for the administrator who set the project up.
    QString m_serverRole;
    std::unique_ptr<operations::Writer> m_writer;
    std::unique_ptr<operations::Library> m_library;
    std::unique_ptr<operations::Annotations> m_annotations;
    std::unique_ptr<operations::Agreement> m_agreement;
    std::unique_ptr<operations::Codebook> m_codebook;
    std::unique_ptr<operations::Sets> m_sets;
    std::unique_ptr<operations::Entities> m_entities;
    std::unique_ptr<operations::Timeline> m_timeline;
    std::unique_ptr<operations::Interchange> m_interchange;
    std::unique_ptr<operations::Imports> m_imports;
    std::unique_ptr<operations::Maintenance> m_maintenance;
    std::unique_ptr<operations::Backups> m_backups;
    std::unique_ptr<operations::RefiQda> m_refiQda;
    std::unique_ptr<operations::Merge> m_merge;
    std::unique_ptr<operations::Reports> m_reports;
};

} // namespace gloss
