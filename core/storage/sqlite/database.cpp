#include "storage/sqlite/database.h"

#include "storage/error.h"
#include "storage/sqlite/backupmanager.h"
#include "storage/sqlite/checkstamp.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/schemaobjects.h"
#include "storage/sqlite/sqliteerror.h"
#include "storage/sqlite/transaction.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#include <optional>

namespace gloss::storage::sqlite {

namespace {

constexpr int BusyTimeoutMs = 10000;
constexpr int MinimumPageSize = 512;

// Looks at the first bytes without opening the file with SQLite, so a file that is not a
// database is refused untouched (SQLite would otherwise try to create a journal beside it).
QString checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot read the file (%2)").arg(path, file.errorString());
    const QByteArray head = file.read(16);
    if (head != QByteArray("SQLite format 3\0", 16))
        return QStringLiteral("%1: not a Gloss project (the file is not an SQLite database)").arg(path);
    // Every SQLite database is a whole number of pages of at least 512 bytes: a shorter file is
    // one cut short (a copy or a download that stopped), whatever its first bytes say.
    if (file.size() < MinimumPageSize)
        return QStringLiteral("%1: not a Gloss project, or one cut short: the file has %2 bytes, and an SQLite "
                              "database has at least %3; the file was not changed")
            .arg(path)
            .arg(file.size())
            .arg(MinimumPageSize);
    return {};
}

// The first column of the first row of `sql`; nothing when it failed (sqlite3_errmsg says why).
std::optional<int> pragmaInt(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    std::optional<int> value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

} // namespace

int Database::schemaVersion()
{
    return migrations().constLast().version;
}

Database::Database(sqlite3 *db, QString path, bool readOnly)
    : m_db(db)
    , m_path(std::move(path))
    , m_readOnly(readOnly)
{ }

Database::~Database()
{
    for (sqlite3_stmt *stmt : std::as_const(m_cache))
        sqlite3_finalize(stmt);
    const bool closed = sqlite3_close_v2(m_db) == SQLITE_OK;
    if (closed && m_checkedClean.isValid() && !m_readOnly)
        CheckStamp(m_path).record(m_checkedClean);
}

Database::OpenResult Database::open(const QString &path, Access access)
{
    // Some locks SQLite does not wait for (changing the journal mode, a read lock to upgrade while
    // another process creates the project): wait and try again, for up to about 10 s.
    OpenResult result = openImpl(path, access, schemaVersion());
    for (int attempt = 0; result.busy && attempt < 200; ++attempt) {
        sqlite3_sleep(50);
        result = openImpl(path, access, schemaVersion());
    }
    return result;
}

Database::OpenResult Database::openAtVersion(const QString &path, int targetVersion)
{
    return openImpl(path, Access::ReadWrite, targetVersion);
}

Database::OpenResult Database::openImpl(const QString &path, Access access, int targetVersion)
{
    OpenResult result;
    if (const QString err = checkHeader(path); !err.isEmpty()) {
        result.error = err;
        return result;
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        result.error = QStringLiteral("%1: is a folder, not a project file").arg(path);
        return result;
    }
    bool readOnly = access == Access::ReadOnly;
    if (!readOnly && info.exists() && !info.isWritable())
        readOnly = true;
    if (!info.exists() && readOnly) {
        result.error = QStringLiteral("%1: no such project").arg(path);
        return result;
    }

    sqlite3 *raw = nullptr;
    int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        | SQLITE_OPEN_EXRESCODE;
    QByteArray name = QFile::encodeName(path);
    // A WAL project on a read-only medium (a read-only mount, a CD): SQLite cannot create the
    // -shm beside it, so it is opened as immutable, which nothing can change while we read.
    if (readOnly && !QFileInfo(info.absolutePath()).isWritable() && !QFileInfo::exists(path + u"-wal")) {
        name = "file:" + QUrl::toPercentEncoding(info.absoluteFilePath(), "/") + "?immutable=1";
        flags |= SQLITE_OPEN_URI;
    }
    const int rc = sqlite3_open_v2(name.constData(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        result.error = QStringLiteral("%1: cannot open (%2)")
                           .arg(path, QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
        sqlite3_close_v2(raw);
        return result;
    }
    std::unique_ptr<Database> db(new Database(raw, path, readOnly));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, BusyTimeoutMs);
    // Opening someone else's project is safe: no SQL functions from the schema with our rights,
    // and no writes to the schema through the back door.
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);

    try {
        // One read snapshot for the look at the header and the schema, so that a project another
        // process is creating right now is seen either empty or whole.
        sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr);
        const std::optional<int> version = pragmaInt(raw, "PRAGMA user_version");
        const std::optional<int> appId = version ? pragmaInt(raw, "PRAGMA application_id") : std::nullopt;
        const std::optional<int> tables = appId ? pragmaInt(raw, "SELECT count(*) FROM sqlite_schema") : std::nullopt;
        if (!tables) {
            const int code = sqlite3_errcode(raw) & 0xff;
            result.damaged = code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
            result.busy = code == SQLITE_BUSY || code == SQLITE_LOCKED; // another process creating it: retried
            result.error = (result.damaged ? QStringLiteral("%1: the file is damaged (%2)")
                                           : QStringLiteral("%1: not a Gloss project (%2)"))
                               .arg(path, QString::fromUtf8(sqlite3_errmsg(raw)));
            return result;
        }
        if (*appId != ApplicationId && (*version != 0 || *tables > 0)) {
            result.error
                = QStringLiteral("%1: not a Gloss project (an SQLite database made by another program)").arg(path);
            return result;
        }
        if (*version > schemaVersion()) {
            result.error
                = QStringLiteral("%1: made by a newer version of Gloss (project format %2; this Gloss reads up to %3). "
                                 "Update Gloss to open it; the file was not changed.")
                      .arg(path)
                      .arg(*version)
                      .arg(schemaVersion());
            return result;
        }
        if (*version < 0) {
            result.error = QStringLiteral("%1: not a Gloss project, or a damaged one: its project format number is %2, "
                                          "which no Gloss writes; the file was not changed")
                               .arg(path)
                               .arg(*version);
            return result;
        }
        // By what SQLite will make of each row of the schema, not by the case of its type.
        if (const QList<SchemaObject> planted = plantedObjects(raw); !planted.isEmpty()) {
            result.error = QStringLiteral("%1: refused: the project contains triggers or views that Gloss did not "
                                          "create (%2 \"%3\"); the file was not changed")
                               .arg(path, planted.first().type, planted.first().name);
            return result;
        }
        sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
        if (*version < targetVersion) {
            if (readOnly) {
                result.error = QStringLiteral("%1: the project needs upgrading, but it is read-only").arg(path);
                return result;
            }
            if (*version > 0) {
                // Into the project's backup folder, verified and rotated with the others.
                const auto backup = BackupManager(path).backupBefore(QStringLiteral("format-%1").arg(targetVersion));
                if (!backup.error.isEmpty()) {
                    result.error = QStringLiteral("%1: cannot back up before upgrading (%2); the file was not changed")
                                       .arg(path, backup.error);
                    return result;
                }
                result.backupPath = backup.path;
            }
            if (const QString err = db->migrate(*version, targetVersion); !err.isEmpty()) {
                result.error = QStringLiteral("%1: upgrade failed (%2); the file was not changed").arg(path, err);
                return result;
            }
        }
        db->configure();
    } catch (const StorageError &e) {
        result.error = QStringLiteral("%1: %2").arg(path, e.message());
        result.damaged = (e.code() & 0xff) == SQLITE_CORRUPT || (e.code() & 0xff) == SQLITE_NOTADB;
        result.busy = (e.code() & 0xff) == SQLITE_BUSY || (e.code() & 0xff) == SQLITE_LOCKED;
        return result;
    }
    result.readOnly = readOnly;
    result.db = std::move(db);
    return result;
}

