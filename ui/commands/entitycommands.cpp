#include "commands/entitycommands.h"

#include "operations/entities.h"
#include "operations/project.h"

#include <QCoreApplication>

namespace gloss::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gloss::ui::EntityCommand", text);
}

QString typeLabel(model::EntityType type)
{
    switch (type) {
    case model::EntityType::Person:
        return tr("person");
    case model::EntityType::Organization:
        return tr("organisation");
    case model::EntityType::Place:
        return tr("place");
    case model::EntityType::Other:
        break;
    }
    return tr("other");
}

} // namespace

ConfirmEntityCommand::ConfirmEntityCommand(Document &document, qint64 entityId, const QString &name, bool confirmed)
    : OperationCommand(document, confirmed ? tr("Confirm “%1”").arg(name) : tr("Unconfirm “%1”").arg(name),
        [entityId, confirmed](Project &p) { return p.entities().confirm(entityId, confirmed); })
{ }

RejectEntityCommand::RejectEntityCommand(Document &document, qint64 entityId, const QString &name)
    : OperationCommand(document, tr("“%1” is not an entity").arg(name),
        [entityId](Project &p) { return p.entities().reject(entityId); })
{ }

RenameEntityCommand::RenameEntityCommand(
    Document &document, qint64 entityId, const QString &oldName, const QString &newName)
    : OperationCommand(document, tr("Rename “%1” to “%2”").arg(oldName, newName),
        [entityId, newName](Project &p) { return p.entities().rename(entityId, newName); })
{ }

RetypeEntityCommand::RetypeEntityCommand(
    Document &document, qint64 entityId, const QString &name, model::EntityType type)
    : OperationCommand(document, tr("Make “%1” a %2").arg(name, typeLabel(type)),
        [entityId, type](Project &p) { return p.entities().retype(entityId, type); })
{ }

MergeEntitiesCommand::MergeEntitiesCommand(
    Document &document, qint64 kept, const QString &keptName, const QList<qint64> &gone)
    : OperationCommand(document, tr("Merge into “%1”").arg(keptName),
        [kept, gone](Project &p) { return p.entities().merge(kept, gone); })
{ }

SplitAliasCommand::SplitAliasCommand(Document &document, qint64 entityId, const QString &alias)
    : OperationCommand(document, tr("Split “%1” off").arg(alias),
        [entityId, alias](Project &p) { return p.entities().splitAlias(entityId, alias); })
{ }

AddAliasCommand::AddAliasCommand(Document &document, qint64 entityId, const QString &name, const QString &alias)
    : OperationCommand(document, tr("Add “%1” as a name of “%2”").arg(alias, name),
        [entityId, alias](Project &p) { return p.entities().addAlias(entityId, alias); })
{ }

MarkEntityCommand::MarkEntityCommand(
    Document &document, qint64 articleId, qint64 start, qint64 end, const QString &text, model::EntityType type)
    : OperationCommand(document, tr("Mark “%1” as a %2").arg(text, typeLabel(type)),
        [articleId, start, end, type](Project &p) { return p.entities().markSpan(articleId, start, end, type); })
{ }

} // namespace gloss::ui
