#include "operations/timeline.h"

#include "extract/timepipeline.h"
#include "model/article.h"
#include "model/timevalue.h"
#include "operations/batches.h"
#include "operations/project.h"
#include "operations/writer.h"

namespace gloss::operations {

QList<model::TimeRef> Timeline::forArticle(qint64 articleId, bool includeDismissed)
{
    return m_writer.read([&] { return m_writer.store().timeRefs().forArticle(articleId, includeDismissed); });
}

QList<model::TimeRef> Timeline::inRange(const QDate &from, const QDate &to)
{
    return m_writer.read([&] { return m_writer.store().timeRefs().inRange(from, to); });
}

qint64 Timeline::count()
{
    return m_writer.read([&] { return m_writer.store().timeRefs().count(); });
}

std::optional<model::TimeRefOverride> Timeline::override(qint64 articleId, qint64 start, qint64 end)
{
    return m_writer.read([&] { return m_writer.store().timeRefs().override(articleId, start, end); });
}

Undo Timeline::putBack(
    qint64 articleId, qint64 start, qint64 end, const std::optional<model::TimeRefOverride> &decision)
{
    return Undo(Area::Times, articleId, [articleId, start, end, decision](Project &p) {
        return decision ? p.timeline().setOverride(*decision) : p.timeline().clearOverride(articleId, start, end);
    });
}

Undo Timeline::setOverride(const model::TimeRefOverride &decision)
{
    if (decision.start < 0 || decision.end <= decision.start)
        throw OperationError::invalid(QStringLiteral("a date needs a span of at least one character (%1..%2)")
                                          .arg(decision.start)
                                          .arg(decision.end));
    const QString problem = model::checkTimeValue(decision.value, decision.granularity);
    if (!problem.isEmpty())
        throw OperationError::invalid(problem);
    return m_writer.write(Area::Times, decision.articleId, [&] {
        if (!m_writer.store().articles().exists(decision.articleId))
            throw OperationError::notFound(QStringLiteral("there is no article %1").arg(decision.articleId));
        auto &refs = m_writer.store().timeRefs();
        const auto before = refs.override(decision.articleId, decision.start, decision.end);
        model::TimeRefOverride stored = decision;
        if (stored.coder.isEmpty())
            stored.coder = m_writer.coder();
        refs.setOverride(stored);
        return putBack(decision.articleId, decision.start, decision.end, before);
    });
}

Undo Timeline::clearOverride(qint64 articleId, qint64 start, qint64 end)
{
    return m_writer.write(Area::Times, articleId, [&] {
        auto &refs = m_writer.store().timeRefs();
        const auto before = refs.override(articleId, start, end);
        refs.clearOverride(articleId, start, end);
        return putBack(articleId, start, end, before);
    });
}

int Timeline::storeFound(qint64 articleId, QList<model::TimeRef> refs)
{
    return m_writer.write(Area::Times, articleId, [&] {
        m_writer.store().timeRefs().replaceForArticle(articleId, refs);
        return int(refs.size());
    });
}

int Timeline::extract(const model::Article &article)
{
    return storeFound(article.id, extract::findTimeRefs(article));
}

int Timeline::reextract(qint64 articleId)
{
    return m_writer.write(Area::Times, articleId, [&] {
        const auto article = m_writer.store().articles().get(articleId);
        return article ? extract(*article) : 0;
    });
}

ReextractionResult Timeline::reextractAll(const Reextraction &how)
{
    const QList<qint64> ids
        = m_writer.read([&] { return m_writer.store().articles().ids({}, model::ArticleOrder::Id); });
    return inBatches(m_writer, Area::Times, ids, how, [&](qint64 id) {
        if (const auto article = m_writer.store().articles().get(id)) {
            QList<model::TimeRef> refs = extract::findTimeRefs(*article);
            m_writer.store().timeRefs().replaceForArticle(id, refs);
        }
    });
}

} // namespace gloss::operations
