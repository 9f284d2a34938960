#include "project.h"

#include "storage/checkstamp.h"
#include "storage/error.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace gloss {

Project::Project(std::unique_ptr<storage::Database> db)
    : m_db(std::move(db))
    , m_articles(*m_db)
    , m_highlights(*m_db)
    , m_tags(*m_db)
    , m_sets(*m_db)
    , m_meta(*m_db)
    , m_timeRefs(*m_db)
    , m_entities(*m_db)
{ }

namespace {

void setAside(Project::OpenResult &result, const QString &path, const QString &problem)
{
    QString error;
    result.damagedPath = storage::BackupManager::setAside(path, &error);
    if (result.damagedPath.isEmpty()) {
        result.error = QStringLiteral("%1: the project is damaged (%2), and %3").arg(path, problem, error);
        return;
    }
    result.goodBackup = storage::BackupManager(path).newestValid();
    result.error = QStringLiteral("%1: the project is damaged (%2). It was set aside untouched as %3.")
                       .arg(path, problem, result.damagedPath);
    if (result.goodBackup)
        result.error += QStringLiteral(
            " The newest good backup is from %1 (%2); restore it with: gloss --project \"%3\" restore \"%4\"")
                            .arg(result.goodBackup->created.toLocalTime().toString(Qt::ISODate),
                                result.goodBackup->reason, path, result.goodBackup->path);
    else
        result.error
            += QStringLiteral(" There is no good backup of it in %1.").arg(storage::BackupManager(path).folder());
}

} // namespace

Project::OpenResult Project::open(const QString &path, storage::Database::Access access, Verify verify)
{
    OpenResult result;
    if (access == storage::Database::Access::ReadWrite) {
        const QFileInfo info(path);
        if (!info.exists() && !info.dir().exists() && !QDir().mkpath(info.absolutePath())) {
            result.error = QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
            return result;
        }
    }
    auto opened = storage::Database::open(path, access);
    if (!opened.db) {
        result.error = opened.error;
        if (opened.damaged && verify == Verify::Quick)
            setAside(result, path, opened.error.mid(path.size() + 2));
        return result;
    }
    if (verify == Verify::Quick) {
        // A file exactly as Gloss left it after a checked session is not read whole again
        // (2.5 s on a 1.5 GB project for every command); see CheckStamp.
        const storage::CheckStamp stamp(path);
        if (const auto checked = stamp.lastCleanCheck()) {
            opened.db->setCheckedClean(*checked);
        } else {
            stamp.remove();
            QString problem;
            try {
                problem = opened.db->quickCheck();
            } catch (const storage::StorageError &e) {
                problem = e.message();
            }
            if (!problem.isEmpty()) {
                opened.db->keepFileAsIs();
                opened.db.reset();
                setAside(result, path, problem);
                return result;
            }
            result.checked = true;
            if (!opened.db->isReadOnly())
                opened.db->setCheckedClean(QDateTime::currentDateTimeUtc());
        }
    }
    result.backupPath = opened.backupPath;
    result.project = std::make_unique<Project>(std::move(opened.db));
    return result;
}

QString Project::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("default.gloss"));
}

QString Project::resolvePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("GLOSS_PROJECT");
    if (!env.isEmpty())
        return env;
    return defaultPath();
}

} // namespace gloss
