#include "commands/tagcommands.h"

#include "commands/commandtext.h"
#include "document.h"
#include "operations/project.h"
#include "storage/error.h"
#include "storage/store.h"

#include <QVariant>

namespace gloss::ui {

namespace {

constexpr Document::Changes TagChanges = Document::Codebook | Document::Highlights;

} // namespace

CreateTagCommand::CreateTagCommand(Document &document, const QString &name, qint64 parentId)
    : m_document(document)
{
    m_tag.name = name;
    m_tag.parentId = parentId;
    setText(commandText("Create tag \"%1\"").arg(name));
}

void CreateTagCommand::redo()
{
    m_document.guard(this, [&] {
        auto &tags = m_document.project().store().tags();
        if (m_tag.id == 0) {
            m_tag.id = tags.create(m_tag.name, m_tag.parentId);
            m_tag = tags.get(m_tag.id).value_or(m_tag);
        } else {
            tags.restore(m_tag);
        }
        m_document.notify(Document::Codebook);
    });
}

void CreateTagCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().store().tags().remove(m_tag.id);
        m_document.notify(TagChanges);
    });
}

EditTagCommand::EditTagCommand(Document &document, qint64 tagId, Property property, const QVariant &value)
    : m_document(document)
    , m_id(tagId)
    , m_property(property)
    , m_after(value)
{
    const auto tag = m_document.project().store().tags().get(tagId).value_or(model::Tag{});
    switch (property) {
    case Property::Name:
        m_before = tag.name;
        setText(commandText("Rename tag \"%1\" to \"%2\"").arg(tag.name, value.toString()));
        break;
    case Property::Color:
        m_before = tag.color;
        setText(commandText("Recolour tag \"%1\"").arg(tag.name));
        break;
    case Property::Description:
        m_before = tag.description;
        setText(commandText("Describe tag \"%1\"").arg(tag.name));
        break;
    case Property::Parent:
        m_before = tag.parentId;
        setText(commandText("Move tag \"%1\"").arg(tag.name));
        break;
    }
}

void EditTagCommand::apply(const QVariant &value)
{
    auto &tags = m_document.project().store().tags();
    switch (m_property) {
    case Property::Name:
        tags.rename(m_id, value.toString());
        break;
    case Property::Color:
        tags.setColor(m_id, value.toString());
        break;
    case Property::Description:
        tags.setDescription(m_id, value.toString());
        break;
    case Property::Parent:
        tags.move(m_id, value.toLongLong());
        break;
    }
    m_document.notify(TagChanges);
}

void EditTagCommand::redo()
{
    m_document.guard(this, [&] { apply(m_after); });
}

void EditTagCommand::undo()
{
    m_document.guard(this, [&] { apply(m_before); });
}

MergeTagsCommand::MergeTagsCommand(Document &document, qint64 from, qint64 into)
    : m_document(document)
    , m_from(from)
    , m_into(into)
{
    auto &tags = m_document.project().store().tags();
    setText(commandText("Merge tag \"%1\" into \"%2\"").arg(tags.path(from), tags.path(into)));
}

void MergeTagsCommand::redo()
{
    m_document.guard(this, [&] {
        // A merge touches every highlight of the tag: a verified backup first, the first time.
        if (!m_backedUp) {
            if (const QString err = m_document.backupBefore(QStringLiteral("tag-merge")); !err.isEmpty())
                throw storage::StorageError(
                    QObject::tr("No backup could be taken before the merge, so it was not made: %1").arg(err));
            m_backedUp = true;
        }
        m_record = m_document.project().store().tags().mergeWithRecord(m_from, m_into);
        m_document.notify(TagChanges);
    });
}

void MergeTagsCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().store().tags().unmerge(m_record);
        m_document.notify(TagChanges);
    });
}

DeleteTagCommand::DeleteTagCommand(Document &document, qint64 tagId)
    : m_document(document)
    , m_id(tagId)
{
    setText(commandText("Delete tag \"%1\"").arg(m_document.project().store().tags().path(tagId)));
}

void DeleteTagCommand::redo()
{
    m_document.guard(this, [&] {
        m_snapshot = m_document.project().store().tags().removeWithSnapshot(m_id);
        m_document.notify(TagChanges);
    });
}

void DeleteTagCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().store().tags().restore(m_snapshot);
        m_document.notify(TagChanges);
    });
}

} // namespace gloss::ui
