#include "operations/project.h"

#include "operations/agreement.h"
#include "operations/annotations.h"
#include "operations/backups.h"
#include "operations/codebook.h"
#include "operations/entities.h"
#include "operations/imports.h"
#include "operations/interchange.h"
#include "operations/library.h"
#include "operations/maintenance.h"
#include "operations/merge.h"
#include "operations/refiqda.h"
#include "operations/reports.h"
#include "operations/sets.h"
#include "operations/timeline.h"
#include "operations/writer.h"
#include "storage/error.h"
#include "storage/postgres/postgresstore.h"
#include "storage/sqlite/backupmanager.h"
#include "storage/sqlite/checkstamp.h"
#include "storage/sqlite/sqlitestore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace gloss {

Project::Project(std::unique_ptr<storage::Store> store)
    : m_store(std::move(store))
    , m_location(m_store->location())
    , m_writer(std::make_unique<operations::Writer>(*m_store))
    , m_library(std::make_unique<operations::Library>(*m_writer))
    , m_annotations(std::make_unique<operations::Annotations>(*m_writer))
    , m_agreement(std::make_unique<operations::Agreement>(*m_writer))
    , m_codebook(std::make_unique<operations::Codebook>(*m_writer))
    , m_sets(std::make_unique<operations::Sets>(*m_writer))
    , m_entities(std::make_unique<operations::Entities>(*m_writer))
    , m_timeline(std::make_unique<operations::Timeline>(*m_writer))
    , m_interchange(std::make_unique<operations::Interchange>(*m_writer))
    , m_imports(std::make_unique<operations::Imports>(*this, *m_writer))
    , m_maintenance(std::make_unique<operations::Maintenance>(*m_writer))
    , m_backups(std::make_unique<operations::Backups>(*m_writer))
    , m_refiQda(std::make_unique<operations::RefiQda>(*this, *m_writer))
    , m_merge(std::make_unique<operations::Merge>(*this, *m_writer))
    , m_reports(std::make_unique<operations::Reports>(*m_writer))
{ }

Project::~Project() = default;

const QString &Project::path() const
{
    return m_location;
}

QString Project::location() const
{
    return m_store->location();
}

bool Project::isReadOnly() const
{
    return m_store->isReadOnly();
}

qint64 Project::dataVersion()
{
    return m_writer->read([&] { return m_store->dataVersion(); });
}

QString Project::coder() const
{
    return m_writer->coder();
}

void Project::setCoder(const QString &coder)
{
    const QString name = coder.trimmed();
    m_writer->setCoder(name.isEmpty() ? m_serverRole : name);
}

QString Project::resolveCoder(const QString &explicitCoder)
{
    if (!explicitCoder.trimmed().isEmpty())
        return explicitCoder.trimmed();
    return qEnvironmentVariable("GLOSS_CODER").trimmed();
}

void Project::setChangeListener(operations::ChangeListener listener)
{
    m_writer->setListener(std::move(listener));
}

namespace {

// The Undo of several writes made as one: reverting it reverts each, the last first, and its own
// Undo redoes them in their first order.
operations::Undo compound(const QList<operations::Undo> &undos)
{
    operations::Areas areas;
    qint64 articleId = -1;
    for (const operations::Undo &u : undos) {
        areas |= u.areas();
        articleId = articleId == -1 || articleId == u.articleId() ? u.articleId() : 0;
    }
    return operations::Undo(areas, qMax<qint64>(0, articleId), [undos](Project &p) {
        QList<operations::Undo> redos;
        for (auto it = undos.crbegin(); it != undos.crend(); ++it)
            redos.append(p.revert(*it));
        return compound(redos);
    });
}

} // namespace

operations::Undo Project::together(const std::function<void(QList<operations::Undo> &undos)> &work)
{
    return m_writer->write({}, 0, [&] {
        QList<operations::Undo> undos;
        work(undos);
        undos.removeIf([](const operations::Undo &u) { return u.isNull(); });
        return compound(undos);
    });
}

operations::Undo Project::revert(const operations::Undo &undo)
{
    if (undo.isNull())
        return {};
    return m_writer->write(undo.areas(), undo.articleId(), [&] { return (*undo.m_revert)(*this); });
}

namespace {

void setAside(Project::OpenResult &result, const QString &path, const QString &problem)
{
    QString error;
    result.damagedPath = storage::sqlite::BackupManager::setAside(path, &error);
    if (result.damagedPath.isEmpty()) {
        result.error = QStringLiteral("%1: the project is damaged (%2), and %3").arg(path, problem, error);
        return;
    }
    result.goodBackup = storage::sqlite::BackupManager(path).newestValid();
    result.error = QStringLiteral("%1: the project is damaged (%2). It was set aside untouched as %3.")
                       .arg(path, problem, result.damagedPath);
    if (result.goodBackup)
        result.error += QStringLiteral(
            " The newest good backup is from %1 (%2); restore it with: gloss --project \"%3\" restore \"%4\"")
                            .arg(result.goodBackup->created.toLocalTime().toString(Qt::ISODate),
                                result.goodBackup->reason, path, result.goodBackup->path);
    else
        result.error += QStringLiteral(" There is no good backup of it in %1.")
                            .arg(storage::sqlite::BackupManager(path).folder());
}

} // namespace

Project::OpenResult Project::open(const QString &path, Access access, Verify verify)
{
    OpenResult result;
    if (storage::postgres::Connection::isTarget(path)) {
        // A team project on a PostgreSQL server: `gloss team init` makes one (README, Team server).
        auto opened = storage::postgres::Store::open(path, false, access == Access::ReadOnly);
        if (!opened.store) {
            result.error = opened.error;
            return result;
        }
        result.project = std::make_unique<Project>(std::move(opened.store));
        result.project->m_location = path; // what a worker thread opens again
        result.project->m_serverLocation = true;
        result.project->m_serverRole
            = storage::postgres::coderRole(*storage::postgres::connectionOf(result.project->store()));
        result.project->setCoder({});
        return result;
    }
    if (access == Access::ReadWrite) {
        const QFileInfo info(path);
        if (!info.exists() && !info.dir().exists() && !QDir().mkpath(info.absolutePath())) {
            result.error = QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
            return result;
        }
    }
    auto opened = storage::sqlite::Database::open(path,
        access == Access::ReadOnly ? storage::sqlite::Database::Access::ReadOnly
                                   : storage::sqlite::Database::Access::ReadWrite);
    if (!opened.db) {
        result.error = opened.error;
        if (opened.damaged && verify == Verify::Quick)
            setAside(result, path, opened.error.mid(path.size() + 2));
        return result;
    }
    if (verify == Verify::Quick) {
        // A file exactly as Gloss left it after a checked session is not read whole again
        // (2.5 s on a 1.5 GB project for every command); see CheckStamp.
        const storage::sqlite::CheckStamp stamp(path);
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
    result.project = std::make_unique<Project>(std::make_unique<storage::sqlite::Store>(std::move(opened.db)));
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
