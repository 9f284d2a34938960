#include "storage/sqlite/backupmanager.h"

#include "storage/error.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/schemaobjects.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryFile>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#endif

namespace gloss::storage::sqlite {

namespace {

constexpr int BusyTimeoutMs = 10000;
const char *const StampFormat = "yyyyMMdd-HHmmss-zzz";

enum class Moved { Yes, TargetExists, Failed };

// Moves `from` to `to` only if nothing is at `to`, in one step: QFile::rename checks and then
// renames, so two backups taken in the same millisecond could both pass the check and the second
// would replace the first. Linux's RENAME_NOREPLACE makes the check part of the rename; where the
// file system lacks it, a hard link (which also refuses an existing name) and an unlink do the same.
Moved moveNoReplace(const QString &from, const QString &to)
{
#ifdef Q_OS_LINUX
    const QByteArray src = QFile::encodeName(from);
    const QByteArray dst = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, src.constData(), AT_FDCWD, dst.constData(), RENAME_NOREPLACE) == 0)
        return Moved::Yes;
    if (errno == EEXIST)
        return Moved::TargetExists;
    if (errno == EINVAL || errno == ENOSYS) {
        if (::link(src.constData(), dst.constData()) == 0) {
            ::unlink(src.constData());
            return Moved::Yes;
        }
        if (errno == EEXIST)
            return Moved::TargetExists;
        if (errno != EPERM && errno != EOPNOTSUPP)
            return Moved::Failed;
        // No hard links either (FAT, some network shares): the checked rename is all there is.
    } else {
        return Moved::Failed;
    }
#endif
    if (QFile::rename(from, to))
        return Moved::Yes;
    return QFileInfo::exists(to) ? Moved::TargetExists : Moved::Failed;
}

// How a connection opens its file: to write, to read a project that may be in use, or to read a
// closed copy as it is found (a backup, a file to restore from): immutable when no -wal lies
// beside it, so that reading a copy in WAL mode leaves no -wal or -shm beside it.
enum class Access { Write, Read, ReadAsFound };

// A connection of our own, closed when it goes out of scope, with the same safety settings as
// Database: nothing from the file's schema runs with our rights.
class Connection
{
public:
    Connection(const QString &path, Access access)
    {
        int flags = (access == Access::Write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY)
            | SQLITE_OPEN_NOMUTEX;
        QByteArray name = QFile::encodeName(path);
        if (access == Access::ReadAsFound && !QFileInfo::exists(path + u"-wal")) {
            name = "file:" + QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), "/") + "?immutable=1";
            flags |= SQLITE_OPEN_URI;
        }
        m_rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
        if (m_db) {
            sqlite3_busy_timeout(m_db, BusyTimeoutMs);
            sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
            sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
            sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
            sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
        }
    }
    ~Connection() { sqlite3_close_v2(m_db); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool ok() const { return m_rc == SQLITE_OK; }
    sqlite3 *db() const { return m_db; }
    QString error() const { return QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(m_rc)); }

    // The first column of each row of `sql`; `ok` false when the statement failed.
    QStringList rows(const char *sql, bool *ok = nullptr) const
    {
        QStringList out;
        sqlite3_stmt *stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
        if (rc == SQLITE_OK) {
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
                out.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
        }
        sqlite3_finalize(stmt);
        if (ok)
            *ok = rc == SQLITE_DONE;
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_OK;
};

// Copies all of `from` into `to` in one step: the source keeps one read snapshot (readers never
// block writers in WAL mode), so the copy is consistent and never restarts.
QString runBackup(sqlite3 *to, sqlite3 *from)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return QString::fromUtf8(sqlite3_errmsg(to));
    int rc;
    int waited = 0;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
            waited += 20;
        }
    } while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < BusyTimeoutMs);
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return QString::fromUtf8(sqlite3_errstr(rc));
    return finished == SQLITE_OK ? QString() : QString::fromUtf8(sqlite3_errstr(finished));
}

void syncFolder(const QString &folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder);
#endif
}

