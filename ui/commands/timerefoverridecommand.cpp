#include "commands/timerefoverridecommand.h"

#include "document.h"
#include "operations/project.h"
#include "storage/store.h"
#include "storage/transaction.h"

namespace gloss::ui {

TimeRefOverrideCommand::TimeRefOverrideCommand(Document &document, qint64 articleId, qint64 start, qint64 end,
    std::optional<model::TimeRefOverride> decision, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_articleId(articleId)
    , m_start(start)
    , m_end(end)
    , m_before(document.project().store().timeRefs().override(articleId, start, end))
    , m_after(std::move(decision))
{ }

void TimeRefOverrideCommand::redo()
{
    apply(m_after);
}

void TimeRefOverrideCommand::undo()
{
    apply(m_before);
}

void TimeRefOverrideCommand::apply(const std::optional<model::TimeRefOverride> &decision)
{
    storage::TimeRefRepository &repo = m_document.project().store().timeRefs();
    storage::Transaction tx(m_document.project().store().db());
    if (decision)
        repo.setOverride(*decision);
    else
        repo.clearOverride(m_articleId, m_start, m_end);
    tx.commit();
    m_document.notify(Document::Times, m_articleId);
}

} // namespace gloss::ui
