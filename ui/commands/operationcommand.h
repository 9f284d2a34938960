#pragma once

#include "operations/change.h"

#include <QUndoCommand>

#include <functional>

namespace gloss {
class Project;
}

namespace gloss::ui {

class Document;

// The one shape of undo command: its first redo runs an operation of the project, its undo
// reverts what that did, and every later redo reverts the revert (operations::Undo carries both
// ways). Every step runs through Document::guard, so a refusal (read-only, disk full, the file
// gone) becomes a message and the command leaves the stack, never an exception in the event
// loop. The project's change listener tells the panels what changed; commands hold no SQL and no
// transaction of their own.
class OperationCommand : public QUndoCommand
{
public:
    using Operation = std::function<operations::Undo(Project &)>;

    OperationCommand(Document &document, const QString &text, Operation operation);
    void redo() override;
    void undo() override;

protected:
    Document &document() { return m_document; }

private:
    Document &m_document;
    Operation m_operation;
    operations::Undo m_undo; // puts back what the last redo did
    operations::Undo m_redo; // does again what the last undo took back
    bool m_ran = false;
};

} // namespace gloss::ui
