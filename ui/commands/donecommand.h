#pragma once

#include "commands/operationcommand.h"

#include <QList>
#include <QString>

namespace gloss::ui {

// Code > Mark Done: sets or takes away a coder's done mark on articles. The coder is the one
// coding when the command was made, so that undo and redo touch that coder's mark only.
class SetDoneCommand final : public OperationCommand
{
public:
    SetDoneCommand(Document &document, const QList<qint64> &articleIds, const QString &coder, bool done);
};

} // namespace gloss::ui
