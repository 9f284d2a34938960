#include "storage/postgres/reportrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

bool ReportRepository::passages(const model::ReportScope & /*scope*/, model::PassageOrder /*order*/, int /*context*/,
    const std::function<bool(const model::Passage &)> & /*sink*/)
{
    notPorted("ReportRepository::passages");
}

QList<model::FrequencyCell> ReportRepository::frequency(
    const model::ReportScope & /*scope*/, const model::FrequencyBy & /*by*/)
{
    notPorted("ReportRepository::frequency");
}

QList<std::pair<QString, qint64>> ReportRepository::buckets(
    const model::ExportScope & /*scope*/, const model::FrequencyBy & /*by*/)
{
    notPorted("ReportRepository::buckets");
}

QList<model::CooccurrenceCell> ReportRepository::cooccurrence(
    const model::ReportScope & /*scope*/, model::CooccurrenceUnit /*unit*/, QHash<qint64, qint64> & /*totals*/)
{
    notPorted("ReportRepository::cooccurrence");
}

QList<model::EntityTagCell> ReportRepository::entityTags(const model::ReportScope & /*scope*/)
{
    notPorted("ReportRepository::entityTags");
}

bool ReportRepository::matrix(
    const model::ExportScope & /*scope*/, const std::function<bool(const model::MatrixRow &)> & /*sink*/)
{
    notPorted("ReportRepository::matrix");
}

} // namespace gloss::storage::postgres
