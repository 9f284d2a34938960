#include "extract/entitypipeline.h"

#include "extract/entityextractor.h"
#include "extract/gazetteer.h"
#include "operations/project.h"
#include "storage/store.h"
#include "storage/transaction.h"

namespace gloss::extract {

EntityPipeline::EntityPipeline(Project &project)
    : m_project(project)
{
    m_extractor.setKnownNames(project.store().entities().taughtNames());
}

namespace {

// Bodies longer than this are read in pieces split at paragraph or sentence ends, so memory stays
// proportional to a piece, not to a 50 MB file; news articles are far shorter and read whole.
constexpr qsizetype PieceLength = 256 * 1024;

qsizetype pieceEnd(const QString &text, qsizetype from)
{
    const qsizetype limit = from + PieceLength;
    if (limit >= text.size())
        return text.size();
    // Only the second half of the piece is searched: a search back from the limit would read the
    // whole text before it for each piece of a body without paragraph breaks (quadratic in a 50 MB line).
    const qsizetype lowest = from + PieceLength / 2 + 1;
    const QStringView window = QStringView(text).mid(lowest, limit - lowest);
    for (const QStringView separator : {u"\n\n", u". ", u" "}) {
        const qsizetype at = window.lastIndexOf(separator);
        if (at >= 0)
            return lowest + at + separator.size();
    }
    return limit;
}

} // namespace

QList<FoundEntity> EntityPipeline::find(const QString &body) const
{
    return findEntities(m_extractor, body);
}

namespace {

QList<FoundEntity> findInPieces(const EntityExtractor &extractor, const QString &body)
{
    if (body.size() <= PieceLength)
        return extractor.extract(body);
    QList<FoundEntity> merged;
    QHash<std::pair<QString, int>, qsizetype> index;
    for (qsizetype from = 0; from < body.size();) {
        const qsizetype to = pieceEnd(body, from);
        for (FoundEntity &found : extractor.extract(body.mid(from, to - from))) {
            for (FoundMention &m : found.mentions) {
                m.start += from;
                m.end += from;
            }
            const auto key = std::make_pair(found.name, int(found.type));
            if (const auto it = index.constFind(key); it != index.constEnd()) {
                merged[*it].mentions.append(found.mentions);
            } else {
                index.insert(key, merged.size());
                merged.append(std::move(found));
            }
        }
        from = to;
    }
    return merged;
}

} // namespace

QList<FoundEntity> findEntities(const EntityExtractor &extractor, const QString &body)
{
    QList<FoundEntity> found = findInPieces(extractor, body);
    // The keys storing looks names up by, found here, on the importer's reading thread, rather
    // than by the thread that stores.
    for (FoundEntity &e : found) {
        e.key = nameKey(e.name);
        for (FoundMention &m : e.mentions)
            m.key = nameKey(m.text);
    }
    return found;
}

void EntityPipeline::extract(const model::Article &article)
{
    m_project.store().entities().storeExtraction(article.id, article.body, find(article.body));
}

void extractEntities(Project &project, const model::Article &article)
{
    EntityPipeline(project).extract(article);
}

void reextractEntities(Project &project, qint64 articleId)
{
    if (const auto article = project.store().articles().get(articleId))
        extractEntities(project, *article);
}

int reextractAllEntities(Project &project)
{
    storage::Transaction tx(project.store().db());
    EntityPipeline pipeline(project);
    const QList<qint64> ids = project.store().articles().ids({}, model::ArticleOrder::Id);
    for (const qint64 id : ids)
        if (const auto article = project.store().articles().get(id))
            pipeline.extract(*article);
    tx.commit();
    return int(ids.size());
}

} // namespace gloss::extract
