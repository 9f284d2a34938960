#include "storage/postgres/entityrepository.h"

#include "model/namekey.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/scopedreads.h"

#include <QDateTime>
#include <QSet>

#include <limits>

namespace gloss::storage::postgres {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Restoring a snapshot inserts entities and mentions with their old ids: the identity moves past
// them, never back (as SQLite's AUTOINCREMENT, an id once given is not given again).
void moveIdentity(Connection &db, const char *table)
{
    db.query(QByteArray("SELECT setval(s, v) FROM (SELECT s, GREATEST(coalesce(pg_sequence_last_value(s::regclass), "
                        "0), coalesce((SELECT max(id) FROM ")
          + table + "), 0)) AS v FROM pg_get_serial_sequence('" + table + "', 'id') s) x WHERE v > 0")
        .exec();
}

} // namespace

model::Entity EntityRepository::readEntity(Query &s)
{
    model::Entity e;
    e.id = s.int64(0);
    e.name = s.text(1);
    e.type = model::entityTypeFromName(s.text(2)).value_or(model::EntityType::Other);
    e.confirmed = s.int64(3) != 0;
    e.decidedBy = s.text(4);
    return e;
}

qint64 EntityRepository::entityForKey(const QString &key)
{
    Query s = m_db.query("SELECT entity_id FROM entity_aliases WHERE alias_key = $1");
    s.bind(1, key);
    return s.step() ? s.int64(0) : 0;
}

void EntityRepository::addAliasRow(qint64 entityId, const QString &alias, bool manual)
{
    addAliasRow(entityId, aliasKey(alias), alias, manual);
}

void EntityRepository::addAliasRow(qint64 entityId, const QString &key, const QString &alias, bool manual)
{
    if (key.isEmpty())
        return;
    if (manual) {
        Query s = m_db.query("INSERT INTO entity_aliases(alias_key, entity_id, alias, manual) VALUES($1, $2, $3, 1) "
                             "ON CONFLICT (alias_key) DO UPDATE SET entity_id = excluded.entity_id, "
                             "alias = excluded.alias, manual = excluded.manual");
        s.bind(1, key).bind(2, entityId).bind(3, alias);
        s.exec();
    } else {
        Query s = m_db.query("INSERT INTO entity_aliases(alias_key, entity_id, alias, manual) VALUES($1, $2, $3, 0) "
                             "ON CONFLICT DO NOTHING");
        s.bind(1, key).bind(2, entityId).bind(3, alias);
        s.exec();
    }
}

QHash<QString, model::Alias> EntityRepository::aliasesFor(const QSet<QString> &keys)
{
    QHash<QString, model::Alias> out;
    if (keys.isEmpty())
        return out;
    // One statement for them all: each would be a round trip to the server.
    Query s = m_db.query("SELECT alias_key, entity_id, alias, manual FROM entity_aliases "
                         "WHERE alias_key = ANY($1::text[])");
    s.bind(1, textArray(QStringList(keys.cbegin(), keys.cend())).constData());
    while (s.step()) {
        const QString key = s.text(0);
        out.insert(key, model::Alias{key, s.int64(1), s.text(2), s.int64(3) != 0});
    }
    return out;
}

QSet<QString> EntityRepository::rejectedAmong(const QSet<QString> &keys)
{
    QSet<QString> out;
    if (keys.isEmpty())
        return out;
    Query s = m_db.query("SELECT name_key FROM rejected_names WHERE name_key = ANY($1::text[])");
    s.bind(1, textArray(QStringList(keys.cbegin(), keys.cend())).constData());
    while (s.step())
        out.insert(s.text(0));
    return out;
}

QList<std::pair<qint64, qint64>> EntityRepository::markedSpans(qint64 articleId)
{
    QList<std::pair<qint64, qint64>> out;
    Query s = m_db.query("SELECT start, \"end\" FROM mentions WHERE article_id = $1 AND manual = 1 ORDER BY start, id");
    s.bind(1, articleId);
    while (s.step())
        out.append({s.int64(0), s.int64(1)});
    return out;
}