QString slug(const QString &reason)
{
    QString out;
    for (const QChar ch : reason.toLower()) {
        if ((ch >= u'a' && ch <= u'z') || (ch >= u'0' && ch <= u'9'))
            out += ch;
        else if (!out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("manual") : out;
}

QDateTime modified(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.lastModified().toUTC() : QDateTime();
}

// What Database::open refuses in a Gloss project: a newer format, planted triggers or views.
QString refusedOnOpen(const Connection &c)
{
    bool ok = false;
    const int version = c.rows("PRAGMA user_version", &ok).value(0).toInt();
    if (!ok)
        return c.error();
    if (version > Database::schemaVersion())
        return QStringLiteral("made by a newer version of Gloss (project format %1; this Gloss reads up to %2)")
            .arg(version)
            .arg(Database::schemaVersion());
    if (version < 0)
        return QStringLiteral("its project format number is %1, which no Gloss writes").arg(version);
    try {
        if (const QList<SchemaObject> planted = plantedObjects(c.db()); !planted.isEmpty())
            return QStringLiteral("it holds triggers or views that Gloss did not create (%1 \"%2\")")
                .arg(planted.first().type, planted.first().name);
    } catch (const StorageError &e) {
        return e.message();
    }
    return {};
}

// What `PRAGMA quick_check` finds, and whether it is a Gloss project; with `asOpened`, also what
// Database::open refuses (a newer format, planted triggers or views).
QString checkFile(const QString &file, Access access, bool asOpened)
{
    if (!QFileInfo::exists(file))
        return QStringLiteral("%1: no such file").arg(file);
    Connection c(file, access);
    if (!c.ok())
        return c.error();
    bool ok = false;
    const QStringList id = c.rows("PRAGMA application_id", &ok);
    if (!ok)
        return c.error();
    if (id.value(0).toInt() != Database::ApplicationId)
        return QStringLiteral("not a Gloss project");
    if (asOpened) {
        if (const QString refusal = refusedOnOpen(c); !refusal.isEmpty())
            return refusal;
    }
    const QStringList rows = c.rows("PRAGMA quick_check(20)", &ok);
    if (!ok)
        return c.error();
    if (rows != QStringList{QStringLiteral("ok")})
        return rows.join(QStringLiteral("; "));
    return {};
}

// A Gloss project by its header: SQLite's, with Gloss's application_id.
bool isProjectFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(100);
    if (head.size() < 100 || !head.startsWith(QByteArray("SQLite format 3\0", 16)))
        return false;
    // The header's application_id, big-endian at offset 68.
    const auto byte = [&](int i) { return quint32(static_cast<unsigned char>(head.at(i))); };
    return (byte(68) << 24 | byte(69) << 16 | byte(70) << 8 | byte(71)) == quint32(Database::ApplicationId);
}

// Copies `source` with the backup API into a new file beside `target` whose name no other copy
// has (`target.XXXXXX.part`), a plain rollback-journal file; sets `tmp` to it. An empty string on
// success; on failure nothing is left.
QString copyFile(const QString &source, const QString &target, Access access, QString *tmp)
{
    QTemporaryFile file(target + u".XXXXXX.part");
    file.setAutoRemove(false);
    if (!file.open())
        return QStringLiteral("cannot create a file beside %1 (%2)").arg(target, file.errorString());
    *tmp = file.fileName();
    file.close();
    QString error;
    {
        Connection from(source, access);
        if (!from.ok())
            error = from.error();
        Connection to(*tmp, Access::Write);
        if (error.isEmpty() && !to.ok())
            error = to.error();
        if (error.isEmpty())
            error = runBackup(to.db(), from.db());
        // A backup is a plain rollback-journal file: it opens read-only without -wal or -shm.
        if (error.isEmpty())
            to.rows("PRAGMA journal_mode=DELETE");
    }
    if (!error.isEmpty())
        QFile::remove(*tmp);
    return error;
}

} // namespace

BackupManager::BackupManager(QString projectPath)
    : m_path(std::move(projectPath))
{ }

QString BackupManager::folder() const
{
    return m_path + u".backups";
}

QList<BackupInfo> BackupManager::list() const
{
    static const QRegularExpression name(QStringLiteral("^(\\d{8}-\\d{6}-\\d{3})-([a-z0-9-]+)\\.gloss$"));
    QList<BackupInfo> out;
    const QDir dir(folder());
    for (const QFileInfo &f : dir.entryInfoList({QStringLiteral("*.gloss")}, QDir::Files)) {
        const auto m = name.match(f.fileName());
        if (!m.hasMatch())
            continue;
        QDateTime created = QDateTime::fromString(m.captured(1), QString::fromLatin1(StampFormat));
        created.setTimeSpec(Qt::UTC);
        if (!created.isValid())
            continue;
        out.append({f.absoluteFilePath(), created, m.captured(2), f.size()});
    }
    std::sort(out.begin(), out.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.created != b.created ? a.created > b.created : a.path > b.path;
    });
    return out;
}

std::optional<BackupInfo> BackupManager::newestValid() const
{
    for (const BackupInfo &b : list())
        if (verify(b.path).isEmpty())
            return b;
    return std::nullopt;
}

