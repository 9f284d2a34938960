#include "extract/pipeline.h"

#include "extract/entitypipeline.h"
#include "extract/timepipeline.h"
#include "import/importer.h"
#include "operations/project.h"
#include "storage/store.h"

#include <memory>

namespace gloss::extract {

void annotateArticle(Project &project, const model::Article &article)
{
    extractEntities(project, article);
    extractTimes(project, article);
}

void prepareImport(import::ImportOptions &options)
{
    // Written by prepare on the importing thread before the reading thread starts, then only read
    // by that one thread.
    auto extractor = std::make_shared<EntityExtractor>();
    options.prepare
        = [extractor](Project &project) { extractor->setKnownNames(project.store().entities().taughtNames()); };
    options.analyse
        = [extractor](const model::Article &article) -> std::function<void(Project &, const model::Article &)> {
        auto storeTimes = tagTimes(article);
        QList<model::FoundEntity> found = findEntities(*extractor, article.body);
        return [storeTimes = std::move(storeTimes), found = std::move(found)](
                   Project &project, const model::Article &stored) {
            storeTimes(project, stored);
            storeEntities(project, stored.id, stored.body, found);
        };
    };
    options.afterInsert = {};
}

} // namespace gloss::extract
