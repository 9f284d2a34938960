#pragma once

#include "model/backupinfo.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gloss::operations {

class Writer;

// What taking or restoring a backup did, in words: the project is unchanged when `error` is set.
struct BackupResult
{
    QString path; // the new backup (for a restore: the copy of the state before it); empty when none
    QString error; // why it failed, naming the file and the reason
    QStringList rotated; // older backups the rotation removed
    bool skipped = false; // nothing to do (a daily backup that was not due)

    bool ok() const { return error.isEmpty(); }
};

// Rolling, verified backups of a project in the folder beside it (`study.gloss.backups/`): listing
// them, taking one (by hand, before a bulk operation, the daily one), checking a file and putting
// one back. Every copy is taken from a connection of its own, so the static forms, which take the
// project's path, run on a worker thread or before a project is open (a damaged one, say); the
// member forms act on the open project's file.
class Backups final
{
public:
    explicit Backups(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Backups)

    // `<project>.backups`.
    QString folder() const;
    static QString folder(const QString &projectPath);
    // Newest first.
    QList<model::BackupInfo> list() const;
    static QList<model::BackupInfo> list(const QString &projectPath);
    // The newest backup that passes its check (each is checked now).
    std::optional<model::BackupInfo> newestValid() const;
    static std::optional<model::BackupInfo> newestValid(const QString &projectPath);

    // Takes, verifies and rotates; `reason` ("manual") becomes part of the file name.
    BackupResult take(const QString &reason = QStringLiteral("manual"));
    static BackupResult take(const QString &projectPath, const QString &reason);
    // Before a bulk operation ("tag-merge", "import-annotations"): reason "before-<what>". On a team
    // project, `skipped` (no file to copy: each such operation is one transaction on the server).
    BackupResult takeBefore(const QString &what);
    static BackupResult takeBefore(const QString &projectPath, const QString &what);
    // The daily backup, when the newest one is from an earlier day and the project changed since
    // (and holds an article); `skipped` otherwise.
    static BackupResult dailyIfDue(const QString &projectPath);
    // Whether dailyIfDue would take one: a folder listing and two stat calls, for the window's thread.
    static bool dailyDue(const QString &projectPath);

    // Replaces the project's content with `backupFile` after checking it and backing up the current
    // state ("before-restore"). Refused, in words, for a read-only project or a file that is
    // missing or fails its check. The open project sees the restored content; reopen it to start
    // afresh (the window drops its undo history).
    BackupResult restore(const QString &backupFile);
    // The same for a project that is not open (set aside as damaged, or the command line's).
    static BackupResult restore(const QString &projectPath, const QString &backupFile);

    // Writes what the open connection holds to `target` (a project file deleted or moved while
    // open is written back this way); an empty string on success, else why not.
    QString writeTo(const QString &target);

    // The file's integrity check: an empty string when it is sound, else what is wrong.
    static QString verify(const QString &file);
    // Copies a project file (maybe in use) to `target`; an empty string on success.
    static QString copy(const QString &source, const QString &target);
    // Rewrites a closed project file without its free pages, so that what was deleted from it
    // cannot be read back (a project handed to someone else); an empty string on success.
    static QString compact(const QString &file);

private:
    QString projectPath() const;
    QString readOnlyRefusal() const;

    Writer &m_writer;
};

} // namespace gloss::operations