BackupManager::Result BackupManager::backup(const QString &reason)
{
    return take(reason, {});
}

// `keep`: a backup the rotation must not remove (the one a restore is about to copy from).
BackupManager::Result BackupManager::take(const QString &reason, const QString &keep)
{
    Result result;
    if (!QFileInfo::exists(m_path)) {
        result.error = QStringLiteral("%1: no such project").arg(m_path);
        return result;
    }
    if (!QDir().mkpath(folder())) {
        result.error = QStringLiteral("cannot create the backup folder %1").arg(folder());
        return result;
    }
    // The copy is made and checked under a name of its own, then given its stamped name, which it
    // takes only if no other backup has it (two processes may take one in the same millisecond).
    QString tmp;
    if (const QString err = copyFile(m_path, QDir(folder()).filePath(QStringLiteral("backup")), Access::Read, &tmp);
        !err.isEmpty()) {
        result.error = QStringLiteral("cannot back up %1 to %2 (%3)").arg(m_path, folder(), err);
        return result;
    }
    if (const QString err = verify(tmp); !err.isEmpty()) {
        QFile::remove(tmp);
        result.error = QStringLiteral("the backup of %1 failed its check and was deleted (%2); older backups were kept")
                           .arg(m_path, err);
        return result;
    }
    QDateTime now = QDateTime::currentDateTimeUtc();
    QString target;
    for (int attempt = 0;; ++attempt) {
        target
            = QDir(folder()).filePath(now.toString(QString::fromLatin1(StampFormat)) % u'-' % slug(reason) % u".gloss");
        const Moved moved = moveNoReplace(tmp, target);
        if (moved == Moved::Yes)
            break;
        if (moved == Moved::Failed || attempt == 1000) {
            QFile::remove(tmp);
            result.error = QStringLiteral("cannot back up %1 to %2 (cannot write it)").arg(m_path, target);
            return result;
        }
        now = now.addMSecs(1);
    }
    syncFolder(folder());
    result.path = target;
    rotate(result, keep);
    return result;
}

void BackupManager::rotate(Result &result, const QString &keepAlso) const
{
    const QList<BackupInfo> all = list();
    QSet<QString> keep;
    QSet<QDate> days;
    QSet<int> weeks;
    int events = 0;
    for (const BackupInfo &b : all) {
        const QDate day = b.created.date();
        if (!days.contains(day) && days.size() < KeepDaily) {
            days.insert(day);
            keep.insert(b.path);
        }
        int weekYear = 0;
        const int week = day.weekNumber(&weekYear) + weekYear * 100;
        if (!weeks.contains(week) && weeks.size() < KeepWeekly) {
            weeks.insert(week);
            keep.insert(b.path);
        }
        if (b.reason != u"daily" && events < KeepEvents) {
            ++events;
            keep.insert(b.path);
        }
    }
    keep.insert(result.path);
    for (const BackupInfo &b : all) {
        if (keep.contains(b.path) || (!keepAlso.isEmpty() && QFileInfo(b.path) == QFileInfo(keepAlso)))
            continue;
        if (QFile::remove(b.path))
            result.rotated.append(b.path);
    }
    syncFolder(folder());
}

bool BackupManager::changedSince(const QDateTime &when) const
{
    const QDateTime file = modified(m_path);
    const QDateTime wal = modified(m_path + u"-wal");
    return (file.isValid() && file > when) || (wal.isValid() && wal > when);
}

bool BackupManager::hasArticles() const
{
    Connection c(m_path, Access::Read);
    bool ok = false;
    const QStringList rows = c.rows("SELECT EXISTS(SELECT 1 FROM articles)", &ok);
    return c.ok() && ok && rows.value(0) == u"1";
}

bool BackupManager::dailyDue() const
{
    if (!QFileInfo::exists(m_path))
        return false;
    const QList<BackupInfo> all = list();
    if (all.isEmpty())
        return true;
    const QDateTime newest = all.first().created;
    return newest.addDays(1) <= QDateTime::currentDateTimeUtc() && changedSince(newest);
}

BackupManager::Result BackupManager::dailyIfDue()
{
    if (!dailyDue() || !hasArticles()) {
        Result skipped;
        skipped.skipped = true;
        return skipped;
    }
    return backup(QStringLiteral("daily"));
}

