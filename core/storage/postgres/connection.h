#pragma once

#include <QByteArray>
#include <QByteArrayView>
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
// The rows of the result are all fetched at once; streaming reads use a Cursor (below).
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
    // The value without a copy (empty for NULL), valid until the Query steps again or goes.
    QByteArrayView view(int column) const;
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
    // The same target in libpq's key=value form without its password (a password typed by the
    // user then comes from PGPASSWORD, which a password in the target would override).
    static QString withoutPassword(const QString &target);

    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Query query(const char *sql) { return Query(*this, QByteArray(sql)); }
    Query query(const QByteArray &sql) { return Query(*this, sql); }
    // Runs SQL without parameters (several statements separated by ';' are allowed).
    void execute(const char *sql);
    // Runs SQL now and again after every reconnection (LISTEN, session settings).
    void executeForSession(const QByteArray &sql);

    // A lost connection (the server restarted, the network dropped) is reopened by the next
    // statement run outside a transaction; a statement that finds it lost outside a transaction is
    // run again once reconnected. Inside a transaction nothing can be recovered: the statement
    // and every later one of that transaction fail as Disconnected without reaching the server,
    // until the transaction is rolled back; the next statement after it reconnects.
    // Reconnects now if the connection is known lost and no transaction is open; throws a
    // StorageError (Disconnected) when the server cannot be reached.
    void ensureConnected();
    // How many times the connection was reopened: what was said in between may have been missed.
    int reconnections() const { return m_reconnections; }

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
    friend class Query;
    Connection(pg_conn *conn, QString target);
    // Runs `sql` through `run` (which returns a result, never null when the server was reached),
    // with the policy for lost connections above. Returns a result that succeeded.
    template <typename Run> pg_result *guarded(const QByteArray &sql, Run run);
    bool isLost() const;
    [[noreturn]] void failLost();

    pg_conn *m_conn = nullptr;
    QString m_target;
    QString m_location;
    int m_depth = 0;
    bool m_lostInTransaction = false;
    int m_reconnections = 0;
    std::vector<QByteArray> m_session;
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

// The rows of a large result a page at a time, through a server-side cursor (DECLARE, then FETCH
// pageRows at a time): an export of a million rows holds one page in memory, not the result.
// The cursor lives in a transaction of its own (a savepoint inside an open one), begun by the
// first step(); close() ends it and must be called when the reading is over, whether every row
// was read or not (a cursor dropped without close() rolls its savepoint back). Other statements
// may run on the connection between two steps.
class Cursor final
{
public:
    Cursor(Connection &connection, const QByteArray &sql, int pageRows = 1000);
    ~Cursor();
    Cursor(const Cursor &) = delete;
    Cursor &operator=(const Cursor &) = delete;

    // Binds a parameter of the query, as Query::bind().
    template <typename T> Cursor &bind(int index, const T &value)
    {
        m_declare.bind(index, value);
        return *this;
    }
    // True while a row is available; its values are read through row().
    bool step();
    const Query &row() const { return *m_page; }
    void close();

private:
    Connection &m_connection;
    QByteArray m_name;
    Query m_declare;
    std::optional<Transaction> m_transaction;
    std::optional<Query> m_page;
    int m_pageRows;
    bool m_lastPage = false;
};

} // namespace gloss::storage::postgres
