#include "extract/entitypipeline.h"

#include "extract/entityextractor.h"
#include "extract/entityresolver.h"
#include "model/namekey.h"
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

QList<model::FoundEntity> EntityPipeline::find(const QString &body) const
{
    return findEntities(m_extractor, body);
}

namespace {

QList<model::FoundEntity> findInPieces(const EntityExtractor &extractor, const QString &body)
{
    if (body.size() <= PieceLength)
        return extractor.extract(body);
    QList<model::FoundEntity> merged;
    QHash<std::pair<QString, int>, qsizetype> index;
    for (qsizetype from = 0; from < body.size();) {
        const qsizetype to = pieceEnd(body, from);
        for (model::FoundEntity &found : extractor.extract(body.mid(from, to - from))) {
            for (model::FoundMention &m : found.mentions) {
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

QList<model::FoundEntity> findEntities(const EntityExtractor &extractor, const QString &body)
{
    QList<model::FoundEntity> found = findInPieces(extractor, body);
    // The keys storing looks names up by, found here, on the importer's reading thread, rather
    // than by the thread that stores.
    for (model::FoundEntity &e : found) {
        e.key = model::nameKey(e.name);
        for (model::FoundMention &m : e.mentions)
            m.key = model::nameKey(m.text);
    }
    return found;
}

void storeEntities(Project &project, qint64 articleId, const QString &body, const QList<model::FoundEntity> &found)
{
    storage::EntityRepository &entities = project.store().entities();
    storage::Transaction tx(project.store().db());
    const QSet<QString> keys = policyKeys(found);
    const EntityPolicy policy{entities.aliasesFor(keys), entities.rejectedAmong(keys), entities.markedSpans(articleId)};
    const EntityResolution resolution = resolveEntities(body, found, policy);

    entities.clearExtractedMentions(articleId);
    QList<qint64> created;
    created.reserve(resolution.created.size());
    for (const EntityResolution::NewEntity &e : resolution.created)
        created.append(entities.insertEntity(e.name, e.type));
    const auto idOf
        = [&](const EntityResolution::Ref &ref) { return ref.created >= 0 ? created.at(ref.created) : ref.id; };
    QList<model::Alias> aliases;
    aliases.reserve(resolution.aliases.size());
    for (const EntityResolution::Alias &a : resolution.aliases)
        aliases.append({a.key, idOf(a.entity), a.name, false});
    entities.insertAliases(aliases);
    QList<model::Mention> mentions;
    mentions.reserve(resolution.mentions.size());
    for (const EntityResolution::Mention &m : resolution.mentions)
        mentions.append({0, idOf(m.entity), articleId, m.start, m.end, m.text, false});
    entities.insertMentions(mentions);
    tx.commit();
}

void EntityPipeline::extract(const model::Article &article)
{
    storeEntities(m_project, article.id, article.body, find(article.body));
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
