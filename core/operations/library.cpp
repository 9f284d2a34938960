#include "operations/library.h"

#include "operations/writer.h"

#include <QDateTime>

namespace gloss::operations {

namespace {

// The meta key, as the window wrote it before the operations layer: projects seeded then stay so.
QString seededKey()
{
    return QStringLiteral("seeded");
}

} // namespace

std::optional<model::Article> Library::article(qint64 id)
{
    return m_writer.read([&] { return m_writer.store().articles().get(id); });
}

qint64 Library::count(const model::ArticleFilter &filter)
{
    return m_writer.read([&] { return m_writer.store().articles().count(filter); });
}

QList<model::ArticleSummary> Library::list(
    const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending, qint64 offset, qint64 limit)
{
    return m_writer.read([&] { return m_writer.store().articles().list(filter, order, ascending, offset, limit); });
}

QList<model::SearchHit> Library::search(const model::ArticleFilter &filter, qint64 limit)
{
    return m_writer.read([&] { return m_writer.store().articles().search(filter, limit); });
}

QList<qint64> Library::ids(const model::ArticleFilter &filter, model::ArticleOrder order)
{
    return m_writer.read([&] { return m_writer.store().articles().ids(filter, order); });
}

qint64 Library::neighbour(qint64 id, const model::ArticleFilter &filter, int step)
{
    return m_writer.read([&] { return m_writer.store().articles().neighbour(id, filter, step); });
}

bool Library::samplesAdded()
{
    return m_writer.read([&] { return m_writer.store().meta().value(seededKey()).has_value(); });
}

void Library::markSamplesAdded()
{
    m_writer.write(Areas(), 0,
        [&] { m_writer.store().meta().setValue(seededKey(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)); });
}

} // namespace gloss::operations
