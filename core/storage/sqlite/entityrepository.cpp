#include "storage/sqlite/entityrepository.h"

#include "model/namekey.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/transaction.h"

#include <QDateTime>
#include <QSet>

namespace gloss::storage::sqlite {

namespace {

// Rows of mentions a statement inserts at once.
constexpr int MentionsPerInsert = 8;

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

model::Entity EntityRepository::readEntity(Statement &s)
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
    Statement s = m_db.cached("SELECT entity_id FROM entity_aliases WHERE alias_key = ?1");
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
        Statement s = m_db.cached(
            "INSERT OR REPLACE INTO entity_aliases(alias_key, entity_id, alias, manual) VALUES(?1, ?2, ?3, 1)");
        s.bind(1, key).bind(2, entityId).bind(3, alias);
        s.exec();
    } else {
        Statement s = m_db.cached(
            "INSERT OR IGNORE INTO entity_aliases(alias_key, entity_id, alias, manual) VALUES(?1, ?2, ?3, 0)");
        s.bind(1, key).bind(2, entityId).bind(3, alias);
        s.exec();
    }
}

QHash<QString, model::Alias> EntityRepository::aliasesFor(const QSet<QString> &keys)
{
    QHash<QString, model::Alias> out;
    Statement s = m_db.cached("SELECT entity_id, alias, manual FROM entity_aliases WHERE alias_key = ?1");
    for (const QString &key : keys) {
        s.bind(1, key);
        if (s.step())
            out.insert(key, model::Alias{key, s.int64(0), s.text(1), s.int64(2) != 0});
        s.reset();
    }
    return out;
}

QSet<QString> EntityRepository::rejectedAmong(const QSet<QString> &keys)
{
    QSet<QString> out;
    Statement s = m_db.cached("SELECT 1 FROM rejected_names WHERE name_key = ?1");
    for (const QString &key : keys) {
        s.bind(1, key);
        if (s.step())
            out.insert(key);
        s.reset();
    }
    return out;
}

QList<std::pair<qint64, qint64>> EntityRepository::markedSpans(qint64 articleId)
{
    QList<std::pair<qint64, qint64>> out;
    Statement s = m_db.cached("SELECT start, end FROM mentions WHERE article_id = ?1 AND manual = 1");
    s.bind(1, articleId);
    while (s.step())
        out.append({s.int64(0), s.int64(1)});
    return out;
}

void EntityRepository::clearExtractedMentions(qint64 articleId)
{
    Statement s = m_db.cached("DELETE FROM mentions WHERE article_id = ?1 AND manual = 0");
    s.bind(1, articleId);
    s.exec();
}

qint64 EntityRepository::insertEntity(const QString &name, model::EntityType type)
{
    Statement s = m_db.cached("INSERT INTO entities(name, type, created) VALUES(?1, ?2, ?3)");
    s.bind(1, name).bind(2, model::entityTypeName(type)).bind(3, nowText());
    s.exec();
    return m_db.lastInsertId();
}

void EntityRepository::insertAliases(const QList<model::Alias> &aliases)
{
    for (const model::Alias &a : aliases)
        addAliasRow(a.entityId, a.key, a.name, a.manual);
}

void EntityRepository::insertMentions(const QList<model::Mention> &mentions)
{
    // An article's mentions (about 17 in a news story) go in by a statement of MentionsPerInsert
    // rows at a time: one statement's work (and the sequence's update) for many rows. Rows go in
    // in their order, so their ids are as one insert each would give.
    constexpr int Columns = 6;
    static const QByteArray many = [] {
        QByteArray sql = "INSERT INTO mentions(entity_id, article_id, start, end, text, manual) VALUES";
        for (int r = 0; r < MentionsPerInsert; ++r)
            sql += r == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)";
        return sql;
    }();
    const auto bindRow = [](Statement &s, int row, const model::Mention &m) {
        const int at = row * Columns;
        s.bind(at + 1, m.entityId)
            .bind(at + 2, m.articleId)
            .bind(at + 3, m.start)
            .bind(at + 4, m.end)
            .bind(at + 5, m.text)
            .bind(at + 6, m.manual ? 1 : 0);
    };
    qsizetype i = 0;
    for (; i + MentionsPerInsert <= mentions.size(); i += MentionsPerInsert) {
        Statement s = m_db.cached(many.constData());
        for (int r = 0; r < MentionsPerInsert; ++r)
            bindRow(s, r, mentions.at(i + r));
        s.exec();
    }
    for (; i < mentions.size(); ++i) {
        Statement s = m_db.cached("INSERT INTO mentions(entity_id, article_id, start, end, text, manual) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        bindRow(s, 0, mentions.at(i));
        s.exec();
    }
}