void Database::configure()
{
    if (!m_readOnly)
        exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA temp_store=MEMORY");
    exec("PRAGMA cache_size=-32768");
}

QString Database::migrate(int from, int to)
{
    try {
        // A new project is created in one transaction (each step a savepoint in it), so that a
        // second Gloss opening it at the same moment sees it empty or whole, never half made.
        std::optional<Transaction> creation;
        if (from == 0) {
            // A new project: choose the page size before the first table exists. Articles are rows of
            // a few KB: a 4 KB page holds one and leaves the rest of the page empty (a sixth of
            // the file for 3 KB articles); 32 KB pages waste half a row in eight or so.
            exec("PRAGMA page_size=32768");
            creation.emplace(*this);
            if (userVersion() == 0)
                exec("PRAGMA application_id=" + QByteArray::number(ApplicationId));
        }
        for (const Migration &step : migrations()) {
            if (step.version <= from || step.version > to)
                continue;
            Transaction tx(*this);
            // Another process may have run this step between our look and our lock.
            if (userVersion() >= step.version)
                continue;
            exec(step.sql);
            exec("PRAGMA user_version=" + QByteArray::number(step.version));
            if (step.version == 1) {
                Statement insert = prepare("INSERT INTO meta(key, value) VALUES('created', ?1)");
                insert.bind(1, QDateTime::currentDateTimeUtc());
                insert.exec();
            }
            tx.commit();
        }
        if (creation)
            creation->commit();
    } catch (const StorageError &e) {
        // Another process creating or upgrading the same project at this moment: open() retries.
        if ((e.code() & 0xff) == SQLITE_BUSY || (e.code() & 0xff) == SQLITE_LOCKED)
            throw;
        return e.message();
    }
    return {};
}

