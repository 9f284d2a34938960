#include "operations/backups.h"

#include "operations/writer.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/postgresstore.h"
#include "storage/sqlite/backupmanager.h"
#include "storage/store.h"

// Backups are copies of the project file beside it: what the SQLite engine's projects have (a
// server's projects are backed up by the server's own tools), hence the engine's BackupManager.
namespace gloss::operations {

namespace {

BackupResult resultOf(const storage::sqlite::BackupManager::Result &r)
{
    return {r.path, r.error, r.rotated, r.skipped};
}

} // namespace

QString Backups::projectPath() const
{
    return m_writer.store().location();
}

QString Backups::readOnlyRefusal() const
{
    if (!m_writer.store().isReadOnly())
        return {};
    return QStringLiteral(
        "the project %1 is read-only (the file or its folder cannot be written); nothing was restored")
        .arg(projectPath());
}

QString Backups::folder() const
{
    return folder(projectPath());
}

QString Backups::folder(const QString &projectPath)
{
    return storage::sqlite::BackupManager(projectPath).folder();
}

QList<model::BackupInfo> Backups::list() const
{
    return list(projectPath());
}

QList<model::BackupInfo> Backups::list(const QString &projectPath)
{
    return storage::sqlite::BackupManager(projectPath).list();
}

std::optional<model::BackupInfo> Backups::newestValid() const
{
    return newestValid(projectPath());
}

std::optional<model::BackupInfo> Backups::newestValid(const QString &projectPath)
{
    return storage::sqlite::BackupManager(projectPath).newestValid();
}

BackupResult Backups::take(const QString &reason)
{
    return take(projectPath(), reason);
}

BackupResult Backups::take(const QString &projectPath, const QString &reason)
{
    return resultOf(storage::sqlite::BackupManager(projectPath).backup(reason));
}

BackupResult Backups::takeBefore(const QString &what)
{
    if (dynamic_cast<storage::postgres::Store *>(&m_writer.store()))
        return {{}, {}, {}, true}; // see below: a team project has no file to copy
    return takeBefore(projectPath(), what);
}

BackupResult Backups::takeBefore(const QString &projectPath, const QString &what)
{
    // A team project has no file to copy: its bulk operations are each one transaction on the
    // server (stored whole or not at all), and the server's backups are its administrator's.
    if (storage::postgres::Connection::isTarget(projectPath))
        return {{}, {}, {}, true};
    return resultOf(storage::sqlite::BackupManager(projectPath).backupBefore(what));
}

BackupResult Backups::dailyIfDue(const QString &projectPath)
{
    return resultOf(storage::sqlite::BackupManager(projectPath).dailyIfDue());
}

bool Backups::dailyDue(const QString &projectPath)
{
    return storage::sqlite::BackupManager(projectPath).dailyDue();
}

BackupResult Backups::restore(const QString &backupFile)
{
    if (const QString refusal = readOnlyRefusal(); !refusal.isEmpty())
        return {{}, refusal, {}, false};
    return restore(projectPath(), backupFile);
}

BackupResult Backups::restore(const QString &projectPath, const QString &backupFile)
{
    return resultOf(storage::sqlite::BackupManager(projectPath).restore(backupFile));
}

QString Backups::writeTo(const QString &target)
{
    return m_writer.store().copyTo(target);
}

QString Backups::verify(const QString &file)
{
    return storage::sqlite::BackupManager::verify(file);
}

QString Backups::copy(const QString &source, const QString &target)
{
    return storage::sqlite::BackupManager::copy(source, target);
}

QString Backups::compact(const QString &file)
{
    return storage::sqlite::BackupManager::compact(file);
}

} // namespace gloss::operations
