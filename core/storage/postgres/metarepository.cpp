#include "storage/postgres/metarepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

std::optional<QString> MetaRepository::value(const QString & /*key*/)
{
    notPorted("MetaRepository::value");
}

void MetaRepository::setValue(const QString & /*key*/, const QString & /*value*/)
{
    notPorted("MetaRepository::setValue");
}

} // namespace gloss::storage::postgres
