#include "storage/error.h"

#include <sqlite3.h>

namespace gloss::storage {

Failure failureOf(const StorageError &error)
{
    if (error.code() == 0)
        return Failure::Refused;
    switch (error.code() & 0xff) {
    case SQLITE_READONLY:
        return error.code() == SQLITE_READONLY_DBMOVED ? Failure::Moved : Failure::ReadOnly;
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

QString explain(const StorageError &error)
{
    switch (error.code() & 0xff) {
    case SQLITE_READONLY:
        if (error.code() == SQLITE_READONLY_DBMOVED)
            return QStringLiteral("the project file was moved or deleted while Gloss had it open; nothing was changed");
        return QStringLiteral("the project is read-only (%1); nothing was changed").arg(error.message());
    case SQLITE_FULL:
        return QStringLiteral("the disk is full; the change that failed was not stored, everything before it is "
                              "kept. Free some space and try again");
    case SQLITE_IOERR:
        return QStringLiteral("cannot write to the disk (%1); the change that failed was not stored, everything "
                              "before it is kept")
            .arg(error.message());
    case SQLITE_BUSY:
        return QStringLiteral("another Gloss kept the project busy for too long; nothing was changed, try again");
    default:
        return error.message();
    }
}

} // namespace gloss::storage
