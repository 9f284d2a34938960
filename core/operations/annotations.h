#pragma once

#include "model/highlight.h"
#include "operations/change.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace gloss::operations {

class Writer;

// Hand coding: highlights (span, tags, note), article notes and article-level tags. Each write is
// one transaction and returns its Undo; a highlight removed and brought back keeps its id, tags,
// note and times.
class Annotations final
{
public:
    explicit Annotations(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Annotations)

    std::optional<model::Highlight> highlight(qint64 id);
    QList<model::Highlight> highlights(qint64 articleId);
    qint64 highlightCount();
    // Article notes and tags are each coder's own. Without a coder these read and write the
    // project's current coder's (Project::coder()).
    QString articleNote(qint64 articleId);
    QString articleNote(qint64 articleId, const QString &coder);
    // Every coder's note on the article: (coder, text), by coder.
    QList<std::pair<QString, QString>> articleNotes(qint64 articleId);
    QList<qint64> articleTags(qint64 articleId);
    QList<qint64> articleTags(qint64 articleId, const QString &coder);
    // Every coder's article tags: (coder, tag id), by coder then tag.
    QList<std::pair<QString, qint64>> articleTagsByCoder(qint64 articleId);

    // Stores a new highlight with its tags and note (start and end in code points of the body);
    // *id gets its id. A highlight with no coder gets the project's current coder.
    Undo addHighlight(const model::Highlight &highlight, qint64 *id = nullptr);
    // Brings back a removed highlight exactly as it was (same id).
    Undo restoreHighlight(const model::Highlight &highlight);
    Undo removeHighlight(qint64 id);
    Undo setHighlightTags(qint64 id, const QList<qint64> &tagIds);
    Undo setHighlightRange(qint64 id, qint64 start, qint64 end);
    Undo setHighlightNote(qint64 id, const QString &text);
    Undo setArticleNote(qint64 articleId, const QString &text);
    Undo setArticleNote(qint64 articleId, const QString &coder, const QString &text);
    Undo setArticleTags(qint64 articleId, const QList<qint64> &tagIds);
    Undo setArticleTags(qint64 articleId, const QString &coder, const QList<qint64> &tagIds);

private:
    model::Highlight existing(qint64 id);

    Writer &m_writer;
};

} // namespace gloss::operations