QHash<QString, std::pair<QString, model::EntityType>> EntityRepository::taughtNames()
{
    QHash<QString, std::pair<QString, model::EntityType>> out;
    // Both halves use a partial index: a project with many entities and few decisions reads few rows.
    Statement s
        = m_db.cached("SELECT a.alias_key, e.name, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                      "WHERE a.manual = 1 "
                      "UNION ALL SELECT a.alias_key, e.name, e.type FROM entities e "
                      "JOIN entity_aliases a ON a.entity_id = e.id WHERE e.confirmed = 1 AND a.manual = 0");
    while (s.step())
        out.insert(s.text(0), {s.text(1), model::entityTypeFromName(s.text(2)).value_or(model::EntityType::Other)});
    return out;
}

QStringList EntityRepository::namesOf(qint64 id)
{
    Statement s = m_db.cached("SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias");
    s.bind(1, id);
    QStringList out;
    while (s.step())
        out.append(s.text(0));
    return out;
}

std::optional<model::Entity> EntityRepository::get(qint64 id)
{
    Statement s = m_db.cached("SELECT e.id, e.name, e.type, e.confirmed, e.decided_by, "
                              "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id), "
                              "(SELECT count(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id) "
                              "FROM entities e WHERE e.id = ?1");
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
        Statement s = m_db.cached("SELECT e.id, e.name, e.type, e.confirmed, e.decided_by, count(*), "
                                  "(SELECT count(DISTINCT m2.article_id) FROM mentions m2 WHERE m2.entity_id = e.id) "
                                  "FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?1 "
                                  "GROUP BY e.id ORDER BY e.type, count(*) DESC, e.name COLLATE NOCASE");
        s.bind(1, articleId);
        while (s.step()) {
            model::Entity e = readEntity(s);
            e.mentions = s.integer(5);
            e.articles = s.integer(6);
            index.insert(e.id, out.size());
            out.append(e);
        }
    }
    Statement m = m_db.cached("SELECT entity_id, start, end FROM mentions WHERE article_id = ?1 ORDER BY start, end");
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
        Statement a = m_db.cached("SELECT entity_id, alias FROM entity_aliases ORDER BY alias");
        while (a.step())
            aliases[a.int64(0)].append(a.text(1));
    }
    QList<model::Entity> out;
    Statement s = m_db.cached(
        "SELECT e.id, e.name, e.type, e.confirmed, e.decided_by, count(m.id), count(DISTINCT m.article_id) "
        "FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id "
        "HAVING count(m.id) > 0 OR e.confirmed = 1 ORDER BY e.name COLLATE NOCASE, e.id");
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
    Statement s = m_db.cached("SELECT id, entity_id, article_id, start, end, text, manual FROM mentions "
                              "WHERE entity_id = ?1 AND (?2 = 0 OR article_id = ?2) ORDER BY article_id, start");
    s.bind(1, entityId).bind(2, articleId);
    while (s.step())
        out.append({s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4), s.text(5), s.int64(6) != 0});
    return out;
}

QList<model::Mention> EntityRepository::articleMentions(qint64 articleId)
{
    QList<model::Mention> out;
    Statement s = m_db.cached("SELECT id, entity_id, article_id, start, end, text, manual FROM mentions "
                              "WHERE article_id = ?1 ORDER BY start, end");
    s.bind(1, articleId);
    while (s.step())
        out.append({s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4), s.text(5), s.int64(6) != 0});
    return out;
}

QList<model::RejectedName> EntityRepository::rejections()
{
    QList<model::RejectedName> out;
    Statement s = m_db.cached("SELECT name, coder FROM rejected_names ORDER BY name COLLATE NOCASE");
    while (s.step())
        out.append({s.text(0), s.text(1)});
    return out;
}

void EntityRepository::insertRejected(const model::RejectedName &rejected)
{
    Statement s = m_db.cached("INSERT OR IGNORE INTO rejected_names(name_key, name, coder) VALUES(?1, ?2, ?3)");
    s.bind(1, aliasKey(rejected.name)).bind(2, rejected.name).bind(3, QStringView(rejected.coder));
    s.exec();
}

