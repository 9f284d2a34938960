#pragma once

#include "model/highlight.h"

#include <QList>

#include <optional>

namespace gloss::storage {

class Database;

// Highlights, their tags and notes. Offsets are code points into the article body.
class HighlightRepository final
{
public:
    explicit HighlightRepository(Database &db)
        : m_db(db)
    { }

    // How much text before and after a highlight is kept to find it again (code points).
    static constexpr int ContextLength = 32;

    // Stores a highlight with its tags and note; fills in id, quote, prefix, suffix and times.
    // Throws StorageError when the span is not inside the article's body.
    qint64 add(model::Highlight &highlight);
    // Re-creates a removed highlight with its id (undo).
    void restore(const model::Highlight &highlight);
    void remove(qint64 id);
    std::optional<model::Highlight> get(qint64 id);
    QList<model::Highlight> forArticle(qint64 articleId);
    qint64 count();

    void setRange(qint64 id, qint64 start, qint64 end);
    void setTags(qint64 id, const QList<qint64> &tagIds);
    void addTag(qint64 id, qint64 tagId);
    void removeTag(qint64 id, qint64 tagId);

    // Notes: an empty text removes the note.
    void setNote(qint64 highlightId, const QString &text);
    QString note(qint64 highlightId);
    void setArticleNote(qint64 articleId, const QString &text);
    QString articleNote(qint64 articleId);

private:
    void touch(qint64 id);
    void insertTags(qint64 id, const QList<qint64> &tagIds);

    Database &m_db;
};

} // namespace gloss::storage
