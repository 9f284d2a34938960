#include "commands/timerefoverridecommand.h"

#include "operations/project.h"
#include "operations/timeline.h"

namespace gloss::ui {

TimeRefOverrideCommand::TimeRefOverrideCommand(Document &document, qint64 articleId, qint64 start, qint64 end,
    std::optional<model::TimeRefOverride> decision, const QString &text)
    : OperationCommand(document, text, [articleId, start, end, decision = std::move(decision)](Project &p) {
        return decision ? p.timeline().setOverride(*decision) : p.timeline().clearOverride(articleId, start, end);
    })
{ }

} // namespace gloss::ui
