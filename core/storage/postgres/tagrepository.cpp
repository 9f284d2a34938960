#include "storage/postgres/tagrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

qint64 TagRepository::create(
    const QString & /*name*/, qint64 /*parentId*/, const QString & /*color*/, const QString & /*description*/)
{
    notPorted("TagRepository::create");
}

void TagRepository::restore(const model::Tag & /*tag*/)
{
    notPorted("TagRepository::restore");
}

std::optional<model::Tag> TagRepository::get(qint64 /*id*/)
{
    notPorted("TagRepository::get");
}

QList<model::Tag> TagRepository::all()
{
    notPorted("TagRepository::all");
}

QList<model::Tag> TagRepository::allWithoutCounts()
{
    notPorted("TagRepository::allWithoutCounts");
}

QHash<qint64, QString> TagRepository::colors()
{
    notPorted("TagRepository::colors");
}

void TagRepository::rename(qint64 /*id*/, const QString & /*name*/)
{
    notPorted("TagRepository::rename");
}

void TagRepository::setColor(qint64 /*id*/, const QString & /*color*/)
{
    notPorted("TagRepository::setColor");
}

void TagRepository::setDescription(qint64 /*id*/, const QString & /*description*/)
{
    notPorted("TagRepository::setDescription");
}

void TagRepository::move(qint64 /*id*/, qint64 /*newParentId*/)
{
    notPorted("TagRepository::move");
}

void TagRepository::merge(qint64 /*from*/, qint64 /*into*/)
{
    notPorted("TagRepository::merge");
}

void TagRepository::remove(qint64 /*id*/)
{
    notPorted("TagRepository::remove");
}

TagRepository::Snapshot TagRepository::removeWithSnapshot(qint64 /*id*/)
{
    notPorted("TagRepository::removeWithSnapshot");
}

void TagRepository::restore(const Snapshot & /*snapshot*/)
{
    notPorted("TagRepository::restore");
}

TagRepository::MergeRecord TagRepository::mergeWithRecord(qint64 /*from*/, qint64 /*into*/)
{
    notPorted("TagRepository::mergeWithRecord");
}

void TagRepository::unmerge(const MergeRecord & /*record*/)
{
    notPorted("TagRepository::unmerge");
}

QList<qint64> TagRepository::paletteOrder()
{
    notPorted("TagRepository::paletteOrder");
}

QString TagRepository::path(qint64 /*id*/)
{
    notPorted("TagRepository::path");
}

std::optional<qint64> TagRepository::find(const QString & /*pathOrName*/)
{
    notPorted("TagRepository::find");
}

qint64 TagRepository::ensure(const QString & /*path*/)
{
    notPorted("TagRepository::ensure");
}

} // namespace gloss::storage::postgres