void EntityRepository::clearExtractedMentions(qint64 articleId)
{
    Query s = m_db.query("DELETE FROM mentions WHERE article_id = $1 AND manual = 0");
    s.bind(1, articleId);
    s.exec();
}

qint64 EntityRepository::insertEntity(const QString &name, model::EntityType type)
{
    Query s = m_db.query("INSERT INTO entities(name, type, created) VALUES($1, $2, $3) RETURNING id");
    s.bind(1, name).bind(2, model::entityTypeName(type)).bind(3, nowText());
    s.step();
    return s.int64(0);
}

void EntityRepository::insertAliases(const QList<model::Alias> &aliases)
{
    for (const model::Alias &a : aliases)
        addAliasRow(a.entityId, a.key, a.name, a.manual);
}

void EntityRepository::insertMentions(const QList<model::Mention> &mentions)
{
    if (mentions.isEmpty())
        return;
    // One statement for an article's mentions, in their order (ids as SQLite gives them).
    QList<qint64> entities, articles, starts, ends, manuals;
    QStringList texts;
    for (const model::Mention &m : mentions) {
        entities.append(m.entityId);
        articles.append(m.articleId);
        starts.append(m.start);
        ends.append(m.end);
        texts.append(m.text);
        manuals.append(m.manual ? 1 : 0);
    }
    Query s
        = m_db.query("INSERT INTO mentions(entity_id, article_id, start, \"end\", text, manual) "
                     "SELECT e, a, s, n, t, m FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], "
                     "$4::bigint[], $5::text[], $6::bigint[]) WITH ORDINALITY AS u(e, a, s, n, t, m, o) ORDER BY o");
    s.bind(1, idArray(entities).constData())
        .bind(2, idArray(articles).constData())
        .bind(3, idArray(starts).constData())
        .bind(4, idArray(ends).constData())
        .bind(5, textArray(texts).constData())
        .bind(6, idArray(manuals).constData());
    s.exec();
}

QHash<QString, std::pair<QString, model::EntityType>> EntityRepository::taughtNames()
{
    QHash<QString, std::pair<QString, model::EntityType>> out;
    // Both halves use a partial index: a project with many entities and few decisions reads few rows.
    Query s
        = m_db.query("SELECT a.alias_key, e.name, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                     "WHERE a.manual = 1 "
                     "UNION ALL SELECT a.alias_key, e.name, e.type FROM entities e "
                     "JOIN entity_aliases a ON a.entity_id = e.id WHERE e.confirmed = 1 AND a.manual = 0");
    while (s.step())
        out.insert(s.text(0), {s.text(1), model::entityTypeFromName(s.text(2)).value_or(model::EntityType::Other)});
    return out;
}

QStringList EntityRepository::namesOf(qint64 id)
{
    Query s = m_db.query("SELECT alias FROM entity_aliases WHERE entity_id = $1 ORDER BY alias COLLATE \"C\"");
    s.bind(1, id);
    QStringList out;
    while (s.step())
        out.append(s.text(0));
    return out;
}

