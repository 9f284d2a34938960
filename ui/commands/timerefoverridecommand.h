#pragma once

#include "commands/operationcommand.h"
#include "model/timeref.h"

#include <optional>

namespace gloss::ui {

class Document;

// Corrects, dismisses or restores a time reference: replaces the researcher's decision about one
// span of an article (none = what extraction found); undo puts the previous one back.
class TimeRefOverrideCommand final : public OperationCommand
{
public:
    // `decision` std::nullopt removes the override.
    TimeRefOverrideCommand(Document &document, qint64 articleId, qint64 start, qint64 end,
        std::optional<model::TimeRefOverride> decision, const QString &text);
};

} // namespace gloss::ui
