#include "storage/sqlite/articlerepository.h"

#include "model/contenthash.h"
#include "search/ftsquery.h"
#include "storage/error.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/transaction.h"
#include "text/codepoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace gloss::storage::sqlite {

struct ArticleRepository::Where
{
    QByteArray sql; // fixed SQL fragments only; every value is a bound parameter
    QList<QVariant> values;

    void bindTo(Statement &stmt, int first = 1) const
    {
        int i = first;
        for (const QVariant &v : values) {
            if (v.typeId() == QMetaType::LongLong)
                stmt.bind(i++, v.toLongLong());
            else
                stmt.bind(i++, v.toString());
        }
    }
};

ArticleRepository::Where ArticleRepository::where(const model::ArticleFilter &filter)
{
    Where w;
    QList<QByteArray> clauses;
    const QString fts = search::toFtsQuery(filter.search);
    if (!fts.isEmpty()) {
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
        w.values.append(fts);
    } else if (!filter.search.trimmed().isEmpty()) {
        clauses.append("0"); // the text had nothing searchable: nothing matches
    }
    if (filter.tagId) {
        clauses.append("a.id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN sub ON "
                       "t.parent_id = sub.id) "
                       "SELECT h.article_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id "
                       "WHERE ht.tag_id IN sub "
                       "UNION SELECT at.article_id FROM article_tags at WHERE at.tag_id IN sub)");
        w.values.append(filter.tagId);
    }
    if (filter.setId) {
        clauses.append("a.id IN (SELECT article_id FROM set_articles WHERE set_id = ?)");
        w.values.append(filter.setId);
    }
    if (filter.entityId) {
        clauses.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)");
        w.values.append(filter.entityId);
    }
    for (const auto &[name, value] : filter.variables) {
        clauses.append(
            "a.id IN (SELECT article_id FROM article_variables WHERE name = ? AND value = ? COLLATE NOCASE)");
        w.values.append(name);
        w.values.append(value);
    }
    // Done marks: done by each of doneBy; not done by any of notDoneBy.
    for (const QString &coder : filter.doneBy) {
        clauses.append("a.id IN (SELECT article_id FROM done_marks WHERE coder = ?)");
        w.values.append(coder);
    }
    for (const QString &coder : filter.notDoneBy) {
        clauses.append("a.id NOT IN (SELECT article_id FROM done_marks WHERE coder = ?)");
        w.values.append(coder);
    }
    if (filter.from.isValid()) {
        clauses.append("a.published >= ?");
        w.values.append(filter.from.toString(Qt::ISODate));
    }
    if (filter.to.isValid()) {
        clauses.append("a.published <= ?");
        w.values.append(filter.to.toString(Qt::ISODate));
    }
    if (!clauses.isEmpty())
        w.sql = " WHERE " + clauses.join(" AND ");
    return w;
}

namespace {

QByteArray orderBy(model::ArticleOrder order, bool ascending)
{
    const QByteArray dir = ascending ? " ASC" : " DESC";
    switch (order) {
    case model::ArticleOrder::Published:
        return " ORDER BY a.published IS NULL, a.published" + dir + ", a.id" + dir;
    case model::ArticleOrder::Title:
        return " ORDER BY a.title COLLATE NOCASE" + dir + ", a.id" + dir;
    case model::ArticleOrder::Source:
        return " ORDER BY a.source COLLATE NOCASE" + dir + ", a.id" + dir;
    case model::ArticleOrder::Highlights:
        return " ORDER BY (SELECT count(*) FROM highlights h WHERE h.article_id = a.id)" + dir + ", a.id" + dir;
    case model::ArticleOrder::Id:
        break;
    }
    return " ORDER BY a.id" + dir;
}

model::Article readArticle(Statement &s)
{
    model::Article a;
    a.id = s.int64(0);
    a.title = s.text(1);
    a.published = s.date(2);
    a.retrieved = s.date(3);
    a.dateline = s.text(4);
    a.datelineEnd = s.int64(5);
    a.source = s.text(6);
    a.url = s.text(7);
    a.author = s.text(8);
    a.path = s.text(9);
    a.contentHash = s.text(10);
    a.words = s.integer(11);
    a.imported = s.dateTime(12);
    a.body = s.text(13);
    return a;
}

} // namespace

qint64 ArticleRepository::insert(model::Article &article)
{
    return insertImpl(article, true);
}

