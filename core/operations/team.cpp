#include "operations/team.h"

#include "storage/error.h"
#include "storage/postgres/postgresstore.h"
#include "storage/postgres/schema.h"
#include "storage/postgres/team.h"
#include "storage/postgres/transfer.h"

#include <QFileInfo>

namespace gloss::operations {

namespace pg = storage::postgres;

namespace {

// A project on `target`, made when the database is empty, with the team's rights set.
std::unique_ptr<pg::Store> setUp(const QString &target, QString &error)
{
    if (!pg::Connection::isTarget(target)) {
        error = QStringLiteral("%1 is not a PostgreSQL server (postgresql://USER@HOST/DB or host=... dbname=...)")
                    .arg(target);
        return nullptr;
    }
    auto opened = pg::Store::open(target, true);
    if (!opened.store) {
        error = opened.error;
        return nullptr;
    }
    try {
        pg::setUpRights(opened.store->connection());
    } catch (const storage::StorageError &e) {
        error = QStringLiteral("%1: cannot set up the coders' rights: %2 (run gloss team init as the database's "
                               "owner, a role that may create roles)")
                    .arg(opened.store->location(), e.message());
        return nullptr;
    }
    return std::move(opened.store);
}

} // namespace

bool Team::isServer(const QString &project)
{
    return pg::Connection::isTarget(project);
}

QString Team::describe(const QString &target)
{
    return pg::Connection::describe(target);
}

QString Team::withoutPassword(const QString &target)
{
    return pg::Connection::withoutPassword(target);
}

QString Team::init(const QString &target)
{
    QString error;
    setUp(target, error);
    return error;
}

QString Team::addCoder(const QString &target, const QString &name, bool lead, const QString &password)
{
    if (!pg::Connection::isTarget(target))
        return QStringLiteral("%1 is not a PostgreSQL server").arg(target);
    auto opened = pg::Store::open(target, false);
    if (!opened.store)
        return opened.error;
    return pg::addCoder(opened.store->connection(), name, lead, password);
}

QString Team::push(const QString &file, const QString &target)
{
    if (!QFileInfo::exists(file))
        return QStringLiteral("%1: no such project file").arg(file);
    QString error;
    auto store = setUp(target, error);
    if (!store)
        return error;
    return pg::pushFile(file, store->connection());
}

QString Team::pull(const QString &target, const QString &file, bool force)
{
    if (!pg::Connection::isTarget(target))
        return QStringLiteral("%1 is not a PostgreSQL server").arg(target);
    if (QFileInfo::exists(file) && !force)
        return QStringLiteral("%1 exists; --force replaces it").arg(file);
    auto opened = pg::Store::open(target, false, true);
    if (!opened.store)
        return opened.error;
    if (force && QFileInfo::exists(file)) {
        // Written beside it first: the old file goes only once the new one is complete.
        const QString error = pg::pullToFile(opened.store->connection(), file + QStringLiteral(".new"));
        if (!error.isEmpty())
            return error;
        QFile::remove(file);
        QFile::remove(file + QStringLiteral("-wal"));
        QFile::remove(file + QStringLiteral("-shm"));
        if (!QFile::rename(file + QStringLiteral(".new"), file))
            return QStringLiteral("%1: cannot replace it").arg(file);
        return {};
    }
    return pg::pullToFile(opened.store->connection(), file);
}

} // namespace gloss::operations
