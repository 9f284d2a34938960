#include "storage/postgres/entityrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

QHash<QString, model::Alias> EntityRepository::aliasesFor(const QSet<QString> & /*keys*/)
{
    notPorted("EntityRepository::aliasesFor");
}

QSet<QString> EntityRepository::rejectedAmong(const QSet<QString> & /*keys*/)
{
    notPorted("EntityRepository::rejectedAmong");
}

QList<std::pair<qint64, qint64>> EntityRepository::markedSpans(qint64 /*articleId*/)
{
    notPorted("EntityRepository::markedSpans");
}

void EntityRepository::clearExtractedMentions(qint64 /*articleId*/)
{
    notPorted("EntityRepository::clearExtractedMentions");
}

qint64 EntityRepository::insertEntity(const QString & /*name*/, model::EntityType /*type*/)
{
    notPorted("EntityRepository::insertEntity");
}

void EntityRepository::insertAliases(const QList<model::Alias> & /*aliases*/)
{
    notPorted("EntityRepository::insertAliases");
}

void EntityRepository::insertMentions(const QList<model::Mention> & /*mentions*/)
{
    notPorted("EntityRepository::insertMentions");
}

QHash<QString, std::pair<QString, model::EntityType>> EntityRepository::taughtNames()
{
    notPorted("EntityRepository::taughtNames");
}

std::optional<model::Entity> EntityRepository::get(qint64 /*id*/)
{
    notPorted("EntityRepository::get");
}

QList<model::Entity> EntityRepository::forArticle(qint64 /*articleId*/)
{
    notPorted("EntityRepository::forArticle");
}

QList<model::Entity> EntityRepository::list(const QString & /*nameFilter*/)
{
    notPorted("EntityRepository::list");
}

QList<model::Mention> EntityRepository::mentions(qint64 /*entityId*/, qint64 /*articleId*/)
{
    notPorted("EntityRepository::mentions");
}

QList<model::Mention> EntityRepository::articleMentions(qint64 /*articleId*/)
{
    notPorted("EntityRepository::articleMentions");
}

QStringList EntityRepository::rejectedNames()
{
    notPorted("EntityRepository::rejectedNames");
}

EntitySnapshot EntityRepository::confirm(qint64 /*id*/, bool /*confirmed*/)
{
    notPorted("EntityRepository::confirm");
}

EntitySnapshot EntityRepository::reject(qint64 /*id*/)
{
    notPorted("EntityRepository::reject");
}

EntitySnapshot EntityRepository::rename(qint64 /*id*/, const QString & /*name*/)
{
    notPorted("EntityRepository::rename");
}

EntitySnapshot EntityRepository::retype(qint64 /*id*/, model::EntityType /*type*/)
{
    notPorted("EntityRepository::retype");
}

EntitySnapshot EntityRepository::merge(qint64 /*kept*/, qint64 /*gone*/)
{
    notPorted("EntityRepository::merge");
}

EntitySnapshot EntityRepository::splitAlias(qint64 /*id*/, const QString & /*alias*/, qint64 * /*created*/)
{
    notPorted("EntityRepository::splitAlias");
}

EntitySnapshot EntityRepository::addAlias(qint64 /*id*/, const QString & /*alias*/)
{
    notPorted("EntityRepository::addAlias");
}

EntitySnapshot EntityRepository::markSpan(
    qint64 /*articleId*/, qint64 /*start*/, qint64 /*end*/, model::EntityType /*type*/, qint64 * /*entityId*/)
{
    notPorted("EntityRepository::markSpan");
}

EntitySnapshot EntityRepository::restore(const EntitySnapshot & /*snapshot*/)
{
    notPorted("EntityRepository::restore");
}

} // namespace gloss::storage::postgres
