#include "storage/postgres/connection.h"

#include "storage/error.h"

#include <QRegularExpression>

#include <libpq-fe.h>

#include <atomic>
#include <cstring>

namespace gloss::storage::postgres {

namespace {

// SQLite's numbered parameters (?1) as PostgreSQL's ($1), outside quoted text and names.
QByteArray toPostgresParameters(const QByteArray &sql)
{
    if (!sql.contains('?'))
        return sql;
    QByteArray out;
    out.reserve(sql.size());
    char quote = 0;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            out += '$';
        } else {
            out += c;
        }
    }
    return out;
}

Failure failureOfState(const QByteArray &state)
{
    if (state.startsWith("23"))
        return Failure::Constraint;
    if (state == "42501") // insufficient privilege, a row-level security policy
        return Failure::Denied;
    if (state == "25006") // a read-only transaction
        return Failure::ReadOnly;
    if (state == "53100")
        return Failure::DiskFull;
    if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("58"))
        return Failure::Io;
    if (state == "40001" || state == "40P01" || state == "55P03")
        return Failure::Busy;
    if (state.startsWith("XX"))
        return Failure::Corrupt;
    return Failure::Other;
}

QString trimmed(const char *message)
{
    return QString::fromUtf8(message ? message : "").trimmed();
}

void ignoreNotice(void *, const char *)
{ }

// The parts of a connection string or URL, without the password.
QString describeOptions(PQconninfoOption *options)
{
    QString host, port, db, user;
    for (PQconninfoOption *o = options; o && o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString value = QString::fromUtf8(o->val);
        if (std::strcmp(o->keyword, "host") == 0)
            host = value;
        else if (std::strcmp(o->keyword, "hostaddr") == 0 && host.isEmpty())
            host = value;
        else if (std::strcmp(o->keyword, "port") == 0)
            port = value;
        else if (std::strcmp(o->keyword, "dbname") == 0)
            db = value;
        else if (std::strcmp(o->keyword, "user") == 0)
            user = value;
    }
    QString where = host.isEmpty() ? QStringLiteral("the local server") : host;
    if (!port.isEmpty())
        where += QLatin1Char(':') + port;
    QString text = QStringLiteral("database %1 on %2").arg(db.isEmpty() ? QStringLiteral("(default)") : db, where);
    if (!user.isEmpty())
        text += QStringLiteral(" as ") + user;
    return text;
}

} // namespace

// --- Query

Query::Query(Connection &connection, QByteArray sql)
    : m_connection(connection)
    , m_sql(toPostgresParameters(sql))
{ }

Query::~Query()
{
    if (m_result)
        PQclear(m_result);
}

Query::Query(Query &&other) noexcept
    : m_connection(other.m_connection)
    , m_sql(std::move(other.m_sql))
    , m_params(std::move(other.m_params))
    , m_result(other.m_result)
    , m_row(other.m_row)
    , m_ran(other.m_ran)
{
    other.m_result = nullptr;
}

Query &Query::bind(int index, qint64 value)
{
    return bind(index, QByteArray::number(value).constData());
}

Query &Query::bind(int index, double value)
{
    return bind(index, QByteArray::number(value, 'g', 17).constData());
}

Query &Query::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    return bind(index, QStringView(value));
}

Query &Query::bind(int index, QStringView value)
{
    if (index < 1)
        throw StorageError(QStringLiteral("parameter %1 out of range").arg(index), Failure::Other);
    if (size_t(index) > m_params.size())
        m_params.resize(size_t(index));
    QByteArray utf8 = value.toUtf8();
    if (utf8.contains('\0')) // PostgreSQL text holds no NUL; Gloss's texts never need one
        utf8.replace('\0', "");
    m_params[size_t(index - 1)] = std::move(utf8);
    return *this;
}

Query &Query::bind(int index, const char *utf8)
{
    if (!utf8)
        return bindNull(index);
    return bind(index, QString::fromUtf8(utf8));
}

Query &Query::bind(int index, const QDate &date)
{
    if (!date.isValid())
        return bindNull(index);
    return bind(index, date.toString(Qt::ISODate));
}

