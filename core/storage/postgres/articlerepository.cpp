#include "storage/postgres/articlerepository.h"

#include "model/contenthash.h"
#include "search/ftsquery.h"
#include "search/snippet.h"
#include "storage/error.h"
#include "storage/postgres/connection.h"
#include "text/codepoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace gloss::storage::postgres {

struct ArticleRepository::Where
{
    QByteArray sql; // fixed SQL fragments only; every value is a bound parameter
    QList<QVariant> values;

    void bindTo(Query &query, int first = 1) const
    {
        int i = first;
        for (const QVariant &v : values) {
            if (v.typeId() == QMetaType::LongLong)
                query.bind(i++, v.toLongLong());
            else
                query.bind(i++, v.toString());
        }
    }
};

ArticleRepository::Where ArticleRepository::where(const model::ArticleFilter &filter)
{
    Where w;
    QList<QByteArray> clauses;
    const QString tsquery = search::toTsQuery(filter.search);
    if (!tsquery.isEmpty()) {
        clauses.append("a.search @@ to_tsquery('simple', ?::text)");
        w.values.append(tsquery);
    } else if (!filter.search.trimmed().isEmpty()) {
        clauses.append("false"); // the text had nothing searchable: nothing matches
    }
    if (filter.tagId) {
        clauses.append("a.id IN (WITH RECURSIVE sub(id) AS (SELECT ?::bigint UNION SELECT t.id FROM tags t JOIN sub ON "
                       "t.parent_id = sub.id) "
                       "SELECT h.article_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id "
                       "WHERE ht.tag_id IN (SELECT id FROM sub) "
                       "UNION SELECT at.article_id FROM article_tags at WHERE at.tag_id IN (SELECT id FROM sub))");
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
        // SQLite's NOCASE: ASCII letters compare without case.
        clauses.append("a.id IN (SELECT article_id FROM article_variables WHERE name = ? AND "
                       "translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = "
                       "translate(?::text, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))");
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

// Numbers the ? placeholders of `sql` $first, $first+1, ... (each Where clause writes them bare).
QByteArray numbered(const QByteArray &sql, int first = 1)
{
    QByteArray out;
    out.reserve(sql.size() + 16);
    int n = first;
    for (const char c : sql) {
        if (c == '?')
            out += '$' + QByteArray::number(n++);
        else
            out += c;
    }
    return out;
}

QByteArray orderBy(model::ArticleOrder order, bool ascending)
{
    const QByteArray dir = ascending ? " ASC" : " DESC";
    switch (order) {
    case model::ArticleOrder::Published:
        return " ORDER BY a.published IS NULL, a.published" + dir + ", a.id" + dir;
    case model::ArticleOrder::Title:
        return " ORDER BY lower(a.title)" + dir + ", a.id" + dir;
    case model::ArticleOrder::Source:
        return " ORDER BY lower(a.source)" + dir + ", a.id" + dir;
    case model::ArticleOrder::Highlights:
        return " ORDER BY (SELECT count(*) FROM highlights h WHERE h.article_id = a.id)" + dir + ", a.id" + dir;
    case model::ArticleOrder::Id:
        break;
    }
    return " ORDER BY a.id" + dir;
}

model::Article readArticle(Query &s)
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
    Query s = m_db.query(
        "INSERT INTO articles(title, published, retrieved, dateline, dateline_end, source, url, author, path, "
        "content_hash, words, imported, body) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13) RETURNING id");
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
    s.step();
    article.id = s.int64(0);
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
    // The title's words are weighted A, the body's D (search() ranks them alike, as FTS5 does);
    // both are indexed as the SQLite index cuts them into words, diacritics folded.
    Query f = m_db.query("UPDATE articles SET search = setweight(to_tsvector('simple', ?2::text), 'A') || "
                         "to_tsvector('simple', ?3::text) WHERE id = ?1");
    f.bind(1, id).bind(2, search::indexedText(title)).bind(3, search::indexedText(body));
    f.exec();
}

std::optional<model::Article> ArticleRepository::get(qint64 id)
{
    Query s = m_db.query("SELECT id, title, published, retrieved, dateline, dateline_end, source, url, author, path, "
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
    Query s = m_db.query("SELECT 1 FROM articles WHERE id = ?1");
    s.bind(1, id);
    return s.step();
}

std::optional<qint64> ArticleRepository::findByHash(const QString &hash)
{
    Query s = m_db.query("SELECT id FROM articles WHERE content_hash = ?1");
    s.bind(1, hash);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

void ArticleRepository::remove(qint64 id)
{
    // The search vector is a column of the row: it goes with it.
    Query del = m_db.query("DELETE FROM articles WHERE id = ?1");
    del.bind(1, id);
    del.exec();
}

qint64 ArticleRepository::count(const model::ArticleFilter &filter)
{
    const Where w = where(filter);
    Query s = m_db.query(numbered("SELECT count(*) FROM articles a" + w.sql));
    w.bindTo(s);
    s.step();
    return s.int64(0);
}

QList<model::ArticleSummary> ArticleRepository::list(
    const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending, qint64 offset, qint64 limit)
{
    // The page of ids first, then the columns for that page only.
    const Where w = where(filter);
    const QByteArray ordering = orderBy(order, ascending);
    const QByteArray sql = "SELECT a.id, a.title, a.published, a.source, "
                           "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id), "
                           "(SELECT string_agg(name, ', ' ORDER BY name COLLATE \"C\") FROM (SELECT DISTINCT t.name "
                           "FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) d) "
                           "FROM (SELECT a.id FROM articles a"
        + w.sql + ordering + " LIMIT ?::bigint OFFSET ?::bigint) page JOIN articles a ON a.id = page.id" + ordering;
    Query s = m_db.query(numbered(sql));
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

// The best matches by cover density, title and body weighing alike as in FTS5's bm25 (on the
// sample corpus this gives the SQLite order for more queries than the title weighing more), the
// length of the article taken into account; ties by id. The snippet is made from the body in
// search::snippet(), as FTS5's snippet() makes it.
const char *const ArticleRepository::SearchSql
    = "SELECT a.id, a.title, a.published, a.source, a.body FROM articles a, to_tsquery('simple', $1::text) q "
      "WHERE a.search @@ q ORDER BY ts_rank_cd('{1,1,1,1}', a.search, q, 1) DESC, a.id LIMIT $2::bigint";

QList<model::SearchHit> ArticleRepository::search(const model::ArticleFilter &filter, qint64 limit)
{
    const QString tsquery = search::toTsQuery(filter.search);
    if (tsquery.isEmpty())
        return {};
    model::ArticleFilter rest = filter;
    rest.search.clear();
    const Where w = where(rest);
    QByteArray sql = SearchSql;
    if (!w.sql.isEmpty()) { // " WHERE x AND y" joins the match as " AND x AND y"
        sql.replace("WHERE a.search @@ q", QByteArray("WHERE a.search @@ q AND " + numbered(w.sql.mid(7), 2)));
        sql.replace("LIMIT $2::bigint", QByteArray("LIMIT $" + QByteArray::number(2 + w.values.size()) + "::bigint"));
    }
    Query s = m_db.query(sql);
    s.bind(1, tsquery);
    w.bindTo(s, 2); // the filter's values number on from $2, and the limit comes last
    s.bind(2 + int(w.values.size()), limit);
    QList<model::SearchHit> hits;
    while (s.step()) {
        model::SearchHit h;
        h.id = s.int64(0);
        h.title = s.text(1);
        h.published = s.date(2);
        h.source = s.text(3);
        const QString marked = search::snippet(s.text(4), filter.search, QChar(2), QChar(3));
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
    Query s = m_db.query(numbered("SELECT a.id FROM articles a" + w.sql + orderBy(order, true)));
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
        Query i = m_db.query("INSERT INTO article_variables(article_id, name, value, position) "
                             "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(article_id, name) DO UPDATE SET value = ?3");
        i.bind(1, articleId).bind(2, name).bind(3, value).bind(4, position++);
        i.exec();
    }
}

model::Variables ArticleRepository::variables(qint64 articleId)
{
    Query s = m_db.query(
        "SELECT name, value FROM article_variables WHERE article_id = ?1 ORDER BY position, name COLLATE \"C\"");
    s.bind(1, articleId);
    model::Variables out;
    while (s.step())
        out.append({s.text(0), s.text(1)});
    return out;
}

void ArticleRepository::setVariables(qint64 articleId, const model::Variables &variables)
{
    Transaction tx(m_db);
    Query d = m_db.query("DELETE FROM article_variables WHERE article_id = ?1");
    d.bind(1, articleId);
    d.exec();
    insertVariables(articleId, variables);
    tx.commit();
}

QStringList ArticleRepository::variableNames(const model::ArticleFilter &filter)
{
    QStringList names;
    if (filter.isEmpty()) {
        Query s = m_db.query("SELECT DISTINCT name COLLATE \"C\" FROM article_variables ORDER BY 1");
        while (s.step())
            names.append(s.text(0));
        return names;
    }
    const Where w = where(filter);
    Query s = m_db.query(numbered("SELECT DISTINCT v.name COLLATE \"C\" FROM article_variables v WHERE v.article_id IN "
                                  "(SELECT a.id FROM articles a"
        + w.sql + ") ORDER BY 1"));
    w.bindTo(s);
    while (s.step())
        names.append(s.text(0));
    return names;
}

QHash<qint64, QString> ArticleRepository::variableValues(const QString &name, const QList<qint64> &ids)
{
    QHash<qint64, QString> out;
    for (const qint64 id : ids) {
        Query s = m_db.query("SELECT value FROM article_variables WHERE article_id = ?1 AND name = ?2");
        s.bind(1, id).bind(2, name);
        if (s.step())
            out.insert(id, s.text(0));
    }
    return out;
}

QList<QPair<QString, qint64>> ArticleRepository::variableValueCounts(const QString &name)
{
    // SQLite groups and sorts by value COLLATE NOCASE (ASCII letters without case) and shows one
    // value of each group: here the smallest.
    Query s = m_db.query("SELECT min(value COLLATE \"C\"), count(*) FROM article_variables WHERE name = ?1 "
                         "GROUP BY translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') "
                         "ORDER BY translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') "
                         "COLLATE \"C\"");
    s.bind(1, name);
    QList<QPair<QString, qint64>> out;
    while (s.step())
        out.append({s.text(0), s.int64(1)});
    return out;
}

QList<qint64> ArticleRepository::articleTags(qint64 articleId, const QString &coder)
{
    Query s = m_db.query("SELECT tag_id FROM article_tags WHERE article_id = ?1 AND coder = ?2 ORDER BY tag_id");
    s.bind(1, articleId).bind(2, QStringView(coder));
    QList<qint64> out;
    while (s.step())
        out.append(s.int64(0));
    return out;
}

void ArticleRepository::setArticleTags(qint64 articleId, const QString &coder, const QList<qint64> &tagIds)
{
    Transaction tx(m_db);
    Query d = m_db.query("DELETE FROM article_tags WHERE article_id = ?1 AND coder = ?2");
    d.bind(1, articleId).bind(2, QStringView(coder));
    d.exec();
    for (const qint64 tag : tagIds) {
        Query i = m_db.query(
            "INSERT INTO article_tags(article_id, tag_id, coder) VALUES(?1, ?2, ?3) ON CONFLICT DO NOTHING");
        i.bind(1, articleId).bind(2, tag).bind(3, QStringView(coder));
        i.exec();
    }
    tx.commit();
}

QList<std::pair<QString, qint64>> ArticleRepository::articleTagsByCoder(qint64 articleId)
{
    Query s = m_db.query(
        "SELECT coder, tag_id FROM article_tags WHERE article_id = ?1 ORDER BY coder COLLATE \"C\", tag_id");
    s.bind(1, articleId);
    QList<std::pair<QString, qint64>> out;
    while (s.step())
        out.append({s.text(0), s.int64(1)});
    return out;
}

QStringList ArticleRepository::doneCoders(qint64 articleId)
{
    Query s = m_db.query("SELECT coder FROM done_marks WHERE article_id = ?1 ORDER BY coder COLLATE \"C\"");
    s.bind(1, articleId);
    QStringList out;
    while (s.step())
        out.append(s.text(0));
    return out;
}

bool ArticleRepository::setDone(qint64 articleId, const QString &coder, bool done)
{
    if (done) {
        Query s = m_db.query("INSERT INTO done_marks(article_id, coder, marked_at) VALUES(?1, ?2, ?3) "
                             "ON CONFLICT DO NOTHING");
        s.bind(1, articleId).bind(2, QStringView(coder)).bind(3, QDateTime::currentDateTimeUtc());
        s.exec();
        return s.changes() > 0;
    }
    Query s = m_db.query("DELETE FROM done_marks WHERE article_id = ?1 AND coder = ?2");
    s.bind(1, articleId).bind(2, QStringView(coder));
    s.exec();
    return s.changes() > 0;
}

QList<qint64> ArticleRepository::doneByAll(const QStringList &coders)
{
    QList<qint64> out;
    if (coders.isEmpty())
        return out;
    QStringList unique = coders;
    unique.removeDuplicates();
    Query s
        = m_db.query("SELECT article_id FROM done_marks WHERE coder IN (SELECT jsonb_array_elements_text(?1::jsonb)) "
                     "GROUP BY article_id HAVING count(*) = ?2::bigint ORDER BY article_id");
    s.bind(1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(unique)).toJson(QJsonDocument::Compact)))
        .bind(2, qint64(unique.size()));
    while (s.step())
        out.append(s.int64(0));
    return out;
}

} // namespace gloss::storage::postgres
