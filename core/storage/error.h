#pragma once

#include <QString>

#include <stdexcept>

namespace gloss::storage {

// What kind of failure it was, in no engine's terms (the operations layer maps it onto its own
// error kinds). Refused: a repository's own check, such as a span outside the body.
// Denied: a team server refused the login role the change (a coder's rights); Disconnected: the
// connection to a team server was lost.
enum class Failure { ReadOnly, Moved, DiskFull, Io, Busy, Constraint, Corrupt, Refused, Denied, Disconnected, Other };

// Thrown by storage when a write or read fails (disk full, I/O error, constraint broken). Each
// engine says what kind of failure it was; the operations layer turns it into words. Nothing
// half-written stays, because every write runs inside a transaction that rolls back.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message, Failure failure = Failure::Refused, int engineCode = 0)
        : std::runtime_error(message.toStdString())
        , m_message(message)
        , m_failure(failure)
        , m_code(engineCode)
    { }
    const QString &message() const { return m_message; }
    Failure failure() const { return m_failure; }
    // The engine's own code (SQLite's extended result code), for the engine's own use.
    int code() const { return m_code; }

private:
    QString m_message;
    Failure m_failure = Failure::Refused;
    int m_code = 0;
};

inline Failure failureOf(const StorageError &error)
{
    return error.failure();
}

// The failure in words a user can act on: read-only, disk full, I/O error, busy; else the engine's.
QString explain(const StorageError &error);

} // namespace gloss::storage