QStringList EntityRepository::rejectedNames()
{
    QStringList out;
    Statement s = m_db.cached("SELECT name FROM rejected_names ORDER BY name COLLATE NOCASE");
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
        Statement e = m_db.cached("SELECT id, name, type, confirmed, created, decided_by FROM entities WHERE id = ?1");
        e.bind(1, id);
        if (e.step())
            snap.entities.append({e.int64(0), e.text(1), e.text(2), e.int64(3) != 0, e.text(4), e.text(5)});
        Statement a
            = m_db.cached("SELECT alias_key, entity_id, alias, manual FROM entity_aliases WHERE entity_id = ?1");
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
        Statement a
            = m_db.cached("SELECT alias_key, entity_id, alias, manual FROM entity_aliases WHERE alias_key = ?1");
        a.bind(1, key);
        if (a.step())
            snap.aliases.append({a.text(0), a.int64(1), a.text(2), a.int64(3) != 0});
        else
            snap.aliases.append({key, 0, QString(), false}); // did not exist: restore removes it
    }
    for (const QString &key : rejectedKeys) {
        Statement r = m_db.cached("SELECT name, coder FROM rejected_names WHERE name_key = ?1");
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
        Statement d = m_db.cached("DELETE FROM entities WHERE id = ?1");
        d.bind(1, id);
        d.exec();
    }
    for (const EntitySnapshot::Alias &a : snap.aliases) {
        Statement d = m_db.cached("DELETE FROM entity_aliases WHERE alias_key = ?1");
        d.bind(1, a.key);
        d.exec();
    }
    for (const QString &key : snap.rejectedKeys) {
        Statement d = m_db.cached("DELETE FROM rejected_names WHERE name_key = ?1");
        d.bind(1, key);
        d.exec();
    }
    for (const EntitySnapshot::Row &e : snap.entities) {
        Statement i = m_db.cached(
            "INSERT INTO entities(id, name, type, confirmed, created, decided_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        i.bind(1, e.id)
            .bind(2, e.name)
            .bind(3, e.type)
            .bind(4, e.confirmed ? 1 : 0)
            .bind(5, e.created)
            .bind(6, QStringView(e.decidedBy));
        i.exec();
    }
    for (const EntitySnapshot::Alias &a : snap.aliases) {
        if (a.entityId == 0)
            continue;
        Statement i = m_db.cached("INSERT OR REPLACE INTO entity_aliases(alias_key, entity_id, alias, manual) "
                                  "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS(SELECT 1 FROM entities WHERE id = ?2)");
        i.bind(1, a.key).bind(2, a.entityId).bind(3, a.alias).bind(4, a.manual ? 1 : 0);
        i.exec();
    }
    for (const model::Mention &m : snap.mentions) {
        Statement i
            = m_db.cached("INSERT OR REPLACE INTO mentions(id, entity_id, article_id, start, end, text, manual) "
                          "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS(SELECT 1 FROM articles WHERE id = ?3) "
                          "AND EXISTS(SELECT 1 FROM entities WHERE id = ?2)");
        i.bind(1, m.id)
            .bind(2, m.entityId)
            .bind(3, m.articleId)
            .bind(4, m.start)
            .bind(5, m.end)
            .bind(6, m.text)
            .bind(7, m.manual ? 1 : 0);
        i.exec();
    }
    for (const EntitySnapshot::Rejected &r : snap.rejected) {
        Statement i = m_db.cached("INSERT OR REPLACE INTO rejected_names(name_key, name, coder) VALUES(?1, ?2, ?3)");
        i.bind(1, r.key).bind(2, r.name).bind(3, QStringView(r.coder));
        i.exec();
    }
    tx.commit();
    return now;
}

void EntityRepository::decidedBy(qint64 id, const QString &coder)
{
    Statement s = m_db.cached("UPDATE entities SET decided_by = ?2 WHERE id = ?1");
    s.bind(1, id).bind(2, QStringView(coder));
    s.exec();
}

