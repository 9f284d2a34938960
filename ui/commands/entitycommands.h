#pragma once

#include "commands/operationcommand.h"
#include "model/entity.h"

namespace gloss::ui {

class Document;

// The researcher's decisions about entities as undo commands, each one operation of
// operations::Entities: undo puts back the entities, names and mentions it touched, redo does it again.

class ConfirmEntityCommand final : public OperationCommand
{
public:
    ConfirmEntityCommand(Document &document, qint64 entityId, const QString &name, bool confirmed);
};

class RejectEntityCommand final : public OperationCommand
{
public:
    RejectEntityCommand(Document &document, qint64 entityId, const QString &name);
};

class RenameEntityCommand final : public OperationCommand
{
public:
    RenameEntityCommand(Document &document, qint64 entityId, const QString &oldName, const QString &newName);
};

class RetypeEntityCommand final : public OperationCommand
{
public:
    RetypeEntityCommand(Document &document, qint64 entityId, const QString &name, model::EntityType type);
};

class MergeEntitiesCommand final : public OperationCommand
{
public:
    // Every entity of `gone` becomes part of `kept`.
    MergeEntitiesCommand(Document &document, qint64 kept, const QString &keptName, const QList<qint64> &gone);
};

class SplitAliasCommand final : public OperationCommand
{
public:
    SplitAliasCommand(Document &document, qint64 entityId, const QString &alias);
};

class AddAliasCommand final : public OperationCommand
{
public:
    AddAliasCommand(Document &document, qint64 entityId, const QString &name, const QString &alias);
};

class MarkEntityCommand final : public OperationCommand
{
public:
    // A span of an article (code points) becomes a mention of an entity of `type`.
    MarkEntityCommand(
        Document &document, qint64 articleId, qint64 start, qint64 end, const QString &text, model::EntityType type);
};

} // namespace gloss::ui
