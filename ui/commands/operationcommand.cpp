#include "commands/operationcommand.h"

#include "document.h"
#include "operations/project.h"

namespace gloss::ui {

OperationCommand::OperationCommand(Document &document, const QString &text, Operation operation)
    : m_document(document)
    , m_operation(std::move(operation))
{
    setText(text);
}

void OperationCommand::redo()
{
    m_document.guard(this, [&] {
        Project &project = m_document.project();
        m_undo = m_ran ? project.revert(m_redo) : m_operation(project);
        m_ran = true;
    });
}

void OperationCommand::undo()
{
    m_document.guard(this, [&] { m_redo = m_document.project().revert(m_undo); });
}

} // namespace gloss::ui
