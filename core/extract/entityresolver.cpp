#include "extract/entityresolver.h"

#include "model/namekey.h"
#include "text/codepoints.h"

#include <algorithm>

namespace gloss::extract {

namespace {

using Ref = EntityResolution::Ref;

// One number per entity for the set of aliases added: an id, or minus one less than a created index.
qint64 token(const Ref &r)
{
    return r.created >= 0 ? -1 - qint64(r.created) : r.id;
}

QString keyOf(const model::FoundEntity &e)
{
    return e.key.isEmpty() ? model::nameKey(e.name) : e.key;
}

QString keyOf(const model::FoundMention &m)
{
    return m.key.isEmpty() ? model::nameKey(m.text) : m.key;
}

// Resolves one article. Who goes by a key changes as it goes: a name given to an entity created
// for an earlier found entity leads later ones with that name to it.
class Resolver
{
public:
    Resolver(const QString &body, const EntityPolicy &policy)
        : m_body(body)
        , m_policy(policy)
        , m_cp(body)
    {
        for (auto it = policy.aliases.cbegin(); it != policy.aliases.cend(); ++it)
            m_owner.insert(it.key(), Ref{it->entityId, -1});
    }

    void resolve(const model::FoundEntity &e);
    EntityResolution take() { return std::move(m_out); }

private:
    qint64 manualOwner(const QString &key) const
    {
        const auto it = m_policy.aliases.constFind(key);
        return it != m_policy.aliases.cend() && it->manual ? it->entityId : 0;
    }
    // Adds the alias unless some entity goes by the key already (the project's rule for an
    // automatic alias).
    void addAlias(const Ref &entity, const QString &key, const QString &name);
    // addAlias, once per entity and key in the article.
    void addAliasOnce(const Ref &entity, const QString &key, const QString &name);
    bool overlapsMarked(qint64 start, qint64 end) const
    {
        return std::any_of(m_policy.markedSpans.cbegin(), m_policy.markedSpans.cend(),
            [&](const auto &span) { return start < span.second && span.first < end; });
    }
    void skip(const model::FoundMention &m, EntityResolution::SkipReason reason) { m_out.skipped.append({m, reason}); }

    const QString &m_body;
    const EntityPolicy &m_policy;
    const text::OffsetMap m_cp; // no table at all for a body without surrogate pairs
    QHash<QString, Ref> m_owner;
    QSet<std::pair<qint64, QString>> m_added; // (token, key): each alias once per article
    EntityResolution m_out;
};

void Resolver::addAlias(const Ref &entity, const QString &key, const QString &name)
{
    if (key.isEmpty() || m_owner.contains(key))
        return;
    m_owner.insert(key, entity);
    m_out.aliases.append({entity, key, name});
}

void Resolver::addAliasOnce(const Ref &entity, const QString &key, const QString &name)
{
    if (key.isEmpty() || m_added.contains({token(entity), key}))
        return;
    m_added.insert({token(entity), key});
    addAlias(entity, key, name);
}

void Resolver::resolve(const model::FoundEntity &e)
{
    using Reason = EntityResolution::SkipReason;
    const QString nameKey = keyOf(e);
    if (nameKey.isEmpty() || m_policy.rejectedKeys.contains(nameKey)) {
        for (const model::FoundMention &m : e.mentions)
            skip(m, nameKey.isEmpty() ? Reason::Unnamed : Reason::Rejected);
        return;
    }
    QStringList mentionKeys;
    mentionKeys.reserve(e.mentions.size());
    for (const model::FoundMention &m : e.mentions)
        mentionKeys.append(keyOf(m));

    // The entity the found one is: the researcher's, else whoever goes by its name, else by a
    // mention's name; none yet means it is created with its first mention that is kept.
    Ref entity{manualOwner(nameKey), -1};
    if (!entity.id)
        entity = m_owner.value(nameKey);
    for (qsizetype i = 0; entity == Ref{} && i < mentionKeys.size(); ++i)
        entity = m_owner.value(mentionKeys.at(i));

    for (qsizetype i = 0; i < e.mentions.size(); ++i) {
        const model::FoundMention &m = e.mentions.at(i);
        if (m.start < 0 || m.end > m_body.size() || m.end <= m.start) {
            skip(m, Reason::OutsideText);
            continue;
        }
        const QString &key = mentionKeys.at(i);
        if (m_policy.rejectedKeys.contains(key)) {
            skip(m, Reason::Rejected);
            continue;
        }
        const qint64 start = m_cp.toCodePoints(m.start);
        const qint64 end = m_cp.toCodePoints(m.end);
        if (overlapsMarked(start, end)) {
            skip(m, Reason::Marked);
            continue;
        }
        Ref target{manualOwner(key), -1};
        if (!target.id) {
            if (entity == Ref{}) {
                entity = Ref{0, m_out.created.size()};
                m_out.created.append({e.name, e.type});
                addAlias(entity, model::nameKey(e.name), e.name);
                m_added.insert({token(entity), nameKey});
            }
            addAliasOnce(entity, nameKey, e.name);
            addAliasOnce(entity, key, m.text);
            target = entity;
        }
        m_out.mentions.append({target, start, end, m.text});
    }
}

} // namespace

QSet<QString> policyKeys(const QList<model::FoundEntity> &found)
{
    QSet<QString> keys;
    for (const model::FoundEntity &e : found) {
        keys.insert(keyOf(e));
        keys.insert(model::nameKey(e.name)); // the key a created entity's own name gets
        for (const model::FoundMention &m : e.mentions)
            keys.insert(keyOf(m));
    }
    keys.remove(QString());
    return keys;
}

EntityResolution resolveEntities(
    const QString &body, const QList<model::FoundEntity> &found, const EntityPolicy &policy)
{
    Resolver resolver(body, policy);
    for (const model::FoundEntity &e : found)
        resolver.resolve(e);
    return resolver.take();
}

} // namespace gloss::extract
