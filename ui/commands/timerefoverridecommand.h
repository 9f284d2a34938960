#pragma once

#include "model/timeref.h"

#include <QUndoCommand>

#include <optional>

namespace gloss::ui {

class Document;

// Corrects, dismisses or restores a time reference: replaces the researcher's decision about one
// span of an article (none = what extraction found), and puts the previous one back on undo.
class TimeRefOverrideCommand final : public QUndoCommand
{
public:
    // `decision` std::nullopt removes the override.
    TimeRefOverrideCommand(Document &document, qint64 articleId, qint64 start, qint64 end,
        std::optional<model::TimeRefOverride> decision, const QString &text);

    void redo() override;
    void undo() override;

private:
    void apply(const std::optional<model::TimeRefOverride> &decision);

    Document &m_document;
    qint64 m_articleId;
    qint64 m_start;
    qint64 m_end;
    std::optional<model::TimeRefOverride> m_before;
    std::optional<model::TimeRefOverride> m_after;
};

} // namespace gloss::ui
