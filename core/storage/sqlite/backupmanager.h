#pragma once

#include "model/backupinfo.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gloss::storage::sqlite {

using BackupInfo = model::BackupInfo;

// Rolling, verified backups of one project file in a folder beside it (`study.gloss.backups/`).
// Every copy is taken with SQLite's online backup API from a connection of its own (so it can run
// on a worker thread while the window keeps editing), checked with `PRAGMA quick_check`, and only
// then are older copies rotated out: the newest of each of the last 7 days with a backup, the
// newest of each of the last 4 weeks, and the 5 newest copies taken before an operation
// (migration, bulk operation, restore) stay.
class BackupManager final
{
public:
    struct Result
    {
        QString path; // the new backup; empty when none was taken
        QString error; // why it failed (the project is unchanged either way)
        QStringList rotated; // older backups removed by the rotation
        bool skipped = false; // nothing to do (a daily backup that was not due)
    };

    static constexpr int KeepDaily = 7;
    static constexpr int KeepWeekly = 4;
    static constexpr int KeepEvents = 5;

    explicit BackupManager(QString projectPath);

    // `<project>.backups`.
    QString folder() const;
    // The backups in the folder, newest first.
    QList<BackupInfo> list() const;
    // The newest backup that passes quick_check (checked now).
    std::optional<BackupInfo> newestValid() const;

    // Takes, verifies and rotates. `reason` becomes part of the file name (letters, digits, '-').
    Result backup(const QString &reason);
    // A backup before a bulk operation ("tag-merge", "import-annotations"): reason "before-<what>".
    Result backupBefore(const QString &what) { return backup(u"before-" + what); }
    // The daily backup: taken only when the newest backup is from an earlier day (UTC) and the
    // project file changed since then, and the project holds at least one article.
    Result dailyIfDue();
    // Cheap test for dailyIfDue (a directory listing and two stat calls, no SQLite).
    bool dailyDue() const;

    // Replaces the project's content with `backupFile` after a "before-restore" backup of the
    // current state. When the project exists, the copy goes through the backup API into the live
    // file (atomic, journaled, safe for other open connections); when it is gone (set aside as
    // damaged), into a temporary file beside it that is synced and renamed into place.
    Result restore(const QString &backupFile);

    // `PRAGMA quick_check` on a read-only connection: an empty string when the file is sound.
    static QString verify(const QString &file);
    // Moves a damaged project and its -wal/-shm aside, untouched, to `<project>.damaged`
    // (numbered when taken); returns the new path, or an empty string when it could not.
    static QString setAside(const QString &projectPath, QString *error = nullptr);
    // Copies `source` (a project file, maybe in use) to `target` with the backup API; an empty
    // string on success.
    static QString copy(const QString &source, const QString &target);
    // Rewrites a closed project file without its free pages (VACUUM), so that nothing deleted from
    // it can be read back from the file; an empty string on success.
    static QString compact(const QString &file);

private:
    Result take(const QString &reason, const QString &keep);
    void rotate(Result &result, const QString &keep) const;
    bool changedSince(const QDateTime &when) const;
    bool hasArticles() const;

    QString m_path;
};

} // namespace gloss::storage::sqlite
