#include "commands/entitycommands.h"

#include "document.h"
#include "operations/project.h"
#include "storage/error.h"
#include "storage/store.h"

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

EntityCommand::EntityCommand(Document &document, const QString &text, qint64 articleId)
    : m_document(document)
    , m_articleId(articleId)
{
    setText(text);
}

void EntityCommand::redo()
{
    try {
        m_before = apply(m_document.project().store().entities());
    } catch (const storage::StorageError &e) {
        qWarning("gloss: %s", qPrintable(e.message()));
        setObsolete(true);
    }
    m_document.notify(Document::Entities, m_articleId);
}

void EntityCommand::undo()
{
    try {
        m_document.project().store().entities().restore(m_before);
    } catch (const storage::StorageError &e) {
        qWarning("gloss: %s", qPrintable(e.message()));
    }
    m_document.notify(Document::Entities, m_articleId);
}

ConfirmEntityCommand::ConfirmEntityCommand(Document &document, qint64 entityId, const QString &name, bool confirmed)
    : EntityCommand(document, confirmed ? tr("Confirm “%1”").arg(name) : tr("Unconfirm “%1”").arg(name))
    , m_id(entityId)
    , m_confirmed(confirmed)
{ }

storage::EntitySnapshot ConfirmEntityCommand::apply(storage::EntityRepository &repo)
{
    return repo.confirm(m_id, m_confirmed);
}

RejectEntityCommand::RejectEntityCommand(Document &document, qint64 entityId, const QString &name)
    : EntityCommand(document, tr("“%1” is not an entity").arg(name))
    , m_id(entityId)
{ }

storage::EntitySnapshot RejectEntityCommand::apply(storage::EntityRepository &repo)
{
    return repo.reject(m_id);
}

RenameEntityCommand::RenameEntityCommand(
    Document &document, qint64 entityId, const QString &oldName, const QString &newName)
    : EntityCommand(document, tr("Rename “%1” to “%2”").arg(oldName, newName))
    , m_id(entityId)
    , m_name(newName)
{ }

storage::EntitySnapshot RenameEntityCommand::apply(storage::EntityRepository &repo)
{
    return repo.rename(m_id, m_name);
}

RetypeEntityCommand::RetypeEntityCommand(
    Document &document, qint64 entityId, const QString &name, model::EntityType type)
    : EntityCommand(document, tr("Make “%1” a %2").arg(name, typeLabel(type)))
    , m_id(entityId)
    , m_type(type)
{ }

storage::EntitySnapshot RetypeEntityCommand::apply(storage::EntityRepository &repo)
{
    return repo.retype(m_id, m_type);
}

MergeEntitiesCommand::MergeEntitiesCommand(
    Document &document, qint64 kept, const QString &keptName, const QList<qint64> &gone)
    : EntityCommand(document, tr("Merge into “%1”").arg(keptName))
    , m_kept(kept)
    , m_gone(gone)
{ }

storage::EntitySnapshot MergeEntitiesCommand::apply(storage::EntityRepository &repo)
{
    // One snapshot for all of them: taken before the first merge, it covers every entity involved.
    storage::EntitySnapshot before;
    for (const qint64 gone : std::as_const(m_gone)) {
        storage::EntitySnapshot s = repo.merge(m_kept, gone);
        if (before.entityIds.isEmpty()) {
            before = s;
        } else {
            for (const qint64 id : std::as_const(s.entityIds))
                if (!before.entityIds.contains(id))
                    before.entityIds.append(id);
            for (const auto &row : std::as_const(s.entities))
                if (row.id == gone)
                    before.entities.append(row);
            for (const auto &alias : std::as_const(s.aliases))
                if (alias.entityId == gone)
                    before.aliases.append(alias);
            for (const auto &m : std::as_const(s.mentions))
                if (m.entityId == gone)
                    before.mentions.append(m);
        }
    }
    return before;
}

SplitAliasCommand::SplitAliasCommand(Document &document, qint64 entityId, const QString &alias)
    : EntityCommand(document, tr("Split “%1” off").arg(alias))
    , m_id(entityId)
    , m_alias(alias)
{ }

storage::EntitySnapshot SplitAliasCommand::apply(storage::EntityRepository &repo)
{
    return repo.splitAlias(m_id, m_alias);
}

AddAliasCommand::AddAliasCommand(Document &document, qint64 entityId, const QString &name, const QString &alias)
    : EntityCommand(document, tr("Add “%1” as a name of “%2”").arg(alias, name))
    , m_id(entityId)
    , m_alias(alias)
{ }

storage::EntitySnapshot AddAliasCommand::apply(storage::EntityRepository &repo)
{
    return repo.addAlias(m_id, m_alias);
}

MarkEntityCommand::MarkEntityCommand(
    Document &document, qint64 articleId, qint64 start, qint64 end, const QString &text, model::EntityType type)
    : EntityCommand(document, tr("Mark “%1” as a %2").arg(text, typeLabel(type)), articleId)
    , m_articleId(articleId)
    , m_start(start)
    , m_end(end)
    , m_type(type)
{ }

storage::EntitySnapshot MarkEntityCommand::apply(storage::EntityRepository &repo)
{
    return repo.markSpan(m_articleId, m_start, m_end, m_type);
}

} // namespace gloss::ui