qint64 ArticleRepository::insertImpl(model::Article &article, bool index)
{
    if (article.contentHash.isEmpty())
        article.contentHash = model::contentHash(article.title, article.body);
    if (article.words == 0)
        article.words = text::wordCount(article.body);
    if (!article.imported.isValid())
        article.imported = QDateTime::currentDateTimeUtc();

    Transaction tx(m_db);
    Statement s = m_db.cached(
        "INSERT INTO articles(title, published, retrieved, dateline, dateline_end, source, url, author, path, "
        "content_hash, words, imported, body) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)");
    s.bind(1, article.title)
        .bind(2, article.published)
        .bind(3, article.retrieved)
        .bind(4, QStringView(article.dateline))
        .bind(5, article.datelineEnd)
        .bind(6, QStringView(article.source))
        .bind(7, QStringView(article.url))
        .bind(8, QStringView(article.author))
        .bind(9, QStringView(article.path))
        .bind(10, article.contentHash)
        .bind(11, article.words)
        .bind(12, article.imported)
        .bind(13, article.body);
    s.exec();
    article.id = m_db.lastInsertId();
    if (index)
        addToIndex(article.id, article.title, article.body);
    insertVariables(article.id, article.variables);
    tx.commit();
    return article.id;
}

qint64 ArticleRepository::insertUnindexed(model::Article &article)
{
    return insertImpl(article, false);
}

void ArticleRepository::addToIndex(qint64 id, const QString &title, const QString &body)
{
    Statement f = m_db.cached("INSERT INTO articles_fts(rowid, title, body) VALUES(?1, ?2, ?3)");
    f.bind(1, id).bind(2, title).bind(3, body);
    f.exec();
}

