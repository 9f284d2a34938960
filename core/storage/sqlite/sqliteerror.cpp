#include "storage/sqlite/sqliteerror.h"

#include <sqlite3.h>

namespace gloss::storage::sqlite {

Failure failureOf(int resultCode)
{
    if (resultCode == 0)
        return Failure::Refused;
    switch (resultCode & 0xff) {
    case SQLITE_READONLY:
        return resultCode == SQLITE_READONLY_DBMOVED ? Failure::Moved : Failure::ReadOnly;
    case SQLITE_FULL:
        return Failure::DiskFull;
    case SQLITE_IOERR:
        return Failure::Io;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Failure::Busy;
    case SQLITE_CONSTRAINT:
        return Failure::Constraint;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Failure::Corrupt;
    default:
        return Failure::Other;
    }
}

} // namespace gloss::storage::sqlite
