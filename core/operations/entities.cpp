#include "operations/entities.h"

#include "extract/entityextractor.h"
#include "extract/entitypipeline.h"
#include "extract/entityresolver.h"
#include "model/article.h"
#include "operations/batches.h"
#include "operations/project.h"
#include "operations/writer.h"
#include "text/codepoints.h"

namespace gloss::operations {

// The state of the entities a decision touched, from before it: kept in the Undo, never shown
// above this layer.
struct Entities::Snapshot
{
    storage::EntitySnapshot state;
};

namespace {

QString trimmedName(const QString &name, const char *what)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw OperationError::invalid(QStringLiteral("%1 cannot be empty").arg(QLatin1String(what)));
    return trimmed;
}

} // namespace

std::optional<model::Entity> Entities::get(qint64 id)
{
    return m_writer.read([&] { return m_writer.store().entities().get(id); });
}

QList<model::Entity> Entities::forArticle(qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().entities().forArticle(articleId); });
}

QList<model::Entity> Entities::list(const QString &nameFilter)
{
    return m_writer.read([&] { return m_writer.store().entities().list(nameFilter); });
}

QList<model::Mention> Entities::mentions(qint64 entityId, qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().entities().mentions(entityId, articleId); });
}

QList<model::Mention> Entities::articleMentions(qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().entities().articleMentions(articleId); });
}

QStringList Entities::rejectedNames()
{
    return m_writer.read([&] { return m_writer.store().entities().rejectedNames(); });
}

QList<model::RejectedName> Entities::rejections()
{
    return m_writer.read([&] { return m_writer.store().entities().rejections(); });
}

QHash<QString, std::pair<QString, model::EntityType>> Entities::taughtNames()
{
    return m_writer.read([&] { return m_writer.store().entities().taughtNames(); });
}

model::Entity Entities::existing(qint64 id)
{
    auto found = m_writer.store().entities().get(id);
    if (!found)
        throw OperationError::notFound(QStringLiteral("there is no entity %1").arg(id));
    return *found;
}

Undo Entities::undoing(std::shared_ptr<const Snapshot> before, qint64 articleId)
{
    return Undo(Area::Entities, articleId,
        [before = std::move(before), articleId](Project &p) { return p.entities().restore(before, articleId); });
}

Undo Entities::restore(const std::shared_ptr<const Snapshot> &before, qint64 articleId)
{
    return m_writer.write(Area::Entities, articleId, [&] {
        auto now = std::make_shared<Snapshot>(Snapshot{m_writer.store().entities().restore(before->state)});
        return undoing(std::move(now), articleId);
    });
}

Undo Entities::confirm(qint64 id, bool confirmed)
{
    return m_writer.write(Area::Entities, 0, [&] {
        existing(id);
        return undoing(
            std::make_shared<Snapshot>(Snapshot{m_writer.store().entities().confirm(id, confirmed, m_writer.coder())}),
            0);
    });
}

Undo Entities::reject(qint64 id)
{
    return m_writer.write(Area::Entities, 0, [&] {
        existing(id);
        return undoing(
            std::make_shared<Snapshot>(Snapshot{m_writer.store().entities().reject(id, m_writer.coder())}), 0);
    });
}

Undo Entities::rename(qint64 id, const QString &name)
{
    const QString trimmed = trimmedName(name, "an entity's name");
    return m_writer.write(Area::Entities, 0, [&] {
        existing(id);
        return undoing(
            std::make_shared<Snapshot>(Snapshot{m_writer.store().entities().rename(id, trimmed, m_writer.coder())}), 0);
    });
}

Undo Entities::retype(qint64 id, model::EntityType type)
{
    return m_writer.write(Area::Entities, 0, [&] {
        existing(id);
        return undoing(
            std::make_shared<Snapshot>(Snapshot{m_writer.store().entities().retype(id, type, m_writer.coder())}), 0);
    });
}

Undo Entities::merge(qint64 kept, const QList<qint64> &gone)
{
    if (gone.isEmpty())
        throw OperationError::invalid(QStringLiteral("merging needs at least one entity to merge into another"));
    if (gone.contains(kept))
        throw OperationError::invalid(QStringLiteral("entity %1 cannot be merged into itself").arg(kept));
    return m_writer.write(Area::Entities, 0, [&] {
        existing(kept);
        for (const qint64 id : gone)
            existing(id);
        storage::EntityRepository &repo = m_writer.store().entities();
        // One snapshot for all of them: the first merge's covers the kept entity and the first gone
        // one; each later merge adds the entity it removes, as it was.
        storage::EntitySnapshot before;
        for (const qint64 id : gone) {
            storage::EntitySnapshot s = repo.merge(kept, id, m_writer.coder());
            if (before.entityIds.isEmpty()) {
                before = std::move(s);
                continue;
            }
            for (const qint64 touched : std::as_const(s.entityIds))
                if (!before.entityIds.contains(touched))
                    before.entityIds.append(touched);
            for (const auto &row : std::as_const(s.entities))
                if (row.id == id)
                    before.entities.append(row);
            for (const auto &alias : std::as_const(s.aliases))
                if (alias.entityId == id)
                    before.aliases.append(alias);
            for (const auto &m : std::as_const(s.mentions))
                if (m.entityId == id)
                    before.mentions.append(m);
        }
        return undoing(std::make_shared<Snapshot>(Snapshot{std::move(before)}), 0);
    });
}

