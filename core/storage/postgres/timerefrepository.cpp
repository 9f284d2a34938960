#include "storage/postgres/timerefrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

void TimeRefRepository::replaceForArticle(qint64 /*articleId*/, QList<model::TimeRef> & /*refs*/)
{
    notPorted("TimeRefRepository::replaceForArticle");
}

QList<model::TimeRef> TimeRefRepository::forArticle(qint64 /*articleId*/, bool /*includeDismissed*/)
{
    notPorted("TimeRefRepository::forArticle");
}

QList<model::TimeRef> TimeRefRepository::inRange(const QDate & /*from*/, const QDate & /*to*/)
{
    notPorted("TimeRefRepository::inRange");
}

qint64 TimeRefRepository::count()
{
    notPorted("TimeRefRepository::count");
}

std::optional<model::TimeRefOverride> TimeRefRepository::override(
    qint64 /*articleId*/, qint64 /*start*/, qint64 /*end*/)
{
    notPorted("TimeRefRepository::override");
}

void TimeRefRepository::setOverride(const model::TimeRefOverride & /*decision*/)
{
    notPorted("TimeRefRepository::setOverride");
}

void TimeRefRepository::clearOverride(qint64 /*articleId*/, qint64 /*start*/, qint64 /*end*/)
{
    notPorted("TimeRefRepository::clearOverride");
}

} // namespace gloss::storage::postgres
