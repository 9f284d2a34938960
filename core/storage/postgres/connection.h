#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace gloss::storage::postgres {

class Connection;

// One statement with its parameters, run on first step() or exec(). The SQL may number its
// parameters SQLite's way (?1, ?2) or PostgreSQL's ($1, $2); both mean the same. Parameters are
// sent apart from the SQL as text, so user text is never pasted into a statement; a parameter
// whose type PostgreSQL cannot infer needs a cast in the SQL ($1::bigint).
// The rows of the result are all fetched at once; streaming reads use Connection::cursor().
class Query final
{
public:
    Query(Connection &connection, QByteArray sql);
    ~Query();
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    Query(Query &&other) noexcept;
    Query &operator=(Query &&) = delete;

    Query &bind(int index, qint64 value);
    Query &bind(int index, int value) { return bind(index, qint64(value)); }
    Query &bind(int index, double value);
    Query &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Query &bind(int index, const QString &value); // a null QString binds NULL
    Query &bind(int index, QStringView value);
    Query &bind(int index, const char *utf8);
    Query &bind(int index, const QDate &date); // ISO yyyy-MM-dd or NULL
    Query &bind(int index, const QDateTime &dateTime); // ISO with offset, UTC, or NULL
    Query &bindNull(int index);
    Query &bindId(int index, qint64 id); // 0 binds NULL

    // Runs the statement on the first call; true while a row is available.
    bool step();
    // Runs a statement that returns no rows (or whose rows do not matter).
    void exec();
    // Rows changed by the INSERT, UPDATE or DELETE that exec() ran.
    qint64 changes() const;
    // The number of rows the statement returned (after the first step()).
    int rowCount() const;

    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const;
    QDate date(int column) const;
    QDateTime dateTime(int column) const;

private:
    void run();
    const char *value(int column) const;

    Connection &m_connection;
    QByteArray m_sql;
    std::vector<std::optional<QByteArray>> m_params; // by 0-based index
    pg_result *m_result = nullptr;
    int m_row = -1;
    bool m_ran = false;
};

// A connection to a Gloss project on a PostgreSQL server (libpq). Not thread-safe: each thread
// opens its own, as with SQLite.
class Connection final
{
public:
    struct Opened
    {
        std::unique_ptr<Connection> connection;
        QString error; // in words, naming the server and database
    };
    // `target` is a postgresql:// or postgres:// URL or libpq's key=value form. Passwords come
    // from libpq's usual sources (the target, PGPASSWORD, ~/.pgpass), `password` when given.
    static Opened open(const QString &target, const QString &password = {});
    // Whether `target` names a PostgreSQL project rather than a file.
    static bool isTarget(const QString &target);
    // "database DB on HOST:PORT as USER": where the project is, in words, without the password.
    static QString describe(const QString &target);

    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Query query(const char *sql) { return Query(*this, QByteArray(sql)); }
    Query query(const QByteArray &sql) { return Query(*this, sql); }
    // Runs SQL without parameters (several statements separated by ';' are allowed).
    void execute(const char *sql);

    const QString &location() const { return m_location; }
    const QString &target() const { return m_target; }
    QString user() const;
    QString database() const;

    // Transactions: begin() opens one, or a savepoint inside the open one; commit() and
    // rollback() end the innermost. Prefer Transaction (below).
    void begin();
    void commit();
    void rollback() noexcept;
    int depth() const { return m_depth; }

    pg_conn *handle() const { return m_conn; }
    // Throws a StorageError for a failed result (and clears it), naming what failed and why.
    [[noreturn]] void fail(pg_result *result, const QByteArray &sql);

private:
    Connection(pg_conn *conn, QString target);

    pg_conn *m_conn = nullptr;
    QString m_target;
    QString m_location;
    int m_depth = 0;
};

// A transaction on a Connection, rolled back when it goes out of scope without commit().
// Nested ones are savepoints.
class Transaction final
{
public:
    explicit Transaction(Connection &connection)
        : m_connection(connection)
    {
        m_connection.begin();
    }
    ~Transaction()
    {
        if (!m_done)
            m_connection.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit()
    {
        m_connection.commit();
        m_done = true;
    }

private:
    Connection &m_connection;
    bool m_done = false;
};

} // namespace gloss::storage::postgres
