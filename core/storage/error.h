#pragma once

#include <QString>

#include <stdexcept>

namespace gloss::storage {

// Thrown by storage when SQLite fails (disk full, I/O error, constraint broken). Callers at the
// boundaries (command line, document) catch it and show `message()`; nothing half-written stays,
// because every write runs inside a Transaction that rolls back.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message, int code = 0)
        : std::runtime_error(message.toStdString())
        , m_message(message)
        , m_code(code)
    { }
    const QString &message() const { return m_message; }
    int code() const { return m_code; }

private:
    QString m_message;
    int m_code = 0;
};

// What kind of failure it was, without the engine's codes (the operations layer maps it onto its
// own error kinds).
// Refused: a repository's own check (code 0), such as a span outside the body.
enum class Failure { ReadOnly, Moved, DiskFull, Io, Busy, Constraint, Corrupt, Refused, Other };
Failure failureOf(const StorageError &error);

// The failure in words a user can act on: read-only, disk full, I/O error, busy; else SQLite's.
QString explain(const StorageError &error);

} // namespace gloss::storage
