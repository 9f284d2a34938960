#include "project.h"

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

Project::OpenResult Project::open(const QString &path, storage::Database::Access access)
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
        return result;
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
