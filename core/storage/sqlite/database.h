#pragma once

#include "storage/sqlite/statement.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace gloss::storage::sqlite {

// One connection to a project file (.gloss). Opens it with Gloss's pragmas, refuses files that are
// not Gloss projects or come from a newer Gloss, and migrates older ones after a backup.
// Not thread-safe: each thread (the import worker, say) opens its own Database.
class Database final
{
public:
    enum class Access { ReadWrite, ReadOnly };
    enum class Durability { Full, Normal }; // FULL for annotation edits, NORMAL for bulk import

    struct OpenResult
    {
        std::unique_ptr<Database> db;
        QString error; // set when db is null: says why, naming the file
        QString backupPath; // set when a migration ran: where the copy from before it is
        bool readOnly = false; // opened read-only (asked for, or the file is not writable)
        bool damaged = false; // refused because SQLite found the file corrupt
        bool busy = false; // another process held a lock SQLite would not wait for (retried)
    };

    // The schema version this Gloss writes (PRAGMA user_version).
    static int schemaVersion();
    // SQLite's application_id for Gloss projects, so file(1) and MIME can tell them apart.
    static constexpr int ApplicationId = 0x474C5353; // "GLSS"

    static OpenResult open(const QString &path, Access access = Access::ReadWrite);
    // Migrates up to `targetVersion` only; tests use it to build old projects.
    static OpenResult openAtVersion(const QString &path, int targetVersion);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }

    // A fresh statement, finalized when it goes out of scope.
    Statement prepare(const char *sql);
    // A cached statement (prepared once per connection): reset when it goes out of scope.
    // `sql` must be a string literal: the cache is keyed by its address.
    Statement cached(const char *sql);
    void exec(const QByteArray &sql);
    qint64 lastInsertId() const;
    int changes() const;

    void setDurability(Durability d);
    int userVersion();
    // `PRAGMA quick_check`: an empty string when the file is sound, else the problems found.
    QString quickCheck();
    // `PRAGMA data_version`: changes when another connection (or process) commited.
    qint64 dataVersion();
    // Closing will not checkpoint the WAL into the file: a damaged project is set aside as it is.
    void keepFileAsIs();
    // This session began with the project checked clean at `checkedAt`: closing records the
    // file's identity with that time (CheckStamp), so the next open may skip the check.
    void setCheckedClean(const QDateTime &checkedAt) { m_checkedClean = checkedAt; }

    // Copies the whole database to `target` with SQLite's online backup API. Returns an error
    // message, or an empty string on success.
    QString backupTo(const QString &target);

private:
    Database(sqlite3 *db, QString path, bool readOnly);
    static OpenResult openImpl(const QString &path, Access access, int targetVersion);
    void configure();
    QString migrate(int from, int to); // returns an error message or empty

    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_readOnly = false;
    QDateTime m_checkedClean;
    QHash<const char *, sqlite3_stmt *> m_cache;
};

} // namespace gloss::storage::sqlite
