#include "extract/pipeline.h"

#include "extract/timepipeline.h"

namespace gloss::extract {

void annotateArticle(Project &project, const model::Article &article)
{
    extractTimes(project, article);
}

} // namespace gloss::extract
