#include "extract/pipeline.h"

#include "extract/entitypipeline.h"
#include "extract/timepipeline.h"

#include <memory>
#include <optional>

namespace gloss::extract {

void annotateArticle(Project &project, const model::Article &article)
{
    extractEntities(project, article);
    extractTimes(project, article);
}

std::function<void(Project &, const model::Article &)> importAnnotator()
{
    auto entities = std::make_shared<std::optional<EntityPipeline>>();
    return [entities](Project &project, const model::Article &article) {
        if (!*entities)
            entities->emplace(project);
        (*entities)->extract(article);
        extractTimes(project, article);
    };
}

} // namespace gloss::extract
