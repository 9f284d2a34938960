#include "extract/entitypipeline.h"

#include "extract/entityextractor.h"
#include "project.h"
#include "storage/transaction.h"

namespace gloss::extract {

EntityPipeline::EntityPipeline(Project &project)
    : m_project(project)
{
    m_extractor.setKnownNames(project.entities().taughtNames());
}

void EntityPipeline::extract(const model::Article &article)
{
    m_project.entities().storeExtraction(article.id, article.body, m_extractor.extract(article.body));
}

void extractEntities(Project &project, const model::Article &article)
{
    EntityPipeline(project).extract(article);
}

void reextractEntities(Project &project, qint64 articleId)
{
    if (const auto article = project.articles().get(articleId))
        extractEntities(project, *article);
}

int reextractAllEntities(Project &project)
{
    storage::Transaction tx(project.db());
    EntityPipeline pipeline(project);
    const QList<qint64> ids = project.articles().ids({}, model::ArticleOrder::Id);
    for (const qint64 id : ids)
        if (const auto article = project.articles().get(id))
            pipeline.extract(*article);
    tx.commit();
    return int(ids.size());
}

} // namespace gloss::extract