Query &Query::bind(int index, const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return bindNull(index);
    return bind(index, dateTime.toUTC().toString(Qt::ISODate));
}

Query &Query::bindNull(int index)
{
    if (index < 1)
        throw StorageError(QStringLiteral("parameter %1 out of range").arg(index), Failure::Other);
    if (size_t(index) > m_params.size())
        m_params.resize(size_t(index));
    m_params[size_t(index - 1)].reset();
    return *this;
}

Query &Query::bindId(int index, qint64 id)
{
    return id == 0 ? bindNull(index) : bind(index, id);
}

void Query::run()
{
    std::vector<const char *> values(m_params.size());
    for (size_t i = 0; i < m_params.size(); ++i)
        values[i] = m_params[i] ? m_params[i]->constData() : nullptr;
    m_ran = true;
    m_result = m_connection.guarded(m_sql, [&](pg_conn *conn) {
        return PQexecParams(conn, m_sql.constData(), int(values.size()), nullptr,
            values.empty() ? nullptr : values.data(), nullptr, nullptr, 0);
    });
}

bool Query::step()
{
    if (!m_ran)
        run();
    ++m_row;
    return m_result && m_row < PQntuples(m_result);
}

void Query::exec()
{
    if (!m_ran)
        run();
}

qint64 Query::changes() const
{
    if (!m_result)
        return 0;
    return QByteArray(PQcmdTuples(m_result)).toLongLong();
}

int Query::rowCount() const
{
    return m_result ? PQntuples(m_result) : 0;
}

const char *Query::value(int column) const
{
    if (!m_result || m_row < 0 || m_row >= PQntuples(m_result) || column < 0 || column >= PQnfields(m_result))
        throw StorageError(QStringLiteral("no column %1 in this row").arg(column), Failure::Other);
    if (PQgetisnull(m_result, m_row, column))
        return nullptr;
    return PQgetvalue(m_result, m_row, column);
}

bool Query::isNull(int column) const
{
    return value(column) == nullptr;
}

qint64 Query::int64(int column) const
{
    const char *v = value(column);
    if (!v)
        return 0;
    if (v[0] == 't' && v[1] == 0) // a boolean
        return 1;
    if (v[0] == 'f' && v[1] == 0)
        return 0;
    return std::strtoll(v, nullptr, 10);
}

double Query::real(int column) const
{
    const char *v = value(column);
    return v ? std::strtod(v, nullptr) : 0.0;
}

QString Query::text(int column) const
{
    const char *v = value(column);
    return v ? QString::fromUtf8(v, PQgetlength(m_result, m_row, column)) : QString();
}

QByteArray Query::utf8(int column) const
{
    const char *v = value(column);
    return v ? QByteArray(v, PQgetlength(m_result, m_row, column)) : QByteArray();
}

QByteArrayView Query::view(int column) const
{
    const char *v = value(column);
    return v ? QByteArrayView(v, PQgetlength(m_result, m_row, column)) : QByteArrayView();
}

QDate Query::date(int column) const
{
    const char *v = value(column);
    return v ? QDate::fromString(QString::fromLatin1(v), Qt::ISODate) : QDate();
}

QDateTime Query::dateTime(int column) const
{
    const char *v = value(column);
    return v ? QDateTime::fromString(QString::fromLatin1(v), Qt::ISODate) : QDateTime();
}

// --- Connection

bool Connection::isTarget(const QString &target)
{
    if (target.startsWith(QLatin1String("postgresql://")) || target.startsWith(QLatin1String("postgres://")))
        return true;
    // libpq's key=value form, starting with one of the keywords that name a server or database
    static const QRegularExpression keyValue(
        QStringLiteral(R"(^\s*(host|hostaddr|port|dbname|user|service|sslmode|application_name|connect_timeout)\s*=)"));
    return keyValue.match(target).hasMatch();
}

QString Connection::describe(const QString &target)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(target.toUtf8().constData(), &error);
    if (!options) {
        if (error)
            PQfreemem(error);
        return target.section(QLatin1Char('@'), -1); // never the password part of a URL
    }
    const QString text = describeOptions(options);
    PQconninfoFree(options);
    return text;
}

