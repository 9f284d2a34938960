#include "storage/postgres/exportrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

bool ExportRepository::highlights(
    const ExportScope & /*scope*/, bool /*wide*/, const std::function<bool(const HighlightExportRow &)> & /*sink*/)
{
    notPorted("ExportRepository::highlights");
}

bool ExportRepository::articles(const ExportScope & /*scope*/, bool /*withBody*/, const QStringList & /*variables*/,
    const std::function<bool(const ArticleExportRow &)> & /*sink*/)
{
    notPorted("ExportRepository::articles");
}

QStringList ExportRepository::variableNames(const ExportScope & /*scope*/)
{
    notPorted("ExportRepository::variableNames");
}

bool ExportRepository::entities(
    const ExportScope & /*scope*/, const std::function<bool(const EntityExportRow &)> & /*sink*/)
{
    notPorted("ExportRepository::entities");
}

QHash<qint64, TagUsage> ExportRepository::tagUsage(const ExportScope & /*scope*/)
{
    notPorted("ExportRepository::tagUsage");
}

QList<model::Tag> ExportRepository::codebook()
{
    notPorted("ExportRepository::codebook");
}

qint64 ExportRepository::countHighlights(const ExportScope & /*scope*/)
{
    notPorted("ExportRepository::countHighlights");
}

qint64 ExportRepository::countArticles(const ExportScope & /*scope*/)
{
    notPorted("ExportRepository::countArticles");
}

qint64 ExportRepository::countEntities(const ExportScope & /*scope*/)
{
    notPorted("ExportRepository::countEntities");
}

} // namespace gloss::storage::postgres
