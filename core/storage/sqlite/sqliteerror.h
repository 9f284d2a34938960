#pragma once

#include "storage/error.h"

namespace gloss::storage::sqlite {

// The kind of failure an SQLite result code (extended or primary) stands for.
Failure failureOf(int resultCode);

// A StorageError for an SQLite failure: its message, its kind, and the code kept.
inline StorageError error(const QString &message, int resultCode)
{
    return StorageError(message, failureOf(resultCode), resultCode);
}

} // namespace gloss::storage::sqlite