EntitySnapshot EntityRepository::confirm(qint64 id, bool confirmed, const QString &coder)
{
    Transaction tx(m_db);
    EntitySnapshot snap = snapshot({id});
    Statement s = m_db.cached("UPDATE entities SET confirmed = ?2, decided_by = ?3 WHERE id = ?1");
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
        Statement r = m_db.cached("INSERT OR REPLACE INTO rejected_names(name_key, name, coder) VALUES(?1, ?2, ?3)");
        r.bind(1, aliasKey(n)).bind(2, n).bind(3, QStringView(coder));
        r.exec();
    }
    Statement d = m_db.cached("DELETE FROM entities WHERE id = ?1");
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
    Statement s = m_db.cached("UPDATE entities SET name = ?2, decided_by = ?3 WHERE id = ?1");
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
    Statement s = m_db.cached("UPDATE entities SET type = ?2, decided_by = ?3 WHERE id = ?1");
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
    Statement a = m_db.cached("UPDATE entity_aliases SET entity_id = ?1, manual = 1 WHERE entity_id = ?2");
    a.bind(1, kept).bind(2, gone);
    a.exec();
    Statement m = m_db.cached("UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2");
    m.bind(1, kept).bind(2, gone);
    m.exec();
    Statement c
        = m_db.cached("UPDATE entities SET confirmed = max(confirmed, (SELECT confirmed FROM entities WHERE id = ?2)), "
                      "decided_by = ?3 WHERE id = ?1");
    c.bind(1, kept).bind(2, gone).bind(3, QStringView(coder));
    c.exec();
    Statement d = m_db.cached("DELETE FROM entities WHERE id = ?1");
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
    Statement d = m_db.cached("DELETE FROM entity_aliases WHERE alias_key = ?1");
    d.bind(1, key);
    d.exec();
    Statement s = m_db.cached("INSERT INTO entities(name, type, created, decided_by) VALUES(?1, ?2, ?3, ?4)");
    s.bind(1, alias.trimmed())
        .bind(2, model::entityTypeName(entity->type))
        .bind(3, nowText())
        .bind(4, QStringView(coder));
    s.exec();
    const qint64 newId = m_db.lastInsertId();
    decidedBy(id, coder);
    addAliasRow(newId, alias.trimmed(), true);
    for (const model::Mention &m : mentions(id)) {
        if (aliasKey(m.text) != key)
            continue;
        Statement u = m_db.cached("UPDATE mentions SET entity_id = ?1 WHERE id = ?2");
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
        Statement s = m_db.cached("SELECT DISTINCT text FROM mentions");
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
        Statement s = m_db.cached("SELECT DISTINCT entity_id FROM mentions WHERE text = ?1 AND manual = 0");
        s.bind(1, t);
        while (s.step())
            if (!ids.contains(s.int64(0)))
                ids.append(s.int64(0));
    }
    EntitySnapshot snap = snapshot(ids, {key}, {key});
    addAliasRow(id, trimmed, true);
    decidedBy(id, coder);
    Statement r = m_db.cached("DELETE FROM rejected_names WHERE name_key = ?1");
    r.bind(1, key);
    r.exec();
    for (const QString &t : std::as_const(texts)) {
        Statement u = m_db.cached("UPDATE mentions SET entity_id = ?1 WHERE text = ?2 AND manual = 0");
        u.bind(1, id).bind(2, t);
        u.exec();
    }
    tx.commit();
    return snap;
}

EntitySnapshot EntityRepository::markSpan(
    qint64 articleId, qint64 start, qint64 end, model::EntityType type, const QString &coder, qint64 *entityId)
{
    Statement b = m_db.cached("SELECT substr(body, ?2 + 1, ?3 - ?2) FROM articles WHERE id = ?1");
    b.bind(1, articleId).bind(2, start).bind(3, end);
    if (start < 0 || end <= start || !b.step())
        return {};
    const QString text = b.text(0);
    b.reset();
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
        Statement o
            = m_db.cached("SELECT id, entity_id FROM mentions WHERE article_id = ?1 AND start < ?3 AND ?2 < end");
        o.bind(1, articleId).bind(2, start).bind(3, end);
        while (o.step()) {
            overlapped.append(o.int64(0));
            if (!ids.contains(o.int64(1)))
                ids.append(o.int64(1));
        }
    }
    EntitySnapshot snap = snapshot(ids, {key}, {key});
    for (const qint64 mention : std::as_const(overlapped)) {
        Statement d = m_db.cached("DELETE FROM mentions WHERE id = ?1");
        d.bind(1, mention);
        d.exec();
    }
    if (!target) {
        Statement s
            = m_db.cached("INSERT INTO entities(name, type, confirmed, created, decided_by) VALUES(?1, ?2, 1, ?3, ?4)");
        s.bind(1, text.trimmed()).bind(2, model::entityTypeName(type)).bind(3, nowText()).bind(4, QStringView(coder));
        s.exec();
        target = m_db.lastInsertId();
        snap.entityIds.append(target);
        if (entityForKey(key) == 0)
            addAliasRow(target, text.trimmed(), true);
    } else {
        addAliasRow(target, text.trimmed(), true);
        decidedBy(target, coder);
    }
    Statement r = m_db.cached("DELETE FROM rejected_names WHERE name_key = ?1");
    r.bind(1, key);
    r.exec();
    Statement ins = m_db.cached(
        "INSERT INTO mentions(entity_id, article_id, start, end, text, manual) VALUES(?1, ?2, ?3, ?4, ?5, 1)");
    ins.bind(1, target).bind(2, articleId).bind(3, start).bind(4, end).bind(5, text);
    ins.exec();
    tx.commit();
    if (entityId)
        *entityId = target;
    return snap;
}

} // namespace gloss::storage::sqlite
