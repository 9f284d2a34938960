#include "extract/pipeline.h"

#include "extract/entitypipeline.h"
#include "extract/timepipeline.h"
#include "import/importer.h"

#include <memory>
#include <optional>

namespace gloss::extract {

void annotateArticle(Project &project, const model::Article &article)
{
    extractEntities(project, article);
    extractTimes(project, article);
}

std::function<void(Project &, const model::Article &)> analyseArticle(const model::Article &article)
{
    auto storeTimes = tagTimes(article);
    return [storeTimes = std::move(storeTimes)](
               Project &project, const model::Article &stored) { storeTimes(project, stored); };
}

void prepareImport(import::ImportOptions &options)
{
    options.analyse = analyseArticle;
    auto entities = std::make_shared<std::optional<EntityPipeline>>();
    options.afterInsert = [entities](Project &project, const model::Article &article) {
        if (!*entities)
            entities->emplace(project);
        (*entities)->extract(article);
    };
}

} // namespace gloss::extract
