#pragma once

#include "model/tag.h"
#include "storage/tagrepository.h"

#include <QUndoCommand>
#include <QVariant>

namespace gloss::ui {

class Document;

// Codebook edits, each one undo step.
class CreateTagCommand final : public QUndoCommand
{
public:
    CreateTagCommand(Document &document, const QString &name, qint64 parentId);
    void redo() override;
    void undo() override;
    qint64 tagId() const { return m_tag.id; }

private:
    Document &m_document;
    model::Tag m_tag;
};

// Renames, recolours, re-describes or moves a tag: one property change.
class EditTagCommand final : public QUndoCommand
{
public:
    enum class Property { Name, Color, Description, Parent };
    EditTagCommand(Document &document, qint64 tagId, Property property, const QVariant &value);
    void redo() override;
    void undo() override;

private:
    void apply(const QVariant &value);

    Document &m_document;
    qint64 m_id;
    Property m_property;
    QVariant m_before;
    QVariant m_after;
};

class MergeTagsCommand final : public QUndoCommand
{
public:
    MergeTagsCommand(Document &document, qint64 from, qint64 into);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    qint64 m_from;
    qint64 m_into;
    storage::TagRepository::MergeRecord m_record;
    bool m_backedUp = false;
};

class DeleteTagCommand final : public QUndoCommand
{
public:
    DeleteTagCommand(Document &document, qint64 tagId);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    qint64 m_id;
    storage::TagRepository::Snapshot m_snapshot;
};

} // namespace gloss::ui
