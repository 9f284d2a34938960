#pragma once

#include "commands/operationcommand.h"

#include <QVariant>

namespace gloss::ui {

// Codebook edits, each one undo step.
class CreateTagCommand final : public OperationCommand
{
public:
    CreateTagCommand(Document &document, const QString &name, qint64 parentId);
    qint64 tagId() const { return m_id; }

private:
    qint64 m_id = 0;
};

// Renames, recolours, re-describes or moves a tag: one property change.
class EditTagCommand final : public OperationCommand
{
public:
    enum class Property { Name, Color, Description, Parent };
    EditTagCommand(Document &document, qint64 tagId, Property property, const QVariant &value);
};

// Merges one tag into another, after a verified backup (a merge touches every use of the tag).
class MergeTagsCommand final : public OperationCommand
{
public:
    MergeTagsCommand(Document &document, qint64 from, qint64 into);
};

class DeleteTagCommand final : public OperationCommand
{
public:
    DeleteTagCommand(Document &document, qint64 tagId);
};

} // namespace gloss::ui