std::optional<model::Entity> EntityRepository::get(qint64 id)
{
    Query s = m_db.query("SELECT e.id, e.name, e.type, e.confirmed, e.decided_by, "
                         "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id), "
                         "(SELECT count(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id) "
                         "FROM entities e WHERE e.id = $1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    model::Entity e = readEntity(s);
    e.mentions = s.integer(5);
    e.articles = s.integer(6);
    const QString own = aliasKey(e.name);
    for (const QString &a : namesOf(id))
        if (aliasKey(a) != own)
            e.aliases.append(a);
    return e;
}

QList<model::Entity> EntityRepository::forArticle(qint64 articleId)
{
    QList<model::Entity> out;
    QHash<qint64, qsizetype> index;
    {
        // Names as SQLite's NOCASE: ASCII letters folded, then byte by byte.
        Query s = m_db.query("SELECT e.id, e.name, e.type, e.confirmed, e.decided_by, count(*), "
                             "(SELECT count(DISTINCT m2.article_id) FROM mentions m2 WHERE m2.entity_id = e.id) "
                             "FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = $1 "
                             "GROUP BY e.id ORDER BY e.type COLLATE \"C\", count(*) DESC, lower(e.name) COLLATE \"C\", "
                             "e.id");
        s.bind(1, articleId);
        while (s.step()) {
            model::Entity e = readEntity(s);
            e.mentions = s.integer(5);
            e.articles = s.integer(6);
            index.insert(e.id, out.size());
            out.append(e);
        }
    }
    Query m = m_db.query(
        "SELECT entity_id, start, \"end\" FROM mentions WHERE article_id = $1 ORDER BY start, \"end\", id");
    m.bind(1, articleId);
    while (m.step()) {
        const auto at = index.constFind(m.int64(0));
        if (at != index.cend())
            out[*at].spans.append({m.int64(1), m.int64(2)});
    }
    for (model::Entity &e : out) {
        const QString own = aliasKey(e.name);
        for (const QString &a : namesOf(e.id))
            if (aliasKey(a) != own)
                e.aliases.append(a);
    }
    return out;
}

QList<model::Entity> EntityRepository::list(const QString &nameFilter)
{
    const QString needle = aliasKey(nameFilter);
    QHash<qint64, QStringList> aliases;
    {
        Query a = m_db.query("SELECT entity_id, alias FROM entity_aliases ORDER BY alias COLLATE \"C\"");
        while (a.step())
            aliases[a.int64(0)].append(a.text(1));
    }
    QList<model::Entity> out;
    Query s = m_db.query(
        "SELECT e.id, e.name, e.type, e.confirmed, e.decided_by, count(m.id), count(DISTINCT m.article_id) "
        "FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id "
        "HAVING count(m.id) > 0 OR e.confirmed = 1 ORDER BY lower(e.name) COLLATE \"C\", e.id");
    while (s.step()) {
        model::Entity e = readEntity(s);
        e.mentions = s.integer(5);
        e.articles = s.integer(6);
        const QString own = aliasKey(e.name);
        bool match = needle.isEmpty() || own.contains(needle);
        for (const QString &a : aliases.value(e.id)) {
            const QString key = aliasKey(a);
            if (key != own)
                e.aliases.append(a);
            if (!match && key.contains(needle))
                match = true;
        }
        if (match)
            out.append(e);
    }
    return out;
}

QList<model::Mention> EntityRepository::mentions(qint64 entityId, qint64 articleId)
{
    QList<model::Mention> out;
    Query s = m_db.query("SELECT id, entity_id, article_id, start, \"end\", text, manual FROM mentions "
                         "WHERE entity_id = $1 AND ($2::bigint = 0 OR article_id = $2::bigint) "
                         "ORDER BY article_id, start, id");
    s.bind(1, entityId).bind(2, articleId);
    while (s.step())
        out.append({s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4), s.text(5), s.int64(6) != 0});
    return out;
}

QList<model::Mention> EntityRepository::articleMentions(qint64 articleId)
{
    QList<model::Mention> out;
    Query s = m_db.query("SELECT id, entity_id, article_id, start, \"end\", text, manual FROM mentions "
                         "WHERE article_id = $1 ORDER BY start, \"end\", id");
    s.bind(1, articleId);
    while (s.step())
        out.append({s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4), s.text(5), s.int64(6) != 0});
    return out;
}

QList<model::RejectedName> EntityRepository::rejections()
{
    QList<model::RejectedName> out;
    Query s = m_db.query("SELECT name, coder FROM rejected_names ORDER BY lower(name) COLLATE \"C\", name_key");
    while (s.step())
        out.append({s.text(0), s.text(1)});
    return out;
}

