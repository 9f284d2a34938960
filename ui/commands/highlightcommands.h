#pragma once

#include "model/highlight.h"

#include <QUndoCommand>

namespace gloss::ui {

class Document;

// Creates a highlight (with its tags); undo removes it, redo brings it back with the same id.
class AddHighlightCommand final : public QUndoCommand
{
public:
    AddHighlightCommand(Document &document, const model::Highlight &highlight);
    void redo() override;
    void undo() override;
    qint64 highlightId() const { return m_highlight.id; }

private:
    Document &m_document;
    model::Highlight m_highlight;
};

// Removes a highlight; undo restores it with its tags and note.
class RemoveHighlightCommand final : public QUndoCommand
{
public:
    RemoveHighlightCommand(Document &document, qint64 highlightId);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    model::Highlight m_highlight;
};

// Replaces the tags of a highlight (apply or remove one tag, by number key or menu).
class SetHighlightTagsCommand final : public QUndoCommand
{
public:
    SetHighlightTagsCommand(Document &document, qint64 highlightId, const QList<qint64> &tags, const QString &text);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    qint64 m_id;
    qint64 m_articleId = 0;
    QList<qint64> m_before;
    QList<qint64> m_after;
};

// Moves a highlight's start and end; consecutive adjustments of one highlight merge into one step.
class SetHighlightRangeCommand final : public QUndoCommand
{
public:
    SetHighlightRangeCommand(Document &document, qint64 highlightId, qint64 start, qint64 end);
    void redo() override;
    void undo() override;
    int id() const override { return 1001; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document &m_document;
    qint64 m_id;
    qint64 m_articleId = 0;
    qint64 m_beforeStart = 0, m_beforeEnd = 0, m_afterStart = 0, m_afterEnd = 0;
};

// Replaces the article-level tags of an article (Ctrl+1–9 in the reader).
class SetArticleTagsCommand final : public QUndoCommand
{
public:
    SetArticleTagsCommand(Document &document, qint64 articleId, const QList<qint64> &tags, const QString &text);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    qint64 m_articleId;
    QList<qint64> m_before;
    QList<qint64> m_after;
};

// Sets the note of a highlight or (highlightId 0) of an article. A typing burst is one step.
class SetNoteCommand final : public QUndoCommand
{
public:
    SetNoteCommand(Document &document, qint64 articleId, qint64 highlightId, const QString &text);
    void redo() override;
    void undo() override;
    int id() const override { return 1002; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const QString &text);

    Document &m_document;
    qint64 m_articleId;
    qint64 m_highlightId;
    QString m_before;
    QString m_after;
    qint64 m_lastEdit = 0; // ms since epoch, for bursts
};

} // namespace gloss::ui
