#include "storage/postgres/tagrepository.h"

#include "model/tag.h"
#include "storage/error.h"
#include "storage/postgres/connection.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace gloss::storage::postgres {

namespace {

model::Tag readTag(const Query &s)
{
    model::Tag t;
    t.id = s.int64(0);
    t.parentId = s.isNull(1) ? 0 : s.int64(1);
    t.name = s.text(2);
    t.color = s.text(3);
    t.description = s.text(4);
    t.position = s.integer(5);
    return t;
}

// A name that would read as two tags in an export (the operations refuse it first, in words).
void checkName(const QString &name)
{
    if (const QString problem = model::tagNameProblem(name); !problem.isEmpty())
        throw StorageError(problem);
}

// SQLSTATE 23505 as Connection::fail() keeps it in StorageError::code().
bool isUniqueViolation(const StorageError &e)
{
    static const int code = QByteArray("23505").toInt(nullptr, 36);
    return e.code() == code;
}

// Runs a write that may break the unique sibling name, in its own savepoint so the caller's
// transaction goes on after the refusal, which names the tag as SQLite's engine does.
void execNamed(Connection &db, Query &s, const QString &name)
{
    Transaction tx(db);
    try {
        s.exec();
    } catch (const StorageError &e) {
        if (isUniqueViolation(e))
            throw StorageError(
                QStringLiteral("a tag named \"%1\" already exists there").arg(name), Failure::Constraint, e.code());
        throw;
    }
    tx.commit();
}

// After explicit ids (a restore): the next new tag takes an id after every one stored, and never
// one another connection has drawn meanwhile (the sequence only moves forward).
void moveIdentityPast(Connection &db)
{
    db.query("SELECT setval(pg_get_serial_sequence('tags', 'id'), "
             "GREATEST((SELECT max(id) FROM tags), nextval(pg_get_serial_sequence('tags', 'id'))))")
        .exec();
}

} // namespace

qint64 TagRepository::create(const QString &name, qint64 parentId, const QString &color, const QString &description)
{
    const QString trimmed = name.trimmed();
    checkName(trimmed);
    Transaction tx(m_db);
    Query countStmt = m_db.query("SELECT count(*) FROM tags");
    countStmt.step();
    const int existing = countStmt.integer(0);
    Query pos = m_db.query("SELECT coalesce(max(position) + 1, 0) FROM tags WHERE coalesce(parent_id, 0) = $1::bigint");
    pos.bind(1, parentId);
    pos.step();
    const int position = pos.integer(0);
    Query s = m_db.query("INSERT INTO tags(parent_id, name, color, description, position, created) "
                         "VALUES($1, $2, $3, $4, $5, $6) RETURNING id");
    s.bindId(1, parentId)
        .bind(2, trimmed)
        .bind(3, color.isEmpty() ? paletteColor(existing) : color)
        .bind(4, QStringView(description))
        .bind(5, position)
        .bind(6, QDateTime::currentDateTimeUtc());
    execNamed(m_db, s, trimmed);
    s.step();
    const qint64 id = s.int64(0);
    tx.commit();
    return id;
}

void TagRepository::restore(const model::Tag &tag)
{
    Transaction tx(m_db);
    Query s = m_db.query("INSERT INTO tags(id, parent_id, name, color, description, position, created) "
                         "VALUES($1, $2, $3, $4, $5, $6, $7)");
    s.bind(1, tag.id)
        .bindId(2, tag.parentId)
        .bind(3, tag.name)
        .bind(4, tag.color)
        .bind(5, QStringView(tag.description))
        .bind(6, tag.position)
        .bind(7, QDateTime::currentDateTimeUtc());
    s.exec();
    moveIdentityPast(m_db);
    tx.commit();
}

