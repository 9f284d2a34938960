#include "storage/error.h"

namespace gloss::storage {

QString explain(const StorageError &error)
{
    switch (error.failure()) {
    case Failure::Moved:
        return QStringLiteral("the project file was moved or deleted while Gloss had it open; nothing was changed");
    case Failure::ReadOnly:
        return QStringLiteral("the project is read-only (%1); nothing was changed").arg(error.message());
    case Failure::DiskFull:
        return QStringLiteral("the disk is full; the change that failed was not stored, everything before it is "
                              "kept. Free some space and try again");
    case Failure::Io:
        return QStringLiteral("cannot write to the disk (%1); the change that failed was not stored, everything "
                              "before it is kept")
            .arg(error.message());
    case Failure::Denied:
        return QStringLiteral("%1; nothing was changed").arg(error.message());
    case Failure::Disconnected:
        return QStringLiteral("%1; the change that failed was not stored, everything before it is kept")
            .arg(error.message());
    case Failure::Busy:
        return QStringLiteral("another Gloss kept the project busy for too long; nothing was changed, try again");
    default:
        return error.message();
    }
}

} // namespace gloss::storage
