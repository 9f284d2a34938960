#pragma once

#include "commands/operationcommand.h"
#include "model/highlight.h"

#include <QList>

namespace gloss::ui {

// Creates a highlight (with its tags and note); undo removes it, redo brings it back with the
// same id.
class AddHighlightCommand final : public OperationCommand
{
public:
    AddHighlightCommand(Document &document, const model::Highlight &highlight);
    qint64 highlightId() const { return m_id; }

private:
    qint64 m_id = 0;
};

// Removes a highlight; undo restores it with its tags and note.
class RemoveHighlightCommand final : public OperationCommand
{
public:
    RemoveHighlightCommand(Document &document, qint64 highlightId);
};

// Replaces the tags of a highlight (apply or remove one tag, by number key or menu).
class SetHighlightTagsCommand final : public OperationCommand
{
public:
    SetHighlightTagsCommand(Document &document, qint64 highlightId, const QList<qint64> &tags, const QString &text);
};

// Moves a highlight's start and end; consecutive adjustments of one highlight merge into one step.
class SetHighlightRangeCommand final : public OperationCommand
{
public:
    SetHighlightRangeCommand(Document &document, qint64 highlightId, qint64 start, qint64 end);
    int id() const override { return 1001; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    qint64 m_id;
};

// Replaces the article-level tags of an article (Ctrl+1–9 in the reader).
class SetArticleTagsCommand final : public OperationCommand
{
public:
    SetArticleTagsCommand(Document &document, qint64 articleId, const QList<qint64> &tags, const QString &text);
};

// Sets the note of a highlight or (highlightId 0) of an article. A typing burst is one step.
class SetNoteCommand final : public OperationCommand
{
public:
    SetNoteCommand(Document &document, qint64 articleId, qint64 highlightId, const QString &text);
    int id() const override { return 1002; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    qint64 m_articleId;
    qint64 m_highlightId;
    qint64 m_lastEdit = 0; // ms since epoch, for bursts
};

} // namespace gloss::ui