std::optional<model::Tag> TagRepository::get(qint64 id)
{
    Query s = m_db.query("SELECT id, parent_id, name, color, description, position FROM tags WHERE id = $1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readTag(s);
}

QList<model::Tag> TagRepository::all()
{
    return allImpl(true);
}

QList<model::Tag> TagRepository::allWithoutCounts()
{
    return allImpl(false);
}

QList<model::Tag> TagRepository::allImpl(bool counts)
{
    // SQLite's NOCASE folds ASCII letters only and compares the rest byte by byte: lower() under
    // the "C" collation does the same. Ties come in the order of the ids, as SQLite reads them.
    Query s = counts ? m_db.query("SELECT t.id, t.parent_id, t.name, t.color, t.description, t.position, "
                                  "(SELECT count(*) FROM highlight_tags ht WHERE ht.tag_id = t.id), "
                                  "(SELECT count(*) FROM (SELECT h.article_id FROM highlight_tags ht JOIN highlights h "
                                  "ON h.id = ht.highlight_id WHERE ht.tag_id = t.id "
                                  "UNION SELECT at.article_id FROM article_tags at WHERE at.tag_id = t.id) used) "
                                  "FROM tags t ORDER BY t.position, lower(t.name COLLATE \"C\"), t.id")
                     : m_db.query("SELECT t.id, t.parent_id, t.name, t.color, t.description, t.position, 0, 0 "
                                  "FROM tags t ORDER BY t.position, lower(t.name COLLATE \"C\"), t.id");
    QList<model::Tag> flat;
    while (s.step()) {
        model::Tag t = readTag(s);
        t.highlights = s.integer(6);
        t.articles = s.integer(7);
        flat.append(t);
    }
    return treeOrder(flat);
}

QHash<qint64, QString> TagRepository::colors()
{
    Query s = m_db.query("SELECT id, color FROM tags");
    QHash<qint64, QString> out;
    while (s.step())
        out.insert(s.int64(0), s.text(1));
    return out;
}

void TagRepository::rename(qint64 id, const QString &name)
{
    const QString trimmed = name.trimmed();
    checkName(trimmed);
    Query s = m_db.query("UPDATE tags SET name = $2 WHERE id = $1");
    s.bind(1, id).bind(2, trimmed);
    execNamed(m_db, s, trimmed);
}

void TagRepository::setColor(qint64 id, const QString &color)
{
    Query s = m_db.query("UPDATE tags SET color = $2 WHERE id = $1");
    s.bind(1, id).bind(2, color);
    s.exec();
}

void TagRepository::setDescription(qint64 id, const QString &description)
{
    Query s = m_db.query("UPDATE tags SET description = $2 WHERE id = $1");
    s.bind(1, id).bind(2, QStringView(description));
    s.exec();
}

void TagRepository::move(qint64 id, qint64 newParentId)
{
    // Refuse to move a tag under itself or its own descendant. The walk up ends at a tag seen
    // before: parents in a cycle (made outside Gloss) lead round for ever.
    QSet<qint64> seen;
    for (qint64 p = newParentId; p != 0 && !seen.contains(p);) {
        if (p == id)
            throw StorageError(QStringLiteral("a tag cannot be moved under itself"));
        seen.insert(p);
        const auto parent = get(p);
        p = parent ? parent->parentId : 0;
    }
    Query s = m_db.query("UPDATE tags SET parent_id = $2 WHERE id = $1");
    s.bind(1, id).bindId(2, newParentId);
    s.exec();
}

void TagRepository::merge(qint64 from, qint64 into)
{
    if (from == into)
        return;
    Transaction tx(m_db);
    Query h = m_db.query("INSERT INTO highlight_tags(highlight_id, tag_id, position) "
                         "SELECT highlight_id, $2::bigint, position FROM highlight_tags WHERE tag_id = $1::bigint "
                         "ON CONFLICT DO NOTHING");
    h.bind(1, from).bind(2, into);
    h.exec();
    Query a = m_db.query("INSERT INTO article_tags(article_id, tag_id, coder) "
                         "SELECT article_id, $2::bigint, coder FROM article_tags WHERE tag_id = $1::bigint "
                         "ON CONFLICT DO NOTHING");
    a.bind(1, from).bind(2, into);
    a.exec();
    Query c = m_db.query("SELECT id FROM tags WHERE parent_id = $1 ORDER BY id");
    c.bind(1, from);
    QList<qint64> kids;
    while (c.step())
        kids.append(c.int64(0));
    for (const qint64 kid : kids)
        move(kid, into);
    remove(from);
    tx.commit();
}

void TagRepository::remove(qint64 id)
{
    Query s = m_db.query("DELETE FROM tags WHERE id = $1");
    s.bind(1, id);
    s.exec();
}

QString TagRepository::path(qint64 id)
{
    // Up from the tag to the top, or to a tag whose parents lead back to it: that one is at the
    // top level, as treeOrder() shows it.
    QHash<qint64, qsizetype> walked; // id -> its place in parts
    QStringList parts;
    for (qint64 cur = id; cur != 0;) {
        if (const auto seen = walked.constFind(cur); seen != walked.constEnd()) {
            parts.resize(*seen + 1);
            break;
        }
        const auto tag = get(cur);
        if (!tag)
            break;
        walked.insert(cur, parts.size());
        parts.append(tag->name);
        cur = tag->parentId;
    }
    std::reverse(parts.begin(), parts.end());
    return model::tagPath(parts);
}

std::optional<qint64> TagRepository::find(const QString &pathOrName)
{
    const QStringList parts = pathOrName.split(model::TagPathSeparator);
    qint64 parent = 0;
    bool found = true;
    for (const QString &raw : parts) {
        Query s = m_db.query("SELECT id FROM tags WHERE coalesce(parent_id, 0) = $1::bigint AND name = $2");
        s.bind(1, parent).bind(2, raw.trimmed());
        if (!s.step()) {
            found = false;
            break;
        }
        parent = s.int64(0);
    }
    if (found && parent != 0)
        return parent;
    Query byName = m_db.query("SELECT id FROM tags WHERE name = $1 ORDER BY id LIMIT 2");
    byName.bind(1, pathOrName.trimmed());
    if (!byName.step())
        return std::nullopt;
    const qint64 id = byName.int64(0);
    if (byName.step())
        return std::nullopt; // ambiguous
    return id;
}

qint64 TagRepository::ensure(const QString &path)
{
    Transaction tx(m_db);
    qint64 parent = 0;
    for (const QString &raw : path.split(model::TagPathSeparator)) {
        const QString name = raw.trimmed();
        if (name.isEmpty())
            continue;
        Query s = m_db.query("SELECT id FROM tags WHERE coalesce(parent_id, 0) = $1::bigint AND name = $2");
        s.bind(1, parent).bind(2, name);
        parent = s.step() ? s.int64(0) : create(name, parent);
    }
    if (parent == 0)
        throw StorageError(QStringLiteral("a tag needs a name"));
    tx.commit();
    return parent;
}

TagRepository::Snapshot TagRepository::removeWithSnapshot(qint64 id)
{
    Transaction tx(m_db);
    Snapshot snap;
    QList<qint64> subtree{id};
    QSet<qint64> seen{id}; // parents in a cycle lead back to a tag already taken
    for (qsizetype i = 0; i < subtree.size(); ++i) {
        const auto tag = get(subtree.at(i));
        if (!tag)
            continue;
        snap.tags.append(*tag);
        Query kids = m_db.query("SELECT id FROM tags WHERE parent_id = $1 ORDER BY position, id");
        kids.bind(1, tag->id);
        while (kids.step()) {
            if (!seen.contains(kids.int64(0))) {
                seen.insert(kids.int64(0));
                subtree.append(kids.int64(0));
            }
        }
    }
    for (const model::Tag &t : std::as_const(snap.tags)) {
        Query h
            = m_db.query("SELECT highlight_id, position FROM highlight_tags WHERE tag_id = $1 ORDER BY highlight_id");
        h.bind(1, t.id);
        while (h.step())
            snap.highlightLinks.append({h.int64(0), t.id, h.integer(1)});
        Query a = m_db.query(
            "SELECT article_id, coder FROM article_tags WHERE tag_id = $1 ORDER BY article_id, coder COLLATE \"C\"");
        a.bind(1, t.id);
        while (a.step())
            snap.articleLinks.append({a.int64(0), t.id, a.text(1)});
    }
    remove(id);
    tx.commit();
    return snap;
}

void TagRepository::restore(const Snapshot &snapshot)
{
    Transaction tx(m_db);
    // In a cycle of parents (made outside Gloss) no order of the tags has each one's parent before
    // it, and PostgreSQL checks each parent at once (SQLite's engine defers the check to the
    // commit). A tag whose parent is not there yet is first its own parent, which also keeps its
    // name clear of its future siblings', and gets its parent once every tag is back.
    QSet<qint64> present;
    QList<const model::Tag *> later;
    for (const model::Tag &t : snapshot.tags) {
        bool parentThere = t.parentId == 0 || present.contains(t.parentId);
        if (!parentThere) {
            Query p = m_db.query("SELECT 1 FROM tags WHERE id = $1");
            p.bind(1, t.parentId);
            parentThere = p.step();
        }
        if (parentThere) {
            restore(t);
        } else {
            model::Tag own = t;
            own.parentId = t.id;
            restore(own);
            later.append(&t);
        }
        present.insert(t.id);
    }
    for (const model::Tag *t : std::as_const(later)) {
        Query s = m_db.query("UPDATE tags SET parent_id = $2 WHERE id = $1");
        s.bind(1, t->id).bind(2, t->parentId);
        s.exec();
    }
    for (const auto &[highlight, tag, position] : snapshot.highlightLinks) {
        Query s = m_db.query("INSERT INTO highlight_tags(highlight_id, tag_id, position) VALUES($1, $2, $3) "
                             "ON CONFLICT DO NOTHING");
        s.bind(1, highlight).bind(2, tag).bind(3, position);
        s.exec();
    }
    for (const auto &[article, tag, coder] : snapshot.articleLinks) {
        Query s = m_db.query(
            "INSERT INTO article_tags(article_id, tag_id, coder) VALUES($1, $2, $3) ON CONFLICT DO NOTHING");
        s.bind(1, article).bind(2, tag).bind(3, QStringView(coder));
        s.exec();
    }
    tx.commit();
}

TagRepository::MergeRecord TagRepository::mergeWithRecord(qint64 from, qint64 into)
{
    MergeRecord record;
    record.into = into;
    if (from == into)
        return record;
    Transaction tx(m_db);
    Query added
        = m_db.query("SELECT highlight_id FROM highlight_tags WHERE tag_id = $1::bigint "
                     "AND highlight_id NOT IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = $2::bigint) "
                     "ORDER BY highlight_id");
    added.bind(1, from).bind(2, into);
    while (added.step())
        record.addedHighlights.append(added.int64(0));
    Query addedA = m_db.query("SELECT f.article_id, f.coder FROM article_tags f WHERE f.tag_id = $1::bigint "
                              "AND NOT EXISTS (SELECT 1 FROM article_tags i WHERE i.tag_id = $2::bigint "
                              "AND i.article_id = f.article_id AND i.coder = f.coder) "
                              "ORDER BY f.article_id, f.coder COLLATE \"C\"");
    addedA.bind(1, from).bind(2, into);
    while (addedA.step())
        record.addedArticles.append({addedA.int64(0), addedA.text(1)});
    Query kids = m_db.query("SELECT id FROM tags WHERE parent_id = $1 ORDER BY position, id");
    kids.bind(1, from);
    while (kids.step())
        record.movedChildren.append(kids.int64(0));
    // The snapshot of `from` alone: its children are moved, not deleted.
    if (const auto tag = get(from))
        record.from.tags.append(*tag);
    Query h = m_db.query("SELECT highlight_id, position FROM highlight_tags WHERE tag_id = $1 ORDER BY highlight_id");
    h.bind(1, from);
    while (h.step())
        record.from.highlightLinks.append({h.int64(0), from, h.integer(1)});
    Query a = m_db.query(
        "SELECT article_id, coder FROM article_tags WHERE tag_id = $1 ORDER BY article_id, coder COLLATE \"C\"");
    a.bind(1, from);
    while (a.step())
        record.from.articleLinks.append({a.int64(0), from, a.text(1)});
    merge(from, into);
    tx.commit();
    return record;
}

void TagRepository::unmerge(const MergeRecord &record)
{
    Transaction tx(m_db);
    restore(record.from);
    const qint64 from = record.from.tags.isEmpty() ? 0 : record.from.tags.first().id;
    for (const qint64 kid : record.movedChildren)
        move(kid, from);
    for (const qint64 highlight : record.addedHighlights) {
        Query s = m_db.query("DELETE FROM highlight_tags WHERE highlight_id = $1 AND tag_id = $2");
        s.bind(1, highlight).bind(2, record.into);
        s.exec();
    }
    for (const auto &[article, coder] : record.addedArticles) {
        Query s = m_db.query("DELETE FROM article_tags WHERE article_id = $1 AND tag_id = $2 AND coder = $3");
        s.bind(1, article).bind(2, record.into).bind(3, QStringView(coder));
        s.exec();
    }
    tx.commit();
}

QList<qint64> TagRepository::paletteOrder()
{
    QList<qint64> ids;
    for (const model::Tag &t : all())
        ids.append(t.id);
    return ids;
}

} // namespace gloss::storage::postgres