QString Connection::withoutPassword(const QString &target)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(target.toUtf8().constData(), &error);
    if (!options) {
        if (error)
            PQfreemem(error);
        return target;
    }
    QStringList pairs;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val || std::strcmp(o->keyword, "password") == 0)
            continue;
        QString value = QString::fromUtf8(o->val);
        value.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
        pairs << QStringLiteral("%1='%2'").arg(QString::fromUtf8(o->keyword), value);
    }
    PQconninfoFree(options);
    return pairs.join(QLatin1Char(' '));
}

Connection::Opened Connection::open(const QString &target, const QString &password)
{
    Opened opened;
    const QByteArray dbname = target.toUtf8();
    const QByteArray secret = password.toUtf8();
    // A server that does not answer is given up on after 10 s unless the target says otherwise
    // (keys after dbname override what it expands to; this one comes before it).
    std::vector<const char *> keys = {"connect_timeout", "dbname", "application_name", "client_encoding"};
    std::vector<const char *> values = {"10", dbname.constData(), "gloss", "UTF8"};
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(secret.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    pg_conn *conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!conn) {
        opened.error = QStringLiteral("%1: out of memory").arg(describe(target));
        return opened;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        QString reason = trimmed(PQerrorMessage(conn));
        // libpq's "connection to server at ... failed: FATAL:  password authentication failed"
        const qsizetype fatal = reason.lastIndexOf(QLatin1String("FATAL:"));
        if (fatal >= 0)
            reason = reason.mid(fatal + 6).trimmed();
        opened.error = QStringLiteral("%1: cannot connect: %2").arg(describe(target), reason);
        PQfinish(conn);
        return opened;
    }
    PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
    opened.connection.reset(new Connection(conn, target));
    return opened;
}

Connection::Connection(pg_conn *conn, QString target)
    : m_conn(conn)
    , m_target(std::move(target))
{
    const QString host = trimmed(PQhost(m_conn));
    QString where = host.startsWith(QLatin1Char('/')) ? QStringLiteral("the local server") : host;
    const QString port = trimmed(PQport(m_conn));
    if (!port.isEmpty())
        where += QLatin1Char(':') + port;
    m_location = QStringLiteral("database %1 on %2 as %3").arg(database(), where, user());
}

Connection::~Connection()
{
    PQfinish(m_conn);
}

QString Connection::user() const
{
    return trimmed(PQuser(m_conn));
}

QString Connection::database() const
{
    return trimmed(PQdb(m_conn));
}

void Connection::execute(const char *sql)
{
    PQclear(guarded(QByteArray(sql), [&](pg_conn *conn) { return PQexec(conn, sql); }));
}

void Connection::executeForSession(const QByteArray &sql)
{
    execute(sql.constData());
    m_session.push_back(sql);
}

bool Connection::isLost() const
{
    return PQstatus(m_conn) != CONNECTION_OK;
}

void Connection::failLost()
{
    throw StorageError(QStringLiteral("the connection to %1 was lost (%2)")
                           .arg(m_location, trimmed(PQerrorMessage(m_conn)).section(QLatin1Char('\n'), 0, 0)),
        Failure::Disconnected);
}