Statement Database::prepare(const char *sql)
{
    return Statement(m_db, sql);
}

Statement Database::cached(const char *sql)
{
    sqlite3_stmt *&stmt = m_cache[sql];
    if (!stmt) {
        const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
            sqlite3_finalize(stmt);
            m_cache.remove(sql);
            throw sqlite::error(message % u" (in: " % QString::fromUtf8(sql).simplified() % u')', rc);
        }
    }
    return Statement(m_db, stmt);
}

void Database::exec(const QByteArray &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        QString message = QString::fromUtf8(err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throw sqlite::error(message, rc);
    }
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

void Database::setDurability(Durability d)
{
    exec(d == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
}

QString Database::quickCheck()
{
    QStringList problems;
    Statement check = prepare("PRAGMA quick_check(20)");
    while (check.step())
        problems.append(check.text(0));
    if (problems == QStringList{QStringLiteral("ok")})
        return {};
    return problems.join(QStringLiteral("; "));
}

qint64 Database::dataVersion()
{
    Statement s = prepare("PRAGMA data_version");
    return s.step() ? s.int64(0) : -1;
}

void Database::keepFileAsIs()
{
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

int Database::userVersion()
{
    return pragmaInt(m_db, "PRAGMA user_version").value_or(-1);
}

QString Database::backupTo(const QString &target)
{
    sqlite3 *dest = nullptr;
    const QString tmp = target + u".part";
    QFile::remove(tmp);
    if (sqlite3_open_v2(QFile::encodeName(tmp).constData(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        != SQLITE_OK) {
        const QString err = QString::fromUtf8(sqlite3_errmsg(dest));
        sqlite3_close_v2(dest);
        return err;
    }
    sqlite3_backup *backup = sqlite3_backup_init(dest, "main", m_db, "main");
    QString error;
    if (!backup) {
        error = QString::fromUtf8(sqlite3_errmsg(dest));
    } else {
        int rc;
        do {
            rc = sqlite3_backup_step(backup, 1024);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep(20);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        if (rc != SQLITE_DONE)
            error = QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_backup_finish(backup);
    }
    sqlite3_close_v2(dest);
    if (error.isEmpty()) {
        QFile::remove(target);
        if (!QFile::rename(tmp, target))
            error = QStringLiteral("cannot write %1").arg(target);
    }
    if (!error.isEmpty())
        QFile::remove(tmp);
    return error;
}

} // namespace gloss::storage::sqlite