void EntityRepository::insertRejected(const model::RejectedName &rejected)
{
    Query s = m_db.query("INSERT INTO rejected_names(name_key, name, coder) VALUES($1, $2, $3) "
                         "ON CONFLICT (name_key) DO NOTHING");
    s.bind(1, aliasKey(rejected.name)).bind(2, rejected.name).bind(3, QStringView(rejected.coder));
    s.exec();
}

QStringList EntityRepository::rejectedNames()
{
    QStringList out;
    Query s = m_db.query("SELECT name FROM rejected_names ORDER BY lower(name) COLLATE \"C\", name_key");
    while (s.step())
        out.append(s.text(0));
    return out;
}

EntitySnapshot EntityRepository::snapshot(
    const QList<qint64> &ids, const QStringList &aliasKeys, const QStringList &rejectedKeys)
{
    EntitySnapshot snap;
    snap.entityIds = ids;
    snap.rejectedKeys = rejectedKeys;
    QSet<QString> seenAliases;
    for (const qint64 id : ids) {
        Query e = m_db.query("SELECT id, name, type, confirmed, created, decided_by FROM entities WHERE id = $1");
        e.bind(1, id);
        if (e.step())
            snap.entities.append({e.int64(0), e.text(1), e.text(2), e.int64(3) != 0, e.text(4), e.text(5)});
        Query a = m_db.query(
            "SELECT alias_key, entity_id, alias, manual FROM entity_aliases WHERE entity_id = $1 ORDER BY alias_key");
        a.bind(1, id);
        while (a.step()) {
            seenAliases.insert(a.text(0));
            snap.aliases.append({a.text(0), a.int64(1), a.text(2), a.int64(3) != 0});
        }
        snap.mentions += mentions(id);
    }
    for (const QString &key : aliasKeys) {
        if (seenAliases.contains(key))
            continue;
        Query a = m_db.query("SELECT alias_key, entity_id, alias, manual FROM entity_aliases WHERE alias_key = $1");
        a.bind(1, key);
        if (a.step())
            snap.aliases.append({a.text(0), a.int64(1), a.text(2), a.int64(3) != 0});
        else
            snap.aliases.append({key, 0, QString(), false}); // did not exist: restore removes it
    }
    for (const QString &key : rejectedKeys) {
        Query r = m_db.query("SELECT name, coder FROM rejected_names WHERE name_key = $1");
        r.bind(1, key);
        if (r.step())
            snap.rejected.append({key, r.text(0), r.text(1)});
    }
    return snap;
}

