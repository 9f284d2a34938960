#pragma once

#include "commands/operationcommand.h"

#include <QList>

namespace gloss::ui {

// Article set edits: create (optionally with articles), add or remove articles, delete.
class CreateSetCommand final : public OperationCommand
{
public:
    CreateSetCommand(Document &document, const QString &name, const QList<qint64> &articles);
    qint64 setId() const { return m_id; }

private:
    qint64 m_id = 0;
};

// Adds articles to a set or takes them out; the undo changes back only those that changed.
class ChangeSetArticlesCommand final : public OperationCommand
{
public:
    ChangeSetArticlesCommand(Document &document, qint64 setId, const QList<qint64> &articles, bool add);
};

// Deletes a set; undo brings it back with its articles.
class DeleteSetCommand final : public OperationCommand
{
public:
    DeleteSetCommand(Document &document, qint64 setId);
};

} // namespace gloss::ui
