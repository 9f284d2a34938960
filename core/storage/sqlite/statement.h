#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace gloss::storage::sqlite {

// A prepared statement. Owns its sqlite3_stmt (finalized on destruction) unless it borrows a
// cached one from Database, in which case it is reset and its bindings cleared on destruction.
// Parameters are bound by 1-based index; user text is only ever bound, never pasted into SQL.
class Statement final
{
public:
    Statement(sqlite3 *db, const char *sql);
    Statement(sqlite3 *db, sqlite3_stmt *cached); // borrows
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value); // a null QString binds NULL
    Statement &bind(int index, QStringView value);
    Statement &bind(int index, const char *utf8);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bind(int index, const QDate &date); // ISO yyyy-MM-dd or NULL
    Statement &bind(int index, const QDateTime &dateTime); // ISO with offset, UTC
    Statement &bindNull(int index);
    Statement &bindId(int index, qint64 id); // 0 binds NULL

    // Steps once; true when a row is available.
    bool step();
    // Steps to completion, for statements that return no rows.
    void exec();
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const; // without conversion, for hot paths
    QDate date(int column) const;
    QDateTime dateTime(int column) const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    [[noreturn]] void fail(int rc) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_owned = true;
};

} // namespace gloss::storage::sqlite
