#pragma once

#include "model/highlight.h"

#include <QList>

#include <optional>
#include <utility>

namespace gloss::storage {

// Highlights, their tags and notes. Offsets are code points into the article body.
class HighlightRepository
{
public:
    virtual ~HighlightRepository() = default;

    // How much text before and after a highlight is kept to find it again (code points).
    static constexpr int ContextLength = 32;

    // Stores a highlight with its tags and note; fills in id, quote, prefix, suffix and times.
    // Throws StorageError when the span is not inside the article's body.
    virtual qint64 add(model::Highlight &highlight) = 0;
    // Re-creates a removed highlight with its id (undo).
    virtual void restore(const model::Highlight &highlight) = 0;
    virtual void remove(qint64 id) = 0;
    virtual std::optional<model::Highlight> get(qint64 id) = 0;
    virtual QList<model::Highlight> forArticle(qint64 articleId) = 0;
    virtual qint64 count() = 0;

    virtual void setRange(qint64 id, qint64 start, qint64 end) = 0;
    virtual void setTags(qint64 id, const QList<qint64> &tagIds) = 0;
    virtual void addTag(qint64 id, qint64 tagId) = 0;
    virtual void removeTag(qint64 id, qint64 tagId) = 0;

    // Notes: an empty text removes the note. A highlight's note records the highlight's coder; an
    // article has one note per coder ("" for no one named).
    virtual void setNote(qint64 highlightId, const QString &text) = 0;
    virtual QString note(qint64 highlightId) = 0;
    virtual void setArticleNote(qint64 articleId, const QString &coder, const QString &text) = 0;
    virtual QString articleNote(qint64 articleId, const QString &coder) = 0;
    // Every coder's note on the article: (coder, text), by coder.
    virtual QList<std::pair<QString, QString>> articleNotes(qint64 articleId) = 0;
};

} // namespace gloss::storage
