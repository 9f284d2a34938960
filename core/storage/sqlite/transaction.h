#pragma once

#include <QByteArray>

namespace gloss::storage::sqlite {

class Database;

// RAII transaction: rolls back on destruction unless commit() was called. Nested guards become
// savepoints, so a repository operation that opens its own transaction can run inside a larger one.
class Transaction final
{
public:
    enum class Mode { Deferred, Immediate };
    explicit Transaction(Database &db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    QByteArray m_savepoint; // empty for a top-level transaction
    bool m_done = false;
};

} // namespace gloss::storage::sqlite
