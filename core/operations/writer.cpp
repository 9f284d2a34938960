#include "operations/writer.h"

namespace gloss::operations {

OperationError Writer::translate(const storage::StorageError &error)
{
    using storage::Failure;
    using Kind = OperationError::Kind;
    const QString words = storage::explain(error);
    switch (storage::failureOf(error)) {
    case Failure::ReadOnly:
        return {Kind::ReadOnly, words};
    case Failure::Moved:
        return {Kind::Moved, words};
    case Failure::DiskFull:
        return {Kind::DiskFull, words};
    case Failure::Io:
        return {Kind::Io, words};
    case Failure::Busy:
        return {Kind::Busy, words};
    case Failure::Constraint:
        return {Kind::Conflict, words};
    case Failure::Corrupt:
        return {Kind::Damaged, words};
    case Failure::Refused:
        return {Kind::InvalidInput, words};
    case Failure::Denied:
        return {Kind::Denied, words};
    case Failure::Disconnected:
        return {Kind::Disconnected, words};
    case Failure::Other:
        break;
    }
    return {Kind::Failed, words};
}

void Writer::refuseIfReadOnly()
{
    if (m_store.isReadOnly())
        throw OperationError(OperationError::Kind::ReadOnly,
            QStringLiteral(
                "the project %1 is read-only (the file or its folder cannot be written); nothing was changed")
                .arg(m_store.location()));
}

Writer::Depth::Depth(Writer &writer, Areas areas, qint64 articleId)
    : m_writer(writer)
{
    if (m_writer.m_depth++ == 0) {
        m_writer.m_pending = {};
        m_writer.m_pendingArticle = -1;
    }
    m_writer.m_pending |= areas;
    if (!areas) // a write that only holds others (Project::together) says nothing of its own
        return;
    if (m_writer.m_pendingArticle == -1)
        m_writer.m_pendingArticle = articleId;
    else if (m_writer.m_pendingArticle != articleId)
        m_writer.m_pendingArticle = 0;
}

Writer::Depth::~Depth()
{
    // A nested write that failed and was caught rolled back its savepoint only; what counts is
    // whether the outermost transaction committed.
    if (--m_writer.m_depth == 0 && m_committed && m_writer.m_listener && m_writer.m_pending)
        m_writer.m_listener(m_writer.m_pending, qMax<qint64>(0, m_writer.m_pendingArticle));
}

} // namespace gloss::operations
