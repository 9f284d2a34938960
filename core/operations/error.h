#pragma once

#include <QString>

#include <exception>

namespace gloss::operations {

// The one error an operation reports: why a change or a read could not be made, in words a user
// can act on, and of which kind, so a caller can choose what to do (ask again when busy, offer a
// backup when the disk is full) without knowing which storage engine is underneath. Nothing an
// operation started is left half-written when it throws.
class OperationError final : public std::exception
{
public:
    enum class Kind {
        ReadOnly, // the project cannot be written (file permissions, opened read-only)
        Moved, // the project file was deleted or moved while open
        DiskFull,
        Io, // the disk refused a write
        Busy, // another program held the project for too long
        NotFound, // the article, highlight, tag, ... named does not exist
        InvalidInput, // the request itself is wrong (an empty name, a span outside the body)
        Conflict, // the request contradicts what is stored (a name taken, a cycle)
        Damaged, // the project file is corrupt
        Denied, // the team server refused the coder this change (a coder's rights)
        Disconnected, // the connection to the team server was lost
        Failed, // anything else the storage engine reported
    };

    OperationError(Kind kind, QString message);

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return m_utf8.constData(); }

    static OperationError notFound(const QString &message) { return {Kind::NotFound, message}; }
    static OperationError invalid(const QString &message) { return {Kind::InvalidInput, message}; }
    static OperationError conflict(const QString &message) { return {Kind::Conflict, message}; }

private:
    Kind m_kind;
    QString m_message;
    QByteArray m_utf8;
};

} // namespace gloss::operations
