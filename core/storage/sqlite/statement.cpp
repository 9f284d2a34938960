#include "storage/sqlite/statement.h"

#include "storage/error.h"
#include "storage/sqlite/sqliteerror.h"

#include <sqlite3.h>

namespace gloss::storage::sqlite {

Statement::Statement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        throw sqlite::error(message % u" (in: " % QString::fromUtf8(sql).simplified() % u')', rc);
    }
}

Statement::Statement(sqlite3 *db, sqlite3_stmt *cached)
    : m_db(db)
    , m_stmt(cached)
    , m_owned(false)
{ }

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
    , m_owned(other.m_owned)
{
    other.m_stmt = nullptr;
}

Statement::~Statement()
{
    if (!m_stmt)
        return;
    if (m_owned) {
        sqlite3_finalize(m_stmt);
    } else {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

void Statement::fail(int rc) const
{
    QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    if (message.isEmpty())
        message = QString::fromUtf8(sqlite3_errstr(rc));
    throw sqlite::error(message, rc);
}

Statement &Statement::bind(int index, qint64 value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    return bind(index, QStringView(value));
}

Statement &Statement::bind(int index, QStringView value)
{
    const QByteArray utf8 = value.toUtf8();
    if (const int rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, const char *utf8)
{
    if (const int rc = sqlite3_bind_text(m_stmt, index, utf8, -1, SQLITE_TRANSIENT); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    if (const int rc = sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, const QDate &date)
{
    if (!date.isValid())
        return bindNull(index);
    return bind(index, date.toString(Qt::ISODate));
}

Statement &Statement::bind(int index, const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return bindNull(index);
    return bind(index, dateTime.toUTC().toString(Qt::ISODate));
}

Statement &Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bindId(int index, qint64 id)
{
    return id == 0 ? bindNull(index) : bind(index, id);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(rc);
}

void Statement::exec()
{
    while (step()) { }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

QDate Statement::date(int column) const
{
    if (isNull(column))
        return {};
    return QDate::fromString(text(column), Qt::ISODate);
}

QDateTime Statement::dateTime(int column) const
{
    if (isNull(column))
        return {};
    return QDateTime::fromString(text(column), Qt::ISODate);
}

} // namespace gloss::storage::sqlite
