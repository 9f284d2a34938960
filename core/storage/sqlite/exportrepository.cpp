#include "storage/sqlite/exportrepository.h"

#include "storage/sqlite/articlerepository.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/scopedreads.h"
#include "storage/sqlite/tagrepository.h"

#include <QSet>

#include <sqlite3.h>

namespace gloss::storage::sqlite {

namespace {

// A text column without a copy: valid until the statement steps again.
QByteArrayView view(sqlite3_stmt *stmt, int column)
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(stmt, column)) : QByteArrayView();
}

// " WHERE <scope>" or "" for the whole project; the scope is bound as parameter ?1.
QByteArray scopeWhere(const QByteArray &ids, const char *column)
{
    return ids.isEmpty() ? QByteArray() : QByteArray(" WHERE ") + column + " IN (SELECT value FROM json_each(?1))";
}

QByteArray scopeAnd(const QByteArray &ids, const char *column)
{
    return ids.isEmpty() ? QByteArray() : QByteArray(" AND ") + column + " IN (SELECT value FROM json_each(?1))";
}

} // namespace

QByteArray ExportRepository::scopeIds(const ExportScope &scope)
{
    return sqlite::scopeIds(m_db, scope);
}

bool ExportRepository::highlights(
    const ExportScope &scope, bool wide, const std::function<bool(const HighlightExportRow &)> &sink)
{
    const QByteArray ids = scopeIds(scope);
    // Articles come in the order of the articles_published index and highlights in the order of
    // highlights_article, so SQLite sorts nothing but a highlight's few tags.
    QByteArray sql = "SELECT a.id, a.title, a.published, a.source, h.id, h.start, h.end, h.quote, ";
    sql += wide
        ? "(SELECT group_concat(tag_id) FROM (SELECT ht.tag_id FROM highlight_tags ht WHERE ht.highlight_id = h.id "
          "ORDER BY ht.position, ht.tag_id)), "
        : "ht.tag_id, ";
    sql += "n.body, h.coder, h.created, h.modified FROM articles a JOIN highlights h ON h.article_id = a.id ";
    if (!wide)
        sql += "LEFT JOIN highlight_tags ht ON ht.highlight_id = h.id ";
    sql += "LEFT JOIN notes n ON n.highlight_id = h.id AND n.highlight_id IS NOT NULL";
    sql += scopeWhere(ids, "a.id");
    sql += " ORDER BY a.published, a.id, h.start, h.id";
    if (!wide)
        sql += ", ht.position, ht.tag_id";
    const MappedReads mapped(m_db);
    Statement s = m_db.prepare(sql.constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    sqlite3_stmt *st = s.handle();
    HighlightExportRow row;
    while (s.step()) {
        row.articleId = sqlite3_column_int64(st, 0);
        row.title = view(st, 1);
        row.published = view(st, 2);
        row.source = view(st, 3);
        row.highlightId = sqlite3_column_int64(st, 4);
        row.start = sqlite3_column_int64(st, 5);
        row.end = sqlite3_column_int64(st, 6);
        row.text = view(st, 7);
        if (wide)
            row.tagIds = view(st, 8);
        else
            row.tagId = sqlite3_column_int64(st, 8);
        row.note = view(st, 9);
        row.coder = view(st, 10);
        row.created = view(st, 11);
        row.modified = view(st, 12);
        if (!sink(row))
            return false;
    }
    return true;
}

QStringList ExportRepository::variableNames(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    Statement s = m_db.prepare(
        QByteArray("SELECT DISTINCT name FROM article_variables" + scopeWhere(ids, "article_id") + " ORDER BY name")
            .constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    QStringList names;
    while (s.step())
        names.append(s.text(0));
    return names;
}

bool ExportRepository::articles(const ExportScope &scope, bool withBody, const QStringList &variables,
    const std::function<bool(const ArticleExportRow &)> &sink)
{
    const QByteArray ids = scopeIds(scope);
    QByteArray sql = "SELECT a.id, a.title, a.published, a.retrieved, a.dateline, a.source, a.url, a.words, "
                     "(SELECT group_concat(tag_id) FROM (SELECT DISTINCT at.tag_id FROM article_tags at WHERE "
                     "at.article_id = a.id "
                     "ORDER BY at.tag_id)), "
                     // One note per coder: a named coder's note is headed by the name.
                     "(SELECT group_concat(CASE WHEN n.coder = '' THEN n.body ELSE n.coder || ': ' || n.body END, "
                     "char(10) || char(10)) FROM (SELECT coder, body FROM notes WHERE article_id = a.id "
                     "AND article_id IS NOT NULL ORDER BY coder) n), "
                     "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id), "
                     "(SELECT count(DISTINCT m.entity_id) FROM mentions m WHERE m.article_id = a.id), ";
    sql += withBody ? "a.body" : "NULL";
    // One lookup per variable in the (article_id, name) primary key; the names are parameters ?2...
    for (int v = 0; v < variables.size(); ++v)
        sql += ", (SELECT value FROM article_variables v WHERE v.article_id = a.id AND v.name = ?"
            + QByteArray::number(v + 2) + ")";
    sql += " FROM articles a" + scopeWhere(ids, "a.id") + " ORDER BY a.published, a.id";
    const MappedReads mapped(m_db);
    Statement s = m_db.prepare(sql.constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    for (int v = 0; v < variables.size(); ++v)
        s.bind(v + 2, variables.at(v));
    sqlite3_stmt *st = s.handle();
    ArticleExportRow row;
    row.variables.resize(variables.size());
    while (s.step()) {
        row.id = sqlite3_column_int64(st, 0);
        row.title = view(st, 1);
        row.published = view(st, 2);
        row.retrieved = view(st, 3);
        row.dateline = view(st, 4);
        row.source = view(st, 5);
        row.url = view(st, 6);
        row.words = sqlite3_column_int64(st, 7);
        row.tagIds = view(st, 8);
        row.note = view(st, 9);
        row.highlights = sqlite3_column_int64(st, 10);
        row.entities = sqlite3_column_int64(st, 11);
        row.body = view(st, 12);
        for (int v = 0; v < variables.size(); ++v)
            row.variables[v] = view(st, 13 + v);
        if (!sink(row))
            return false;
    }
    return true;
}

bool ExportRepository::entities(const ExportScope &scope, const std::function<bool(const EntityExportRow &)> &sink)
{
    const QByteArray ids = scopeIds(scope);
    QByteArray sql = "SELECT e.name, e.type, "
                     "(SELECT group_concat(alias, char(31)) FROM (SELECT ea.alias FROM entity_aliases ea "
                     "WHERE ea.entity_id = e.id AND ea.alias <> e.name ORDER BY ea.alias COLLATE NOCASE, ea.alias)), "
                     "count(DISTINCT m.article_id), count(m.id), min(a.published), max(a.published) "
                     "FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id";
    sql += scopeAnd(ids, "m.article_id");
    sql += " LEFT JOIN articles a ON a.id = m.article_id GROUP BY e.id";
    if (!ids.isEmpty())
        sql += " HAVING count(m.id) > 0";
    sql += " ORDER BY e.name COLLATE NOCASE, e.name, e.type";
    Statement s = m_db.prepare(sql.constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    while (s.step()) {
        EntityExportRow row;
        row.name = s.text(0);
        row.type = s.text(1);
        if (!s.isNull(2))
            row.aliases = s.text(2).split(QChar(31));
        row.articles = s.int64(3);
        row.mentions = s.int64(4);
        row.firstPublished = s.text(5);
        row.lastPublished = s.text(6);
        if (!sink(row))
            return false;
    }
    return true;
}

QHash<qint64, TagUsage> ExportRepository::tagUsage(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    const QByteArray sql = "SELECT tag_id, sum(counted), count(DISTINCT article_id) FROM ("
                           "SELECT ht.tag_id, h.article_id, 1 AS counted FROM highlight_tags ht "
                           "JOIN highlights h ON h.id = ht.highlight_id"
        + scopeWhere(ids, "h.article_id") + " UNION ALL SELECT at.tag_id, at.article_id, 0 FROM article_tags at"
        + scopeWhere(ids, "at.article_id") + ") GROUP BY tag_id";
    Statement s = m_db.prepare(sql.constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    QHash<qint64, TagUsage> usage;
    while (s.step())
        usage.insert(s.int64(0), {s.int64(1), s.int64(2)});
    return usage;
}

QList<model::Tag> ExportRepository::codebook()
{
    Statement s = m_db.prepare("SELECT id, parent_id, name, color, description, position FROM tags "
                               "ORDER BY position, name COLLATE NOCASE");
    QList<model::Tag> flat;
    while (s.step()) {
        model::Tag t;
        t.id = s.int64(0);
        t.parentId = s.isNull(1) ? 0 : s.int64(1);
        t.name = s.text(2);
        t.color = s.text(3);
        t.description = s.text(4);
        t.position = s.integer(5);
        flat.append(t);
    }
    return TagRepository::treeOrder(flat);
}

qint64 ExportRepository::countHighlights(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    Statement s
        = m_db.prepare(QByteArray("SELECT count(*) FROM highlights h" + scopeWhere(ids, "h.article_id")).constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    s.step();
    return s.int64(0);
}

qint64 ExportRepository::countArticles(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    Statement s = m_db.prepare(QByteArray("SELECT count(*) FROM articles a" + scopeWhere(ids, "a.id")).constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    s.step();
    return s.int64(0);
}

qint64 ExportRepository::countEntities(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    const QByteArray sql = ids.isEmpty()
        ? QByteArray("SELECT count(*) FROM entities")
        : QByteArray(
            "SELECT count(DISTINCT entity_id) FROM mentions WHERE article_id IN (SELECT value FROM json_each(?1))");
    Statement s = m_db.prepare(sql.constData());
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    s.step();
    return s.int64(0);
}

} // namespace gloss::storage::sqlite
