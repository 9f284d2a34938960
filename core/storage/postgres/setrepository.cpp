#include "storage/postgres/setrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

qint64 SetRepository::create(const QString & /*name*/)
{
    notPorted("SetRepository::create");
}

void SetRepository::restore(const model::ArticleSet & /*set*/)
{
    notPorted("SetRepository::restore");
}

void SetRepository::rename(qint64 /*id*/, const QString & /*name*/)
{
    notPorted("SetRepository::rename");
}

void SetRepository::remove(qint64 /*id*/)
{
    notPorted("SetRepository::remove");
}

QList<model::ArticleSet> SetRepository::all()
{
    notPorted("SetRepository::all");
}

std::optional<qint64> SetRepository::find(const QString & /*name*/)
{
    notPorted("SetRepository::find");
}

void SetRepository::addArticles(qint64 /*setId*/, const QList<qint64> & /*articleIds*/)
{
    notPorted("SetRepository::addArticles");
}

void SetRepository::removeArticles(qint64 /*setId*/, const QList<qint64> & /*articleIds*/)
{
    notPorted("SetRepository::removeArticles");
}

QList<qint64> SetRepository::articles(qint64 /*setId*/)
{
    notPorted("SetRepository::articles");
}

} // namespace gloss::storage::postgres
