#include "commands/highlightcommands.h"

#include "commands/commandtext.h"
#include "operations/annotations.h"
#include "operations/project.h"

#include <QDateTime>

namespace gloss::ui {

namespace {

// A pause longer than this starts a new undo step while typing a note.
constexpr qint64 BurstMs = 1500;

} // namespace

AddHighlightCommand::AddHighlightCommand(Document &document, const model::Highlight &highlight)
    : OperationCommand(document, commandText("Add highlight"),
        [this, highlight](Project &p) { return p.annotations().addHighlight(highlight, &m_id); })
{ }

RemoveHighlightCommand::RemoveHighlightCommand(Document &document, qint64 highlightId)
    : OperationCommand(document, commandText("Remove highlight"),
        [highlightId](Project &p) { return p.annotations().removeHighlight(highlightId); })
{ }

SetHighlightTagsCommand::SetHighlightTagsCommand(
    Document &document, qint64 highlightId, const QList<qint64> &tags, const QString &text)
    : OperationCommand(
        document, text, [highlightId, tags](Project &p) { return p.annotations().setHighlightTags(highlightId, tags); })
{ }

SetArticleTagsCommand::SetArticleTagsCommand(
    Document &document, qint64 articleId, const QList<qint64> &tags, const QString &text)
    : OperationCommand(
        document, text, [articleId, tags](Project &p) { return p.annotations().setArticleTags(articleId, tags); })
{ }

SetHighlightRangeCommand::SetHighlightRangeCommand(Document &document, qint64 highlightId, qint64 start, qint64 end)
    : OperationCommand(document, commandText("Adjust highlight"),
        [highlightId, start, end](Project &p) { return p.annotations().setHighlightRange(highlightId, start, end); })
    , m_id(highlightId)
{ }

bool SetHighlightRangeCommand::mergeWith(const QUndoCommand *other)
{
    // This command's undo already puts back the range from before the first adjustment, and the
    // redo after it is taken when undoing: the later command adds nothing to keep.
    return static_cast<const SetHighlightRangeCommand *>(other)->m_id == m_id;
}

SetNoteCommand::SetNoteCommand(Document &document, qint64 articleId, qint64 highlightId, const QString &text)
    : OperationCommand(document, highlightId ? commandText("Edit highlight note") : commandText("Edit article note"),
        [articleId, highlightId, text](Project &p) {
            return highlightId ? p.annotations().setHighlightNote(highlightId, text)
                               : p.annotations().setArticleNote(articleId, text);
        })
    , m_articleId(articleId)
    , m_highlightId(highlightId)
    , m_lastEdit(QDateTime::currentMSecsSinceEpoch())
{ }

bool SetNoteCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetNoteCommand *>(other);
    if (o->m_articleId != m_articleId || o->m_highlightId != m_highlightId || o->m_lastEdit - m_lastEdit > BurstMs)
        return false;
    m_lastEdit = o->m_lastEdit;
    return true;
}

} // namespace gloss::ui
