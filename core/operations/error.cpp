#include "operations/error.h"

namespace gloss::operations {

OperationError::OperationError(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_utf8(m_message.toUtf8())
{ }

} // namespace gloss::operations
