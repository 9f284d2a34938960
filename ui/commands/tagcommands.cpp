#include "commands/tagcommands.h"

#include "commands/commandtext.h"
#include "document.h"
#include "operations/codebook.h"
#include "operations/error.h"
#include "operations/project.h"

namespace gloss::ui {

namespace {

QString editText(Document &document, qint64 tagId, EditTagCommand::Property property, const QVariant &value)
{
    const QString name = document.project().codebook().tag(tagId).value_or(model::Tag{}).name;
    switch (property) {
    case EditTagCommand::Property::Name:
        return commandText("Rename tag \"%1\" to \"%2\"").arg(name, value.toString());
    case EditTagCommand::Property::Color:
        return commandText("Recolour tag \"%1\"").arg(name);
    case EditTagCommand::Property::Description:
        return commandText("Describe tag \"%1\"").arg(name);
    case EditTagCommand::Property::Parent:
        break;
    }
    return commandText("Move tag \"%1\"").arg(name);
}

OperationCommand::Operation editOperation(qint64 id, EditTagCommand::Property property, const QVariant &value)
{
    switch (property) {
    case EditTagCommand::Property::Name:
        return [id, name = value.toString()](Project &p) { return p.codebook().rename(id, name); };
    case EditTagCommand::Property::Color:
        return [id, color = value.toString()](Project &p) { return p.codebook().recolor(id, color); };
    case EditTagCommand::Property::Description:
        return [id, text = value.toString()](Project &p) { return p.codebook().describe(id, text); };
    case EditTagCommand::Property::Parent:
        break;
    }
    return [id, parent = value.toLongLong()](Project &p) { return p.codebook().move(id, parent); };
}

} // namespace

CreateTagCommand::CreateTagCommand(Document &document, const QString &name, qint64 parentId)
    : OperationCommand(document, commandText("Create tag \"%1\"").arg(name),
        [this, name, parentId](Project &p) { return p.codebook().create(name, parentId, {}, {}, &m_id); })
{ }

EditTagCommand::EditTagCommand(Document &document, qint64 tagId, Property property, const QVariant &value)
    : OperationCommand(document, editText(document, tagId, property, value), editOperation(tagId, property, value))
{ }

MergeTagsCommand::MergeTagsCommand(Document &document, qint64 from, qint64 into)
    : OperationCommand(document,
        commandText("Merge tag \"%1\" into \"%2\"")
            .arg(document.project().codebook().path(from), document.project().codebook().path(into)),
        [&document, from, into](Project &p) {
            // Only the first redo runs this: later ones revert the undo, with no second backup.
            if (const QString err = document.backupBefore(QStringLiteral("tag-merge")); !err.isEmpty())
                throw operations::OperationError(operations::OperationError::Kind::Failed,
                    QObject::tr("No backup could be taken before the merge, so it was not made: %1").arg(err));
            return p.codebook().merge(from, into);
        })
{ }

DeleteTagCommand::DeleteTagCommand(Document &document, qint64 tagId)
    : OperationCommand(document, commandText("Delete tag \"%1\"").arg(document.project().codebook().path(tagId)),
        [tagId](Project &p) { return p.codebook().remove(tagId); })
{ }

} // namespace gloss::ui
