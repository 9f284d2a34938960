#include "storage/postgres/articlerepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

qint64 ArticleRepository::insert(model::Article & /*article*/)
{
    notPorted("ArticleRepository::insert");
}

qint64 ArticleRepository::insertUnindexed(model::Article & /*article*/)
{
    notPorted("ArticleRepository::insertUnindexed");
}

void ArticleRepository::addToIndex(qint64 /*id*/, const QString & /*title*/, const QString & /*body*/)
{
    notPorted("ArticleRepository::addToIndex");
}

std::optional<model::Article> ArticleRepository::get(qint64 /*id*/)
{
    notPorted("ArticleRepository::get");
}

bool ArticleRepository::exists(qint64 /*id*/)
{
    notPorted("ArticleRepository::exists");
}

std::optional<qint64> ArticleRepository::findByHash(const QString & /*contentHash*/)
{
    notPorted("ArticleRepository::findByHash");
}

void ArticleRepository::remove(qint64 /*id*/)
{
    notPorted("ArticleRepository::remove");
}

qint64 ArticleRepository::count(const model::ArticleFilter & /*filter*/)
{
    notPorted("ArticleRepository::count");
}

QList<model::ArticleSummary> ArticleRepository::list(const model::ArticleFilter & /*filter*/,
    model::ArticleOrder /*order*/, bool /*ascending*/, qint64 /*offset*/, qint64 /*limit*/)
{
    notPorted("ArticleRepository::list");
}

QList<model::SearchHit> ArticleRepository::search(const model::ArticleFilter & /*filter*/, qint64 /*limit*/)
{
    notPorted("ArticleRepository::search");
}

QList<qint64> ArticleRepository::ids(const model::ArticleFilter & /*filter*/, model::ArticleOrder /*order*/)
{
    notPorted("ArticleRepository::ids");
}

qint64 ArticleRepository::neighbour(qint64 /*id*/, const model::ArticleFilter & /*filter*/, int /*step*/)
{
    notPorted("ArticleRepository::neighbour");
}

model::Variables ArticleRepository::variables(qint64 /*articleId*/)
{
    notPorted("ArticleRepository::variables");
}

void ArticleRepository::setVariables(qint64 /*articleId*/, const model::Variables & /*variables*/)
{
    notPorted("ArticleRepository::setVariables");
}

QStringList ArticleRepository::variableNames(const model::ArticleFilter & /*filter*/)
{
    notPorted("ArticleRepository::variableNames");
}

QHash<qint64, QString> ArticleRepository::variableValues(const QString & /*name*/, const QList<qint64> & /*ids*/)
{
    notPorted("ArticleRepository::variableValues");
}

QList<QPair<QString, qint64>> ArticleRepository::variableValueCounts(const QString & /*name*/)
{
    notPorted("ArticleRepository::variableValueCounts");
}

QList<qint64> ArticleRepository::articleTags(qint64 /*articleId*/, const QString & /*coder*/)
{
    notPorted("ArticleRepository::articleTags");
}

void ArticleRepository::setArticleTags(
    qint64 /*articleId*/, const QString & /*coder*/, const QList<qint64> & /*tagIds*/)
{
    notPorted("ArticleRepository::setArticleTags");
}

QList<std::pair<QString, qint64>> ArticleRepository::articleTagsByCoder(qint64 /*articleId*/)
{
    notPorted("ArticleRepository::articleTagsByCoder");
}

QStringList ArticleRepository::doneCoders(qint64 /*articleId*/)
{
    notPorted("ArticleRepository::doneCoders");
}

bool ArticleRepository::setDone(qint64 /*articleId*/, const QString & /*coder*/, bool /*done*/)
{
    notPorted("ArticleRepository::setDone");
}

QList<qint64> ArticleRepository::doneByAll(const QStringList & /*coders*/)
{
    notPorted("ArticleRepository::doneByAll");
}

} // namespace gloss::storage::postgres