BackupManager::Result BackupManager::restore(const QString &backupFile)
{
    Result result;
    if (!QFileInfo::exists(backupFile)) {
        result.error = QStringLiteral("%1: no such backup").arg(backupFile);
        return result;
    }
    if (const QString err = verify(backupFile); !err.isEmpty()) {
        result.error = QStringLiteral("%1: the backup is damaged or not one Gloss can open (%2); nothing was restored")
                           .arg(backupFile, err);
        return result;
    }
    // Only a Gloss project is replaced (or set aside, when damaged): never a file of something else
    // that the project's path happens to name, nor one the user made read-only.
    const QFileInfo project(m_path);
    if (project.exists() || project.isSymLink()) {
        if (!isProjectFile(m_path)) {
            result.error
                = QStringLiteral("%1: not a Gloss project, so nothing was restored over it (restore replaces a "
                                 "Gloss project, or makes one where there is none)")
                      .arg(m_path);
            return result;
        }
        if (!project.isWritable() || !(project.permissions() & QFile::WriteOwner)) {
            result.error = QStringLiteral("%1: the project is read-only; nothing was restored").arg(m_path);
            return result;
        }
    }
    if (QFileInfo::exists(m_path)) {
        if (checkFile(m_path, Access::Read, false).isEmpty()) {
            const Result before = take(QStringLiteral("before-restore"), backupFile);
            if (!before.error.isEmpty()) {
                result.error = QStringLiteral("cannot back up the current state first (%1); nothing was restored")
                                   .arg(before.error);
                return result;
            }
            result.path = before.path;
            result.rotated = before.rotated;
        } else {
            QString err;
            if (setAside(m_path, &err).isEmpty()) {
                result.error = err;
                return result;
            }
        }
    }
    if (QFileInfo::exists(m_path)) {
        // Into the live file: one write transaction of the destination, so a crash leaves either
        // the old or the restored project, and other open connections see the change.
        Connection to(m_path, Access::Write);
        Connection from(backupFile, Access::ReadAsFound);
        if (!to.ok() || !from.ok()) {
            result.error = QStringLiteral("cannot open %1 (%2)")
                               .arg(to.ok() ? backupFile : m_path, to.ok() ? from.error() : to.error());
            return result;
        }
        if (const QString err = runBackup(to.db(), from.db()); !err.isEmpty()) {
            result.error = QStringLiteral("cannot restore %1 into %2 (%3); the project was not changed")
                               .arg(backupFile, m_path, err);
            return result;
        }
        return result;
    }
    // The project is gone: build the file beside it and move it into place. A -wal or -shm left
    // without their database would be replayed onto the restored file, so they go first.
    QFile::remove(m_path + u"-wal");
    QFile::remove(m_path + u"-shm");
    QString tmp;
    if (const QString err = copyFile(backupFile, m_path + u".restoring", Access::ReadAsFound, &tmp); !err.isEmpty()) {
        result.error = QStringLiteral("cannot restore %1 to %2 (%3)").arg(backupFile, m_path, err);
        return result;
    }
    if (!QFile::rename(tmp, m_path)) {
        QFile::remove(tmp);
        result.error = QStringLiteral("cannot move the restored project into place at %1").arg(m_path);
        return result;
    }
    syncFolder(QFileInfo(m_path).absolutePath());
    return result;
}

QString BackupManager::verify(const QString &file)
{
    return checkFile(file, Access::ReadAsFound, true);
}

QString BackupManager::setAside(const QString &projectPath, QString *error)
{
    QString target = projectPath + u".damaged";
    if (QFileInfo::exists(target))
        target = projectPath % u'.' % QDateTime::currentDateTimeUtc().toString(QString::fromLatin1(StampFormat))
            % u".damaged";
    if (!QFile::rename(projectPath, target)) {
        if (error)
            *error = QStringLiteral("cannot move the damaged project %1 aside to %2").arg(projectPath, target);
        return {};
    }
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = projectPath + QString::fromLatin1(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, target + QString::fromLatin1(suffix));
    }
    syncFolder(QFileInfo(projectPath).absolutePath());
    return target;
}

QString BackupManager::copy(const QString &source, const QString &target)
{
    QString tmp;
    QString error = copyFile(source, target, Access::Read, &tmp);
    if (error.isEmpty()) {
        QFile::remove(target);
        if (!QFile::rename(tmp, target))
            error = QStringLiteral("cannot write %1").arg(target);
        else
            syncFolder(QFileInfo(target).absolutePath());
    }
    if (!error.isEmpty())
        QFile::remove(tmp);
    return error;
}

QString BackupManager::compact(const QString &file)
{
    Connection db(file, Access::Write);
    if (!db.ok())
        return db.error();
    bool ok = false;
    db.rows("VACUUM", &ok);
    return ok ? QString() : db.error();
}

} // namespace gloss::storage::sqlite
