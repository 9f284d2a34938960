#include "extract/entitypipeline.h"

#include "extract/entityextractor.h"
#include "project.h"
#include "storage/transaction.h"

namespace gloss::extract {

void extractEntities(Project &project, const model::Article &article)
{
    EntityExtractor extractor;
    extractor.setKnownNames(project.entities().taughtNames());
    project.entities().storeExtraction(article.id, article.body, extractor.extract(article.body));
}

void reextractEntities(Project &project, qint64 articleId)
{
    if (const auto article = project.articles().get(articleId))
        extractEntities(project, *article);
}

int reextractAllEntities(Project &project)
{
    EntityExtractor extractor;
    extractor.setKnownNames(project.entities().taughtNames());
    storage::Transaction tx(project.db());
    const QList<qint64> ids = project.articles().ids({}, model::ArticleOrder::Id);
    for (const qint64 id : ids)
        if (const auto article = project.articles().get(id))
            project.entities().storeExtraction(id, article->body, extractor.extract(article->body));
    tx.commit();
    return int(ids.size());
}

} // namespace gloss::extract
