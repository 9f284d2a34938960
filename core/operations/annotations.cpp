#include "operations/annotations.h"

#include "operations/project.h"
#include "operations/writer.h"

namespace gloss::operations {

std::optional<model::Highlight> Annotations::highlight(qint64 id)
{
    return m_writer.read([&] { return m_writer.store().highlights().get(id); });
}

QList<model::Highlight> Annotations::highlights(qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().highlights().forArticle(articleId); });
}

qint64 Annotations::highlightCount()
{
    return m_writer.read([&] { return m_writer.store().highlights().count(); });
}

QString Annotations::articleNote(qint64 articleId)
{
    return articleNote(articleId, m_writer.coder());
}

QString Annotations::articleNote(qint64 articleId, const QString &coder)
{
    return m_writer.read([&] { return m_writer.store().highlights().articleNote(articleId, coder); });
}

QList<std::pair<QString, QString>> Annotations::articleNotes(qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().highlights().articleNotes(articleId); });
}

QList<qint64> Annotations::articleTags(qint64 articleId)
{
    return articleTags(articleId, m_writer.coder());
}

QList<qint64> Annotations::articleTags(qint64 articleId, const QString &coder)
{
    return m_writer.read([&] { return m_writer.store().articles().articleTags(articleId, coder); });
}

QList<std::pair<QString, qint64>> Annotations::articleTagsByCoder(qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().articles().articleTagsByCoder(articleId); });
}

model::Highlight Annotations::existing(qint64 id)
{
    auto found = m_writer.store().highlights().get(id);
    if (!found)
        throw OperationError::notFound(QStringLiteral("there is no highlight %1").arg(id));
    return *found;
}

Undo Annotations::addHighlight(const model::Highlight &highlight, qint64 *id)
{
    if (highlight.end <= highlight.start || highlight.start < 0)
        throw OperationError::invalid(QStringLiteral("a highlight needs a span of at least one character (%1..%2)")
                                          .arg(highlight.start)
                                          .arg(highlight.end));
    return m_writer.write(Area::Highlights, highlight.articleId, [&] {
        model::Highlight stored = highlight;
        stored.id = 0;
        if (stored.coder.isEmpty())
            stored.coder = m_writer.coder();
        const qint64 newId = m_writer.store().highlights().add(stored);
        if (id)
            *id = newId;
        return Undo(
            Area::Highlights, stored.articleId, [newId](Project &p) { return p.annotations().removeHighlight(newId); });
    });
}

Undo Annotations::restoreHighlight(const model::Highlight &highlight)
{
    return m_writer.write(Area::Highlights, highlight.articleId, [&] {
        m_writer.store().highlights().restore(highlight);
        const qint64 id = highlight.id;
        return Undo(
            Area::Highlights, highlight.articleId, [id](Project &p) { return p.annotations().removeHighlight(id); });
    });
}

Undo Annotations::removeHighlight(qint64 id)
{
    return m_writer.write(Area::Highlights, 0, [&] {
        const model::Highlight before = existing(id);
        m_writer.store().highlights().remove(id);
        return Undo(Area::Highlights, before.articleId,
            [before](Project &p) { return p.annotations().restoreHighlight(before); });
    });
}

Undo Annotations::setHighlightTags(qint64 id, const QList<qint64> &tagIds)
{
    return m_writer.write(Area::Highlights, 0, [&] {
        const model::Highlight before = existing(id);
        m_writer.store().highlights().setTags(id, tagIds);
        return Undo(Area::Highlights, before.articleId,
            [id, tags = before.tagIds](Project &p) { return p.annotations().setHighlightTags(id, tags); });
    });
}

Undo Annotations::setHighlightRange(qint64 id, qint64 start, qint64 end)
{
    if (end <= start || start < 0)
        throw OperationError::invalid(
            QStringLiteral("a highlight needs a span of at least one character (%1..%2)").arg(start).arg(end));
    return m_writer.write(Area::Highlights, 0, [&] {
        const model::Highlight before = existing(id);
        m_writer.store().highlights().setRange(id, start, end);
        return Undo(Area::Highlights, before.articleId,
            [id, s = before.start, e = before.end](Project &p) { return p.annotations().setHighlightRange(id, s, e); });
    });
}

Undo Annotations::setHighlightNote(qint64 id, const QString &text)
{
    return m_writer.write(Area::Highlights | Area::Notes, 0, [&] {
        const model::Highlight before = existing(id);
        const QString old = m_writer.store().highlights().note(id);
        m_writer.store().highlights().setNote(id, text);
        return Undo(Area::Highlights | Area::Notes, before.articleId,
            [id, old](Project &p) { return p.annotations().setHighlightNote(id, old); });
    });
}

Undo Annotations::setArticleNote(qint64 articleId, const QString &text)
{
    return setArticleNote(articleId, m_writer.coder(), text);
}

Undo Annotations::setArticleNote(qint64 articleId, const QString &coder, const QString &text)
{
    return m_writer.write(Area::Notes, articleId, [&] {
        const QString old = m_writer.store().highlights().articleNote(articleId, coder);
        m_writer.store().highlights().setArticleNote(articleId, coder, text);
        return Undo(Area::Notes, articleId,
            [articleId, coder, old](Project &p) { return p.annotations().setArticleNote(articleId, coder, old); });
    });
}

Undo Annotations::setArticleTags(qint64 articleId, const QList<qint64> &tagIds)
{
    return setArticleTags(articleId, m_writer.coder(), tagIds);
}

Undo Annotations::setArticleTags(qint64 articleId, const QString &coder, const QList<qint64> &tagIds)
{
    return m_writer.write(Area::Highlights, articleId, [&] {
        const QList<qint64> old = m_writer.store().articles().articleTags(articleId, coder);
        m_writer.store().articles().setArticleTags(articleId, coder, tagIds);
        return Undo(Area::Highlights, articleId,
            [articleId, coder, old](Project &p) { return p.annotations().setArticleTags(articleId, coder, old); });
    });
}

} // namespace gloss::operations
