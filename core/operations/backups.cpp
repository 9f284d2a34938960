#include "operations/backups.h"

#include "operations/writer.h"
#include "storage/backupmanager.h"

namespace gloss::operations {

namespace {

BackupResult resultOf(const storage::BackupManager::Result &r)
{
    return {r.path, r.error, r.rotated, r.skipped};
}

} // namespace

QString Backups::projectPath() const
{
    return m_writer.store().db().path();
}

QString Backups::readOnlyRefusal() const
{
    if (!m_writer.store().db().isReadOnly())
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
    return storage::BackupManager(projectPath).folder();
}

QList<model::BackupInfo> Backups::list() const
{
    return list(projectPath());
}

QList<model::BackupInfo> Backups::list(const QString &projectPath)
{
    return storage::BackupManager(projectPath).list();
}

std::optional<model::BackupInfo> Backups::newestValid() const
{
    return newestValid(projectPath());
}

std::optional<model::BackupInfo> Backups::newestValid(const QString &projectPath)
{
    return storage::BackupManager(projectPath).newestValid();
}

BackupResult Backups::take(const QString &reason)
{
    return take(projectPath(), reason);
}

BackupResult Backups::take(const QString &projectPath, const QString &reason)
{
    return resultOf(storage::BackupManager(projectPath).backup(reason));
}

BackupResult Backups::takeBefore(const QString &what)
{
    return takeBefore(projectPath(), what);
}

BackupResult Backups::takeBefore(const QString &projectPath, const QString &what)
{
    return resultOf(storage::BackupManager(projectPath).backupBefore(what));
}

BackupResult Backups::dailyIfDue(const QString &projectPath)
{
    return resultOf(storage::BackupManager(projectPath).dailyIfDue());
}

bool Backups::dailyDue(const QString &projectPath)
{
    return storage::BackupManager(projectPath).dailyDue();
}

BackupResult Backups::restore(const QString &backupFile)
{
    if (const QString refusal = readOnlyRefusal(); !refusal.isEmpty())
        return {{}, refusal, {}, false};
    return restore(projectPath(), backupFile);
}

BackupResult Backups::restore(const QString &projectPath, const QString &backupFile)
{
    return resultOf(storage::BackupManager(projectPath).restore(backupFile));
}

QString Backups::writeTo(const QString &target)
{
    return m_writer.store().db().backupTo(target);
}

QString Backups::verify(const QString &file)
{
    return storage::BackupManager::verify(file);
}

QString Backups::copy(const QString &source, const QString &target)
{
    return storage::BackupManager::copy(source, target);
}

} // namespace gloss::operations
