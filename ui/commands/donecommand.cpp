#include "commands/donecommand.h"

#include "commands/commandtext.h"
#include "operations/library.h"
#include "operations/project.h"

namespace gloss::ui {

SetDoneCommand::SetDoneCommand(Document &document, const QList<qint64> &articleIds, const QString &coder, bool done)
    : OperationCommand(document,
        done ? commandText("Mark %n article(s) done", int(articleIds.size()))
             : commandText("Mark %n article(s) not done", int(articleIds.size())),
        [articleIds, coder, done](Project &p) { return p.library().setDone(articleIds, coder, done); })
{ }

} // namespace gloss::ui