Undo Entities::splitAlias(qint64 id, const QString &alias, qint64 *created)
{
    const QString trimmed = trimmedName(alias, "the name to split off");
    return m_writer.write(Area::Entities, 0, [&] {
        const model::Entity entity = existing(id);
        storage::EntityRepository &repo = m_writer.store().entities();
        const QString key = storage::EntityRepository::aliasKey(trimmed);
        if (key == storage::EntityRepository::aliasKey(entity.name))
            throw OperationError::invalid(
                QStringLiteral("“%1” is the name of “%2”, not another name of it").arg(trimmed, entity.name));
        const auto owners = repo.aliasesFor({key});
        if (!owners.contains(key) || owners.value(key).entityId != id)
            throw OperationError::notFound(
                QStringLiteral("“%1” is not one of the names of “%2”").arg(trimmed, entity.name));
        return undoing(
            std::make_shared<Snapshot>(Snapshot{repo.splitAlias(id, trimmed, m_writer.coder(), created)}), 0);
    });
}

Undo Entities::addAlias(qint64 id, const QString &alias)
{
    const QString trimmed = trimmedName(alias, "an entity's other name");
    if (storage::EntityRepository::aliasKey(trimmed).isEmpty())
        throw OperationError::invalid(
            QStringLiteral("“%1” leaves nothing to name an entity by once dots and spaces are set aside").arg(trimmed));
    return m_writer.write(Area::Entities, 0, [&] {
        existing(id);
        return undoing(
            std::make_shared<Snapshot>(Snapshot{m_writer.store().entities().addAlias(id, trimmed, m_writer.coder())}),
            0);
    });
}

Undo Entities::markSpan(qint64 articleId, qint64 start, qint64 end, model::EntityType type, qint64 *entityId)
{
    return m_writer.write(Area::Entities, articleId, [&] {
        const auto article = m_writer.store().articles().get(articleId);
        if (!article)
            throw OperationError::notFound(QStringLiteral("there is no article %1").arg(articleId));
        const qsizetype length = text::codePointLength(article->body);
        if (start < 0 || end <= start || end > length)
            throw OperationError::invalid(QStringLiteral("the span %1..%2 is not inside the article's %3 characters")
                                              .arg(start)
                                              .arg(end)
                                              .arg(length));
        const QString text = text::sliceCodePoints(article->body, start, end);
        if (storage::EntityRepository::aliasKey(text).isEmpty())
            throw OperationError::invalid(
                QStringLiteral("“%1” leaves nothing to name an entity by once dots and spaces are set aside")
                    .arg(text.trimmed()));
        return undoing(std::make_shared<Snapshot>(Snapshot{m_writer.store().entities().markSpan(
                           articleId, start, end, type, m_writer.coder(), entityId)}),
            articleId);
    });
}

void Entities::storeFound(qint64 articleId, const QString &body, const QList<model::FoundEntity> &found)
{
    m_writer.write(Area::Entities, articleId, [&] {
        storage::EntityRepository &entities = m_writer.store().entities();
        const QSet<QString> keys = extract::policyKeys(found);
        const extract::EntityPolicy policy{
            entities.aliasesFor(keys), entities.rejectedAmong(keys), entities.markedSpans(articleId)};
        const extract::EntityResolution resolution = extract::resolveEntities(body, found, policy);

        entities.clearExtractedMentions(articleId);
        QList<qint64> created;
        created.reserve(resolution.created.size());
        for (const extract::EntityResolution::NewEntity &e : resolution.created)
            created.append(entities.insertEntity(e.name, e.type));
        const auto idOf = [&](const extract::EntityResolution::Ref &ref) {
            return ref.created >= 0 ? created.at(ref.created) : ref.id;
        };
        QList<model::Alias> aliases;
        aliases.reserve(resolution.aliases.size());
        for (const extract::EntityResolution::Alias &a : resolution.aliases)
            aliases.append({a.key, idOf(a.entity), a.name, false});
        entities.insertAliases(aliases);
        QList<model::Mention> mentions;
        mentions.reserve(resolution.mentions.size());
        for (const extract::EntityResolution::Mention &m : resolution.mentions)
            mentions.append({0, idOf(m.entity), articleId, m.start, m.end, m.text, false});
        entities.insertMentions(mentions);
    });
}

void Entities::extract(const model::Article &article)
{
    m_writer.write(Area::Entities, article.id, [&] {
        extract::EntityExtractor extractor;
        extractor.setKnownNames(m_writer.store().entities().taughtNames());
        storeFound(article.id, article.body, extract::findEntities(extractor, article.body));
    });
}

bool Entities::reextract(qint64 articleId)
{
    return m_writer.write(Area::Entities, articleId, [&] {
        const auto article = m_writer.store().articles().get(articleId);
        if (article)
            extract(*article);
        return article.has_value();
    });
}

ReextractionResult Entities::reextractAll(const Reextraction &how)
{
    // The names taught are read once, as the re-extraction starts: its own batches teach none.
    extract::EntityExtractor extractor;
    QList<qint64> ids;
    m_writer.read([&] {
        extractor.setKnownNames(m_writer.store().entities().taughtNames());
        ids = m_writer.store().articles().ids({}, model::ArticleOrder::Id);
    });
    return inBatches(m_writer, Area::Entities, ids, how, [&](qint64 id) {
        if (const auto article = m_writer.store().articles().get(id))
            storeFound(article->id, article->body, extract::findEntities(extractor, article->body));
    });
}

} // namespace gloss::operations