void Connection::ensureConnected()
{
    if (m_depth > 0) {
        if (m_lostInTransaction || isLost()) {
            m_lostInTransaction = true;
            failLost();
        }
        return;
    }
    if (!isLost())
        return;
    PQreset(m_conn);
    if (isLost()) {
        throw StorageError(QStringLiteral("the connection to %1 was lost and the server cannot be reached yet (%2)")
                               .arg(m_location, trimmed(PQerrorMessage(m_conn)).section(QLatin1Char('\n'), 0, 0)),
            Failure::Disconnected);
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
    ++m_reconnections;
    for (const QByteArray &sql : m_session)
        PQclear(guarded(sql, [&](pg_conn *conn) { return PQexec(conn, sql.constData()); }));
}

template <typename Run> pg_result *Connection::guarded(const QByteArray &sql, Run run)
{
    if (m_depth > 0 && m_lostInTransaction)
        failLost(); // the transaction went with the connection: nothing more of it may run
    for (int attempt = 0;; ++attempt) {
        ensureConnected();
        pg_result *result = run(m_conn);
        const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            return result;
        if (!isLost() || attempt > 0 || m_depth > 0) {
            if (isLost() && m_depth > 0)
                m_lostInTransaction = true;
            fail(result, sql);
        }
        // Lost outside a transaction: the statement did not take effect as part of anything larger;
        // reconnect and run it once more (a read, or BEGIN).
        PQclear(result);
    }
}

void Connection::fail(pg_result *result, const QByteArray &sql)
{
    QByteArray state;
    QString message;
    if (result) {
        state = QByteArray(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        message = trimmed(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
        PQclear(result);
    }
    if (isLost())
        failLost();
    if (message.isEmpty())
        message = trimmed(PQerrorMessage(m_conn));
    Failure failure = failureOfState(state);
    if (failure == Failure::Denied) {
        message = message.contains(QLatin1String("row-level security"))
            ? QStringLiteral("%1 may change only their own coding on the team server (%2)").arg(user(), message)
            : QStringLiteral("%1 may not do this on the team server: only a lead changes the codebook, imports, "
                             "deletes articles or merges (%2)")
                  .arg(user(), message);
    }
    if (failure == Failure::Other && state.startsWith("42")) // a syntax or name error is Gloss's own
        message += QStringLiteral(" (in: %1)").arg(QString::fromUtf8(sql.left(200)));
    throw StorageError(message, failure, state.isEmpty() ? 0 : int(state.toInt(nullptr, 36)));
}

void Connection::begin()
{
    if (m_depth == 0)
        execute("BEGIN");
    else
        execute(QByteArray("SAVEPOINT gloss_").append(QByteArray::number(m_depth)).constData());
    ++m_depth;
}

void Connection::commit()
{
    if (m_depth == 0)
        throw StorageError(QStringLiteral("no transaction is open to commit"), Failure::Other);
    if (m_depth == 1)
        execute("COMMIT");
    else
        execute(QByteArray("RELEASE SAVEPOINT gloss_").append(QByteArray::number(m_depth - 1)).constData());
    --m_depth;
}

void Connection::rollback() noexcept
{
    if (m_depth == 0)
        return;
    --m_depth;
    if (m_lostInTransaction || isLost()) {
        // Nothing to roll back on the server: the transaction ended with the connection.
        if (m_depth == 0)
            m_lostInTransaction = false;
        return;
    }
    const QByteArray sql = m_depth == 0 ? QByteArray("ROLLBACK")
                                        : QByteArray("ROLLBACK TO SAVEPOINT gloss_%1; RELEASE SAVEPOINT gloss_%1")
                                              .replace("%1", QByteArray::number(m_depth));
    PQclear(PQexec(m_conn, sql.constData()));
}

// --- Cursor

namespace {
std::atomic<quint64> cursorCount{0};
}

Cursor::Cursor(Connection &connection, const QByteArray &sql, int pageRows)
    : m_connection(connection)
    , m_name("gloss_cursor_" + QByteArray::number(++cursorCount))
    , m_declare(connection, "DECLARE " + m_name + " NO SCROLL CURSOR FOR " + sql)
    , m_pageRows(pageRows > 0 ? pageRows : 1000)
{ }

Cursor::~Cursor()
{
    m_page.reset();
    m_transaction.reset(); // not closed: rolled back, which closes the cursor
}

bool Cursor::step()
{
    if (!m_transaction) {
        if (m_lastPage) // closed
            return false;
        m_transaction.emplace(m_connection);
        m_declare.exec();
    }
    if (m_page && m_page->step())
        return true;
    if (m_lastPage)
        return false;
    m_page.reset();
    m_page.emplace(m_connection, "FETCH FORWARD " + QByteArray::number(m_pageRows) + " FROM " + m_name);
    const bool row = m_page->step();
    m_lastPage = m_page->rowCount() < m_pageRows;
    return row;
}

void Cursor::close()
{
    m_page.reset();
    m_lastPage = true;
    if (!m_transaction)
        return;
    m_connection.execute(QByteArray("CLOSE " + m_name).constData());
    m_transaction->commit();
    m_transaction.reset();
}

} // namespace gloss::storage::postgres