EntitySnapshot EntityRepository::restore(const EntitySnapshot &snap)
{
    Transaction tx(m_db);
    QStringList aliasKeys;
    for (const EntitySnapshot::Alias &a : snap.aliases)
        aliasKeys.append(a.key);
    EntitySnapshot now = snapshot(snap.entityIds, aliasKeys, snap.rejectedKeys);
    for (const qint64 id : snap.entityIds) {
        Query d = m_db.query("DELETE FROM entities WHERE id = $1");
        d.bind(1, id);
        d.exec();
    }
    for (const EntitySnapshot::Alias &a : snap.aliases) {
        Query d = m_db.query("DELETE FROM entity_aliases WHERE alias_key = $1");
        d.bind(1, a.key);
        d.exec();
    }
    for (const QString &key : snap.rejectedKeys) {
        Query d = m_db.query("DELETE FROM rejected_names WHERE name_key = $1");
        d.bind(1, key);
        d.exec();
    }
    for (const EntitySnapshot::Row &e : snap.entities) {
        Query i = m_db.query("INSERT INTO entities(id, name, type, confirmed, created, decided_by) "
                             "VALUES($1, $2, $3, $4, $5, $6)");
        i.bind(1, e.id)
            .bind(2, e.name)
            .bind(3, e.type)
            .bind(4, e.confirmed ? 1 : 0)
            .bind(5, e.created)
            .bind(6, QStringView(e.decidedBy));
        i.exec();
    }
    if (!snap.entities.isEmpty())
        moveIdentity(m_db, "entities");
    for (const EntitySnapshot::Alias &a : snap.aliases) {
        if (a.entityId == 0)
            continue;
        Query i = m_db.query("INSERT INTO entity_aliases(alias_key, entity_id, alias, manual) "
                             "SELECT $1::text, $2::bigint, $3::text, $4::bigint "
                             "WHERE EXISTS(SELECT 1 FROM entities WHERE id = $2::bigint) "
                             "ON CONFLICT (alias_key) DO UPDATE SET entity_id = excluded.entity_id, "
                             "alias = excluded.alias, manual = excluded.manual");
        i.bind(1, a.key).bind(2, a.entityId).bind(3, a.alias).bind(4, a.manual ? 1 : 0);
        i.exec();
    }
    for (const model::Mention &m : snap.mentions) {
        Query i = m_db.query("INSERT INTO mentions(id, entity_id, article_id, start, \"end\", text, manual) "
                             "SELECT $1::bigint, $2::bigint, $3::bigint, $4::bigint, $5::bigint, $6::text, $7::bigint "
                             "WHERE EXISTS(SELECT 1 FROM articles WHERE id = $3::bigint) "
                             "AND EXISTS(SELECT 1 FROM entities WHERE id = $2::bigint) "
                             "ON CONFLICT (id) DO UPDATE SET entity_id = excluded.entity_id, "
                             "article_id = excluded.article_id, start = excluded.start, \"end\" = excluded.\"end\", "
                             "text = excluded.text, manual = excluded.manual");
        i.bind(1, m.id)
            .bind(2, m.entityId)
            .bind(3, m.articleId)
            .bind(4, m.start)
            .bind(5, m.end)
            .bind(6, m.text)
            .bind(7, m.manual ? 1 : 0);
        i.exec();
    }
    if (!snap.mentions.isEmpty())
        moveIdentity(m_db, "mentions");
    for (const EntitySnapshot::Rejected &r : snap.rejected) {
        Query i = m_db.query("INSERT INTO rejected_names(name_key, name, coder) VALUES($1, $2, $3) "
                             "ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, coder = excluded.coder");
        i.bind(1, r.key).bind(2, r.name).bind(3, QStringView(r.coder));
        i.exec();
    }
    tx.commit();
    return now;
}

void EntityRepository::decidedBy(qint64 id, const QString &coder)
{
    Query s = m_db.query("UPDATE entities SET decided_by = $2 WHERE id = $1");
    s.bind(1, id).bind(2, QStringView(coder));
    s.exec();
}

EntitySnapshot EntityRepository::confirm(qint64 id, bool confirmed, const QString &coder)
{
    Transaction tx(m_db);
    EntitySnapshot snap = snapshot({id});
    Query s = m_db.query("UPDATE entities SET confirmed = $2, decided_by = $3 WHERE id = $1");
    s.bind(1, id).bind(2, confirmed ? 1 : 0).bind(3, QStringView(coder));
    s.exec();
    tx.commit();
    return snap;
}

EntitySnapshot EntityRepository::reject(qint64 id, const QString &coder)
{
    Transaction tx(m_db);
    const QStringList names = namesOf(id);
    QStringList keys;
    for (const QString &n : names)
        keys.append(aliasKey(n));
    EntitySnapshot snap = snapshot({id}, {}, keys);
    for (const QString &n : names) {
        Query r = m_db.query("INSERT INTO rejected_names(name_key, name, coder) VALUES($1, $2, $3) "
                             "ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, coder = excluded.coder");
        r.bind(1, aliasKey(n)).bind(2, n).bind(3, QStringView(coder));
        r.exec();
    }
    Query d = m_db.query("DELETE FROM entities WHERE id = $1");
    d.bind(1, id);
    d.exec();
    tx.commit();
    return snap;
}

