#include "commands/highlightcommands.h"

#include "commands/commandtext.h"
#include "document.h"
#include "project.h"
#include "storage/transaction.h"

#include <QDateTime>

namespace gloss::ui {

namespace {

// A pause longer than this starts a new undo step while typing a note.
constexpr qint64 BurstMs = 1500;

} // namespace

AddHighlightCommand::AddHighlightCommand(Document &document, const model::Highlight &highlight)
    : m_document(document)
    , m_highlight(highlight)
{
    setText(commandText("Add highlight"));
}

void AddHighlightCommand::redo()
{
    m_document.guard(this, [&] {
        auto &repo = m_document.project().highlights();
        if (m_highlight.id == 0) {
            repo.add(m_highlight);
        } else {
            repo.restore(m_highlight);
        }
        m_document.notify(Document::Highlights, m_highlight.articleId);
    });
}

void AddHighlightCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().highlights().remove(m_highlight.id);
        m_document.notify(Document::Highlights, m_highlight.articleId);
    });
}

RemoveHighlightCommand::RemoveHighlightCommand(Document &document, qint64 highlightId)
    : m_document(document)
{
    m_highlight = m_document.project().highlights().get(highlightId).value_or(model::Highlight{});
    setText(commandText("Remove highlight"));
}

void RemoveHighlightCommand::redo()
{
    m_document.guard(this, [&] {
        m_document.project().highlights().remove(m_highlight.id);
        m_document.notify(Document::Highlights, m_highlight.articleId);
    });
}

void RemoveHighlightCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().highlights().restore(m_highlight);
        m_document.notify(Document::Highlights, m_highlight.articleId);
    });
}

SetHighlightTagsCommand::SetHighlightTagsCommand(
    Document &document, qint64 highlightId, const QList<qint64> &tags, const QString &text)
    : m_document(document)
    , m_id(highlightId)
    , m_after(tags)
{
    if (const auto h = m_document.project().highlights().get(highlightId)) {
        m_before = h->tagIds;
        m_articleId = h->articleId;
    }
    setText(text);
}

void SetHighlightTagsCommand::redo()
{
    m_document.guard(this, [&] {
        m_document.project().highlights().setTags(m_id, m_after);
        m_document.notify(Document::Highlights, m_articleId);
    });
}

void SetHighlightTagsCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().highlights().setTags(m_id, m_before);
        m_document.notify(Document::Highlights, m_articleId);
    });
}

SetArticleTagsCommand::SetArticleTagsCommand(
    Document &document, qint64 articleId, const QList<qint64> &tags, const QString &text)
    : m_document(document)
    , m_articleId(articleId)
    , m_before(document.project().articles().articleTags(articleId))
    , m_after(tags)
{
    setText(text);
}

void SetArticleTagsCommand::redo()
{
    m_document.guard(this, [&] {
        m_document.project().articles().setArticleTags(m_articleId, m_after);
        m_document.notify(Document::Highlights, m_articleId);
    });
}

void SetArticleTagsCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().articles().setArticleTags(m_articleId, m_before);
        m_document.notify(Document::Highlights, m_articleId);
    });
}

SetHighlightRangeCommand::SetHighlightRangeCommand(Document &document, qint64 highlightId, qint64 start, qint64 end)
    : m_document(document)
    , m_id(highlightId)
    , m_afterStart(start)
    , m_afterEnd(end)
{
    if (const auto h = m_document.project().highlights().get(highlightId)) {
        m_articleId = h->articleId;
        m_beforeStart = h->start;
        m_beforeEnd = h->end;
    }
    setText(commandText("Adjust highlight"));
}

void SetHighlightRangeCommand::redo()
{
    m_document.guard(this, [&] {
        m_document.project().highlights().setRange(m_id, m_afterStart, m_afterEnd);
        m_document.notify(Document::Highlights, m_articleId);
    });
}

void SetHighlightRangeCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().highlights().setRange(m_id, m_beforeStart, m_beforeEnd);
        m_document.notify(Document::Highlights, m_articleId);
    });
}

bool SetHighlightRangeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetHighlightRangeCommand *>(other);
    if (o->m_id != m_id)
        return false;
    m_afterStart = o->m_afterStart;
    m_afterEnd = o->m_afterEnd;
    return true;
}

SetNoteCommand::SetNoteCommand(Document &document, qint64 articleId, qint64 highlightId, const QString &text)
    : m_document(document)
    , m_articleId(articleId)
    , m_highlightId(highlightId)
    , m_after(text)
    , m_lastEdit(QDateTime::currentMSecsSinceEpoch())
{
    auto &repo = m_document.project().highlights();
    m_before = highlightId ? repo.note(highlightId) : repo.articleNote(articleId);
    setText(highlightId ? commandText("Edit highlight note") : commandText("Edit article note"));
}

void SetNoteCommand::apply(const QString &text)
{
    auto &repo = m_document.project().highlights();
    if (m_highlightId)
        repo.setNote(m_highlightId, text);
    else
        repo.setArticleNote(m_articleId, text);
    Document::Changes changes = Document::Notes;
    if (m_highlightId)
        changes |= Document::Highlights;
    m_document.notify(changes, m_articleId);
}

void SetNoteCommand::redo()
{
    m_document.guard(this, [&] { apply(m_after); });
}

void SetNoteCommand::undo()
{
    m_document.guard(this, [&] { apply(m_before); });
}

bool SetNoteCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetNoteCommand *>(other);
    if (o->m_articleId != m_articleId || o->m_highlightId != m_highlightId || o->m_lastEdit - m_lastEdit > BurstMs)
        return false;
    m_after = o->m_after;
    m_lastEdit = o->m_lastEdit;
    return true;
}

} // namespace gloss::ui
