#include "operations/extraction.h"

#include "extract/entityextractor.h"
#include "extract/entitypipeline.h"
#include "extract/timepipeline.h"
#include "import/importer.h"
#include "model/article.h"
#include "operations/entities.h"
#include "operations/project.h"
#include "operations/timeline.h"

#include <memory>

namespace gloss::operations {

void annotateArticle(Project &project, const model::Article &article)
{
    project.entities().extract(article);
    project.timeline().extract(article);
}

void prepareImport(import::ImportOptions &options)
{
    // Written by prepare on the importing thread before the reading thread starts, then only read
    // by that one thread.
    auto extractor = std::make_shared<extract::EntityExtractor>();
    options.prepare = [extractor](Project &project) { extractor->setKnownNames(project.entities().taughtNames()); };
    options.analyse
        = [extractor](const model::Article &article) -> std::function<void(Project &, const model::Article &)> {
        QList<model::TimeRef> times = extract::findTimeRefs(article);
        QList<model::FoundEntity> found = extract::findEntities(*extractor, article.body);
        return [times = std::move(times), found = std::move(found)](Project &project, const model::Article &stored) {
            project.timeline().storeFound(stored.id, times);
            project.entities().storeFound(stored.id, stored.body, found);
        };
    };
    options.afterInsert = {};
}

} // namespace gloss::operations
