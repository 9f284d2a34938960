#include "extract/pipeline.h"

#include "extract/timepipeline.h"

namespace gloss::extract {

void annotateArticle(Project &project, const model::Article &article)
{
    extractTimes(project, article);
}

std::function<void(Project &, const model::Article &)> analyseArticle(const model::Article &article)
{
    auto storeTimes = tagTimes(article);
    return [storeTimes = std::move(storeTimes)](
               Project &project, const model::Article &stored) { storeTimes(project, stored); };
}

} // namespace gloss::extract