EntitySnapshot EntityRepository::rename(qint64 id, const QString &name, const QString &coder)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    Transaction tx(m_db);
    const QString key = aliasKey(trimmed);
    EntitySnapshot snap = snapshot({id}, {key});
    Query s = m_db.query("UPDATE entities SET name = $2, decided_by = $3 WHERE id = $1");
    s.bind(1, id).bind(2, trimmed).bind(3, QStringView(coder));
    s.exec();
    const qint64 owner = entityForKey(key);
    if (owner == 0 || owner == id)
        addAliasRow(id, trimmed, true);
    tx.commit();
    return snap;
}

EntitySnapshot EntityRepository::retype(qint64 id, model::EntityType type, const QString &coder)
{
    Transaction tx(m_db);
    EntitySnapshot snap = snapshot({id});
    Query s = m_db.query("UPDATE entities SET type = $2, decided_by = $3 WHERE id = $1");
    s.bind(1, id).bind(2, model::entityTypeName(type)).bind(3, QStringView(coder));
    s.exec();
    tx.commit();
    return snap;
}

EntitySnapshot EntityRepository::merge(qint64 kept, qint64 gone, const QString &coder)
{
    if (kept == gone)
        return {};
    Transaction tx(m_db);
    EntitySnapshot snap = snapshot({kept, gone});
    Query a = m_db.query("UPDATE entity_aliases SET entity_id = $1, manual = 1 WHERE entity_id = $2");
    a.bind(1, kept).bind(2, gone);
    a.exec();
    Query m = m_db.query("UPDATE mentions SET entity_id = $1 WHERE entity_id = $2");
    m.bind(1, kept).bind(2, gone);
    m.exec();
    Query c = m_db.query(
        "UPDATE entities SET confirmed = GREATEST(confirmed, (SELECT confirmed FROM entities WHERE id = $2)), "
        "decided_by = $3 WHERE id = $1");
    c.bind(1, kept).bind(2, gone).bind(3, QStringView(coder));
    c.exec();
    Query d = m_db.query("DELETE FROM entities WHERE id = $1");
    d.bind(1, gone);
    d.exec();
    tx.commit();
    return snap;
}

EntitySnapshot EntityRepository::splitAlias(qint64 id, const QString &alias, const QString &coder, qint64 *created)
{
    const auto entity = get(id);
    const QString key = aliasKey(alias);
    if (!entity || key.isEmpty() || key == aliasKey(entity->name) || entityForKey(key) != id)
        return {};
    Transaction tx(m_db);
    EntitySnapshot snap = snapshot({id}, {key});
    Query d = m_db.query("DELETE FROM entity_aliases WHERE alias_key = $1");
    d.bind(1, key);
    d.exec();
    Query s = m_db.query("INSERT INTO entities(name, type, created, decided_by) VALUES($1, $2, $3, $4) RETURNING id");
    s.bind(1, alias.trimmed())
        .bind(2, model::entityTypeName(entity->type))
        .bind(3, nowText())
        .bind(4, QStringView(coder));
    s.step();
    const qint64 newId = s.int64(0);
    decidedBy(id, coder);
    addAliasRow(newId, alias.trimmed(), true);
    for (const model::Mention &m : mentions(id)) {
        if (aliasKey(m.text) != key)
            continue;
        Query u = m_db.query("UPDATE mentions SET entity_id = $1 WHERE id = $2");
        u.bind(1, newId).bind(2, m.id);
        u.exec();
    }
    snap.entityIds.append(newId);
    tx.commit();
    if (created)
        *created = newId;
    return snap;
}

