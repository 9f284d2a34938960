#include "storage/postgres/codingrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

QStringList CodingRepository::coders()
{
    notPorted("CodingRepository::coders");
}

QList<qint64> CodingRepository::codedArticles(const QStringList & /*coders*/)
{
    notPorted("CodingRepository::codedArticles");
}

QList<qint64> CodingRepository::allArticles()
{
    notPorted("CodingRepository::allArticles");
}

void CodingRepository::codings(const QStringList & /*coders*/, const QList<qint64> & /*articleIds*/,
    const std::function<void(const Coding &)> & /*sink*/)
{
    notPorted("CodingRepository::codings");
}

QHash<qint64, qint64> CodingRepository::bodyLengths(const QList<qint64> & /*articleIds*/)
{
    notPorted("CodingRepository::bodyLengths");
}

} // namespace gloss::storage::postgres