std::optional<model::Article> ArticleRepository::get(qint64 id)
{
    Statement s
        = m_db.cached("SELECT id, title, published, retrieved, dateline, dateline_end, source, url, author, path, "
                      "content_hash, words, imported, body FROM articles WHERE id = ?1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    model::Article article = readArticle(s);
    article.variables = variables(id);
    return article;
}

bool ArticleRepository::exists(qint64 id)
{
    Statement s = m_db.cached("SELECT 1 FROM articles WHERE id = ?1");
    s.bind(1, id);
    return s.step();
}

std::optional<qint64> ArticleRepository::findByHash(const QString &hash)
{
    Statement s = m_db.cached("SELECT id FROM articles WHERE content_hash = ?1");
    s.bind(1, hash);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

void ArticleRepository::remove(qint64 id)
{
    Transaction tx(m_db);
    Statement s = m_db.cached("SELECT title, body FROM articles WHERE id = ?1");
    s.bind(1, id);
    if (s.step()) {
        Statement d
            = m_db.cached("INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES('delete', ?1, ?2, ?3)");
        d.bind(1, id).bind(2, s.text(0)).bind(3, s.text(1));
        d.exec();
    }
    Statement del = m_db.cached("DELETE FROM articles WHERE id = ?1");
    del.bind(1, id);
    del.exec();
    tx.commit();
}

qint64 ArticleRepository::count(const model::ArticleFilter &filter)
{
    const Where w = where(filter);
    Statement s = m_db.prepare(QByteArray("SELECT count(*) FROM articles a" + w.sql).constData());
    w.bindTo(s);
    s.step();
    return s.int64(0);
}

QList<model::ArticleSummary> ArticleRepository::list(
    const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending, qint64 offset, qint64 limit)
{
    // The page of ids first (an index scan for the usual orders), then the columns for that page
    // only: SQLite would otherwise compute the counts for every article before sorting.
    const Where w = where(filter);
    const QByteArray ordering = orderBy(order, ascending);
    const QByteArray sql = "SELECT a.id, a.title, a.published, a.source, "
                           "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id), "
                           "(SELECT group_concat(name, ', ') FROM (SELECT DISTINCT t.name FROM article_tags at "
                           "JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id)) "
                           "FROM (SELECT a.id FROM articles a"
        + w.sql + ordering + " LIMIT ? OFFSET ?) page JOIN articles a ON a.id = page.id" + ordering;
    Statement s = m_db.prepare(sql.constData());
    w.bindTo(s);
    s.bind(int(w.values.size()) + 1, limit).bind(int(w.values.size()) + 2, offset);
    QList<model::ArticleSummary> rows;
    while (s.step()) {
        model::ArticleSummary r;
        r.id = s.int64(0);
        r.title = s.text(1);
        r.published = s.date(2);
        r.source = s.text(3);
        r.highlights = s.integer(4);
        r.tags = s.text(5);
        rows.append(r);
    }
    return rows;
}

// The snippet marks matched terms with char(2) and char(3), control characters that news text
// does not hold; search() turns them into match spans.
const char *const ArticleRepository::SearchSql = "SELECT a.id, a.title, a.published, a.source, "
                                                 "snippet(articles_fts, 1, char(2), char(3), '…', 24) "
                                                 "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                                                 "WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?";

QList<model::SearchHit> ArticleRepository::search(const model::ArticleFilter &filter, qint64 limit)
{
    const QString fts = search::toFtsQuery(filter.search);
    if (fts.isEmpty())
        return {};
    model::ArticleFilter rest = filter;
    rest.search.clear();
    QByteArray sql = SearchSql;
    const Where w = where(rest);
    if (!w.sql.isEmpty()) // " WHERE x AND y" joins the MATCH as " AND x AND y"
        sql.replace("WHERE articles_fts MATCH ?1", QByteArray("WHERE articles_fts MATCH ?1 AND " + w.sql.mid(7)));
    Statement s = w.sql.isEmpty() ? m_db.cached(SearchSql) : m_db.prepare(sql.constData());
    s.bind(1, fts);
    w.bindTo(s, 2); // the filter's values number on from ?2, and the limit comes last
    s.bind(2 + int(w.values.size()), limit);
    QList<model::SearchHit> hits;
    while (s.step()) {
        model::SearchHit h;
        h.id = s.int64(0);
        h.title = s.text(1);
        h.published = s.date(2);
        h.source = s.text(3);
        const QString marked = s.text(4);
        h.snippet.reserve(marked.size());
        qsizetype open = -1;
        for (const QChar c : marked) {
            if (c == QChar(2)) {
                open = h.snippet.size();
            } else if (c == QChar(3)) {
                if (open >= 0)
                    h.matches.append({open, h.snippet.size()});
                open = -1;
            } else {
                h.snippet += c;
            }
        }
        hits.append(h);
    }
    return hits;
}

QList<qint64> ArticleRepository::ids(const model::ArticleFilter &filter, model::ArticleOrder order)
{
    const Where w = where(filter);
    Statement s = m_db.prepare(QByteArray("SELECT a.id FROM articles a" + w.sql + orderBy(order, true)).constData());
    w.bindTo(s);
    QList<qint64> out;
    while (s.step())
        out.append(s.int64(0));
    return out;
}

qint64 ArticleRepository::neighbour(qint64 id, const model::ArticleFilter &filter, int step)
{
    const QList<qint64> all = ids(filter);
    const qsizetype at = all.indexOf(id);
    if (at < 0)
        return all.isEmpty() ? 0 : all.first();
    const qsizetype next = at + step;
    if (next < 0 || next >= all.size())
        return 0;
    return all.at(next);
}

void ArticleRepository::insertVariables(qint64 articleId, const model::Variables &variables)
{
    int position = 0;
    for (const auto &[name, value] : variables) {
        // A name given twice keeps its first place and its last value.
        Statement i = m_db.cached("INSERT INTO article_variables(article_id, name, value, position) "
                                  "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(article_id, name) DO UPDATE SET value = ?3");
        i.bind(1, articleId).bind(2, name).bind(3, value).bind(4, position++);
        i.exec();
    }
}

model::Variables ArticleRepository::variables(qint64 articleId)
{
    Statement s
        = m_db.cached("SELECT name, value FROM article_variables WHERE article_id = ?1 ORDER BY position, name");
    s.bind(1, articleId);
    model::Variables out;
    while (s.step())
        out.append({s.text(0), s.text(1)});
    return out;
}

void ArticleRepository::setVariables(qint64 articleId, const model::Variables &variables)
{
    Transaction tx(m_db);
    Statement d = m_db.cached("DELETE FROM article_variables WHERE article_id = ?1");
    d.bind(1, articleId);
    d.exec();
    insertVariables(articleId, variables);
    tx.commit();
}

QStringList ArticleRepository::variableNames(const model::ArticleFilter &filter)
{
    QStringList names;
    if (filter.isEmpty()) {
        // The index on (name, value) read name by name: one seek per distinct name.
        Statement s = m_db.cached("SELECT DISTINCT name FROM article_variables ORDER BY name");
        while (s.step())
            names.append(s.text(0));
        return names;
    }
    const Where w = where(filter);
    Statement s = m_db.prepare(
        QByteArray("SELECT DISTINCT v.name FROM article_variables v WHERE v.article_id IN (SELECT a.id FROM articles a"
            + w.sql + ") ORDER BY v.name")
            .constData());
    w.bindTo(s);
    while (s.step())
        names.append(s.text(0));
    return names;
}

QHash<qint64, QString> ArticleRepository::variableValues(const QString &name, const QList<qint64> &ids)
{
    QHash<qint64, QString> out;
    Statement s = m_db.cached("SELECT value FROM article_variables WHERE article_id = ?1 AND name = ?2");
    for (const qint64 id : ids) {
        s.reset();
        s.bind(1, id).bind(2, name);
        if (s.step())
            out.insert(id, s.text(0));
    }
    return out;
}

QList<QPair<QString, qint64>> ArticleRepository::variableValueCounts(const QString &name)
{
    Statement s = m_db.cached("SELECT value, count(*) FROM article_variables WHERE name = ?1 "
                              "GROUP BY value COLLATE NOCASE ORDER BY value COLLATE NOCASE");
    s.bind(1, name);
    QList<QPair<QString, qint64>> out;
    while (s.step())
        out.append({s.text(0), s.int64(1)});
    return out;
}

QList<qint64> ArticleRepository::articleTags(qint64 articleId, const QString &coder)
{
    Statement s = m_db.cached("SELECT tag_id FROM article_tags WHERE article_id = ?1 AND coder = ?2 ORDER BY tag_id");
    s.bind(1, articleId).bind(2, QStringView(coder));
    QList<qint64> out;
    while (s.step())
        out.append(s.int64(0));
    return out;
}

void ArticleRepository::setArticleTags(qint64 articleId, const QString &coder, const QList<qint64> &tagIds)
{
    Transaction tx(m_db);
    Statement d = m_db.cached("DELETE FROM article_tags WHERE article_id = ?1 AND coder = ?2");
    d.bind(1, articleId).bind(2, QStringView(coder));
    d.exec();
    for (const qint64 tag : tagIds) {
        Statement i = m_db.cached("INSERT OR IGNORE INTO article_tags(article_id, tag_id, coder) VALUES(?1, ?2, ?3)");
        i.bind(1, articleId).bind(2, tag).bind(3, QStringView(coder));
        i.exec();
    }
    tx.commit();
}

QList<std::pair<QString, qint64>> ArticleRepository::articleTagsByCoder(qint64 articleId)
{
    Statement s = m_db.cached("SELECT coder, tag_id FROM article_tags WHERE article_id = ?1 ORDER BY coder, tag_id");
    s.bind(1, articleId);
    QList<std::pair<QString, qint64>> out;
    while (s.step())
        out.append({s.text(0), s.int64(1)});
    return out;
}

QStringList ArticleRepository::doneCoders(qint64 articleId)
{
    Statement s = m_db.cached("SELECT coder FROM done_marks WHERE article_id = ?1 ORDER BY coder");
    s.bind(1, articleId);
    QStringList out;
    while (s.step())
        out.append(s.text(0));
    return out;
}

bool ArticleRepository::setDone(qint64 articleId, const QString &coder, bool done)
{
    if (done) {
        Statement s = m_db.cached("INSERT OR IGNORE INTO done_marks(article_id, coder, marked_at) VALUES(?1, ?2, ?3)");
        s.bind(1, articleId).bind(2, QStringView(coder)).bind(3, QDateTime::currentDateTimeUtc());
        s.exec();
    } else {
        Statement s = m_db.cached("DELETE FROM done_marks WHERE article_id = ?1 AND coder = ?2");
        s.bind(1, articleId).bind(2, QStringView(coder));
        s.exec();
    }
    return m_db.changes() > 0;
}

QList<qint64> ArticleRepository::doneByAll(const QStringList &coders)
{
    QList<qint64> out;
    if (coders.isEmpty())
        return out;
    QStringList unique = coders;
    unique.removeDuplicates();
    Statement s = m_db.cached("SELECT article_id FROM done_marks WHERE coder IN (SELECT value FROM json_each(?1)) "
                              "GROUP BY article_id HAVING count(*) = ?2 ORDER BY article_id");
    s.bind(1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(unique)).toJson(QJsonDocument::Compact)))
        .bind(2, qint64(unique.size()));
    while (s.step())
        out.append(s.int64(0));
    return out;
}

} // namespace gloss::storage::sqlite
