#include "storage/postgres/annotationrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

std::optional<AnnotationRepository::ArticleKey> AnnotationRepository::article(qint64 /*id*/)
{
    notPorted("AnnotationRepository::article");
}

QList<qint64> AnnotationRepository::articlesByTitle(const QString & /*title*/, const QDate & /*published*/)
{
    notPorted("AnnotationRepository::articlesByTitle");
}

std::optional<QString> AnnotationRepository::textAt(qint64 /*articleId*/, qint64 /*start*/, qint64 /*end*/)
{
    notPorted("AnnotationRepository::textAt");
}

QList<qint64> AnnotationRepository::highlightsAt(qint64 /*articleId*/, qint64 /*start*/, qint64 /*end*/)
{
    notPorted("AnnotationRepository::highlightsAt");
}

void AnnotationRepository::setTimes(
    qint64 /*highlightId*/, const QDateTime & /*created*/, const QDateTime & /*modified*/)
{
    notPorted("AnnotationRepository::setTimes");
}

} // namespace gloss::storage::postgres
