#include "storage/sqlite/transaction.h"

#include "storage/sqlite/database.h"

#include <sqlite3.h>

#include <atomic>

namespace gloss::storage::sqlite {

Transaction::Transaction(Database &db, Mode mode)
    : m_db(db)
{
    if (!sqlite3_get_autocommit(db.handle())) {
        static std::atomic<int> counter = 0;
        m_savepoint = "gloss_sp_" + QByteArray::number(++counter);
        db.exec("SAVEPOINT " + m_savepoint);
    } else {
        db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    }
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    // Never throw from a destructor: a failed rollback leaves SQLite to roll back on close.
    if (m_savepoint.isEmpty()) {
        if (!sqlite3_get_autocommit(m_db.handle()))
            sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    } else {
        const QByteArray sql = "ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint;
        sqlite3_exec(m_db.handle(), sql.constData(), nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    m_db.exec(m_savepoint.isEmpty() ? QByteArray("COMMIT") : "RELEASE " + m_savepoint);
    m_done = true;
}

} // namespace gloss::storage::sqlite