EntitySnapshot EntityRepository::addAlias(qint64 id, const QString &alias, const QString &coder)
{
    const QString trimmed = alias.trimmed();
    const QString key = aliasKey(trimmed);
    if (key.isEmpty())
        return {};
    Transaction tx(m_db);
    // The texts written this way anywhere in the project, and the entities that hold them now.
    QStringList texts;
    {
        Query s = m_db.query("SELECT DISTINCT text FROM mentions");
        while (s.step()) {
            const QString t = s.text(0);
            if (aliasKey(t) == key)
                texts.append(t);
        }
    }
    QList<qint64> ids{id};
    const qint64 owner = entityForKey(key);
    if (owner && !ids.contains(owner))
        ids.append(owner);
    for (const QString &t : std::as_const(texts)) {
        Query s = m_db.query("SELECT DISTINCT entity_id FROM mentions WHERE text = $1 AND manual = 0 ORDER BY 1");
        s.bind(1, t);
        while (s.step())
            if (!ids.contains(s.int64(0)))
                ids.append(s.int64(0));
    }
    EntitySnapshot snap = snapshot(ids, {key}, {key});
    addAliasRow(id, trimmed, true);
    decidedBy(id, coder);
    Query r = m_db.query("DELETE FROM rejected_names WHERE name_key = $1");
    r.bind(1, key);
    r.exec();
    for (const QString &t : std::as_const(texts)) {
        Query u = m_db.query("UPDATE mentions SET entity_id = $1 WHERE text = $2 AND manual = 0");
        u.bind(1, id).bind(2, t);
        u.exec();
    }
    tx.commit();
    return snap;
}

EntitySnapshot EntityRepository::markSpan(
    qint64 articleId, qint64 start, qint64 end, model::EntityType type, const QString &coder, qint64 *entityId)
{
    // substr() takes int positions and refuses a negative length: a span outside those is no span.
    constexpr qint64 Max = std::numeric_limits<int>::max();
    if (start < 0 || end <= start || start >= Max)
        return {};
    Query b = m_db.query("SELECT substr(body, $2::int + 1, $3::int) FROM articles WHERE id = $1");
    b.bind(1, articleId).bind(2, start).bind(3, std::min(end - start, Max));
    if (!b.step())
        return {};
    const QString text = b.text(0);
    const QString key = aliasKey(text);
    if (key.isEmpty())
        return {};
    Transaction tx(m_db);
    QList<qint64> ids;
    qint64 target = entityForKey(key);
    if (target) {
        const auto existing = get(target);
        if (!existing || existing->type != type)
            target = 0;
    }
    if (target)
        ids.append(target);
    QList<qint64> overlapped;
    {
        Query o = m_db.query("SELECT id, entity_id FROM mentions WHERE article_id = $1 AND start < $3::bigint "
                             "AND $2::bigint < \"end\" ORDER BY start, id");
        o.bind(1, articleId).bind(2, start).bind(3, end);
        while (o.step()) {
            overlapped.append(o.int64(0));
            if (!ids.contains(o.int64(1)))
                ids.append(o.int64(1));
        }
    }
    EntitySnapshot snap = snapshot(ids, {key}, {key});
    for (const qint64 mention : std::as_const(overlapped)) {
        Query d = m_db.query("DELETE FROM mentions WHERE id = $1");
        d.bind(1, mention);
        d.exec();
    }
    if (!target) {
        Query s = m_db.query("INSERT INTO entities(name, type, confirmed, created, decided_by) "
                             "VALUES($1, $2, 1, $3, $4) RETURNING id");
        s.bind(1, text.trimmed()).bind(2, model::entityTypeName(type)).bind(3, nowText()).bind(4, QStringView(coder));
        s.step();
        target = s.int64(0);
        snap.entityIds.append(target);
        if (entityForKey(key) == 0)
            addAliasRow(target, text.trimmed(), true);
    } else {
        addAliasRow(target, text.trimmed(), true);
        decidedBy(target, coder);
    }
    Query r = m_db.query("DELETE FROM rejected_names WHERE name_key = $1");
    r.bind(1, key);
    r.exec();
    Query ins = m_db.query(
        "INSERT INTO mentions(entity_id, article_id, start, \"end\", text, manual) VALUES($1, $2, $3, $4, $5, 1)");
    ins.bind(1, target).bind(2, articleId).bind(3, start).bind(4, end).bind(5, text);
    ins.exec();
    tx.commit();
    if (entityId)
        *entityId = target;
    return snap;
}

} // namespace gloss::storage::postgres
