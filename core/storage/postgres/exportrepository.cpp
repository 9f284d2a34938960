#include "storage/postgres/exportrepository.h"

#include "storage/postgres/connection.h"
#include "storage/postgres/scopedreads.h"
#include "storage/tagrepository.h"

namespace gloss::storage::postgres {

namespace {

// " WHERE <column> = ANY($N::bigint[])" or "" for the whole project.
QByteArray scopeWhere(const QByteArray &ids, const char *column, int param = 1)
{
    return ids.isEmpty() ? QByteArray()
                         : QByteArray(" WHERE ") + column + " = ANY($" + QByteArray::number(param) + "::bigint[])";
}

QByteArray scopeAnd(const QByteArray &ids, const char *column, int param = 1)
{
    return ids.isEmpty() ? QByteArray()
                         : QByteArray(" AND ") + column + " = ANY($" + QByteArray::number(param) + "::bigint[])";
}

// SQLite's order of articles in an export: by publication date, undated first (SQLite sorts NULL
// before any text, and compares text byte by byte), then id.
constexpr const char *ArticleOrder = " ORDER BY a.published COLLATE \"C\" NULLS FIRST, a.id";

} // namespace

QByteArray ExportRepository::scopeIds(const ExportScope &scope)
{
    return postgres::scopeIds(m_db, scope);
}

bool ExportRepository::highlights(
    const ExportScope &scope, bool wide, const std::function<bool(const HighlightExportRow &)> &sink)
{
    const QByteArray ids = scopeIds(scope);
    QByteArray sql = "SELECT a.id, a.title, a.published, a.source, h.id, h.start, h.\"end\", h.quote, ";
    sql += wide ? "(SELECT string_agg(t.tag_id::text, ',' ORDER BY t.position, t.tag_id) FROM highlight_tags t "
                  "WHERE t.highlight_id = h.id), "
                : "ht.tag_id, ";
    sql += "n.body, h.coder, h.created, h.modified FROM articles a JOIN highlights h ON h.article_id = a.id ";
    if (!wide)
        sql += "LEFT JOIN highlight_tags ht ON ht.highlight_id = h.id ";
    sql += "LEFT JOIN notes n ON n.highlight_id = h.id";
    sql += scopeWhere(ids, "a.id");
    sql += ArticleOrder;
    sql += ", h.start, h.id";
    if (!wide)
        sql += ", ht.position, ht.tag_id";
    Cursor c(m_db, sql);
    if (!ids.isEmpty())
        c.bind(1, ids.constData());
    HighlightExportRow row;
    while (c.step()) {
        const Query &s = c.row();
        row.articleId = s.int64(0);
        row.title = s.view(1);
        row.published = s.view(2);
        row.source = s.view(3);
        row.highlightId = s.int64(4);
        row.start = s.int64(5);
        row.end = s.int64(6);
        row.text = s.view(7);
        if (wide)
            row.tagIds = s.view(8);
        else
            row.tagId = s.int64(8);
        row.note = s.view(9);
        row.coder = s.view(10);
        row.created = s.view(11);
        row.modified = s.view(12);
        if (!sink(row)) {
            c.close();
            return false;
        }
    }
    c.close();
    return true;
}

QStringList ExportRepository::variableNames(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    Query s = m_db.query(QByteArray(
        "SELECT DISTINCT name COLLATE \"C\" FROM article_variables" + scopeWhere(ids, "article_id") + " ORDER BY 1"));
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
    // The scope is $1 when there is one; the variables' names follow.
    const int firstVariable = ids.isEmpty() ? 1 : 2;
    QByteArray sql = "SELECT a.id, a.title, a.published, a.retrieved, a.dateline, a.source, a.url, a.words, "
                     "(SELECT string_agg(t.tag_id::text, ',' ORDER BY t.tag_id) FROM (SELECT DISTINCT at.tag_id "
                     "FROM article_tags at WHERE at.article_id = a.id) t), "
                     // One note per coder: a named coder's note is headed by the name.
                     "(SELECT string_agg(CASE WHEN n.coder = '' THEN n.body ELSE n.coder || ': ' || n.body END, "
                     "chr(10) || chr(10) ORDER BY n.coder COLLATE \"C\") FROM notes n WHERE n.article_id = a.id), "
                     "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id), "
                     "(SELECT count(DISTINCT m.entity_id) FROM mentions m WHERE m.article_id = a.id), ";
    sql += withBody ? "a.body" : "NULL";
    // One lookup per variable in the (article_id, name) primary key.
    for (int v = 0; v < variables.size(); ++v)
        sql += ", (SELECT value FROM article_variables v WHERE v.article_id = a.id AND v.name = $"
            + QByteArray::number(v + firstVariable) + "::text)";
    sql += " FROM articles a" + scopeWhere(ids, "a.id") + ArticleOrder;
    Cursor c(m_db, sql);
    if (!ids.isEmpty())
        c.bind(1, ids.constData());
    for (int v = 0; v < variables.size(); ++v)
        c.bind(v + firstVariable, variables.at(v));
    ArticleExportRow row;
    row.variables.resize(variables.size());
    while (c.step()) {
        const Query &s = c.row();
        row.id = s.int64(0);
        row.title = s.view(1);
        row.published = s.view(2);
        row.retrieved = s.view(3);
        row.dateline = s.view(4);
        row.source = s.view(5);
        row.url = s.view(6);
        row.words = s.int64(7);
        row.tagIds = s.view(8);
        row.note = s.view(9);
        row.highlights = s.int64(10);
        row.entities = s.int64(11);
        row.body = s.view(12);
        for (int v = 0; v < variables.size(); ++v)
            row.variables[v] = s.view(13 + v);
        if (!sink(row)) {
            c.close();
            return false;
        }
    }
    c.close();
    return true;
}

bool ExportRepository::entities(const ExportScope &scope, const std::function<bool(const EntityExportRow &)> &sink)
{
    const QByteArray ids = scopeIds(scope);
    // Names sorted as SQLite's NOCASE (ASCII letters folded), then byte by byte.
    QByteArray sql
        = "SELECT e.name, e.type, "
          "(SELECT string_agg(ea.alias, chr(31) ORDER BY lower(ea.alias) COLLATE \"C\", "
          "ea.alias COLLATE \"C\") FROM entity_aliases ea WHERE ea.entity_id = e.id AND ea.alias <> e.name), "
          "count(DISTINCT m.article_id), count(m.id), min(a.published COLLATE \"C\"), "
          "max(a.published COLLATE \"C\") FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id";
    sql += scopeAnd(ids, "m.article_id");
    sql += " LEFT JOIN articles a ON a.id = m.article_id GROUP BY e.id";
    if (!ids.isEmpty())
        sql += " HAVING count(m.id) > 0";
    sql += " ORDER BY lower(e.name) COLLATE \"C\", e.name COLLATE \"C\", e.type, e.id";
    Cursor c(m_db, sql);
    if (!ids.isEmpty())
        c.bind(1, ids.constData());
    while (c.step()) {
        const Query &s = c.row();
        EntityExportRow row;
        row.name = s.text(0);
        row.type = s.text(1);
        if (!s.isNull(2))
            row.aliases = s.text(2).split(QChar(31));
        row.articles = s.int64(3);
        row.mentions = s.int64(4);
        row.firstPublished = s.text(5);
        row.lastPublished = s.text(6);
        if (!sink(row)) {
            c.close();
            return false;
        }
    }
    c.close();
    return true;
}

QHash<qint64, TagUsage> ExportRepository::tagUsage(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    const QByteArray sql = "SELECT tag_id, sum(counted), count(DISTINCT article_id) FROM ("
                           "SELECT ht.tag_id, h.article_id, 1 AS counted FROM highlight_tags ht "
                           "JOIN highlights h ON h.id = ht.highlight_id"
        + scopeWhere(ids, "h.article_id") + " UNION ALL SELECT at.tag_id, at.article_id, 0 FROM article_tags at"
        + scopeWhere(ids, "at.article_id") + ") u GROUP BY tag_id";
    Query s = m_db.query(sql);
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    QHash<qint64, TagUsage> usage;
    while (s.step())
        usage.insert(s.int64(0), {s.int64(1), s.int64(2)});
    return usage;
}

QList<model::Tag> ExportRepository::codebook()
{
    Query s = m_db.query("SELECT id, parent_id, name, color, description, position FROM tags "
                         "ORDER BY position, lower(name) COLLATE \"C\", id");
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
    return storage::TagRepository::treeOrder(flat);
}

qint64 ExportRepository::countHighlights(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    Query s = m_db.query(QByteArray("SELECT count(*) FROM highlights h" + scopeWhere(ids, "h.article_id")));
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    s.step();
    return s.int64(0);
}

qint64 ExportRepository::countArticles(const ExportScope &scope)
{
    const QByteArray ids = scopeIds(scope);
    Query s = m_db.query(QByteArray("SELECT count(*) FROM articles a" + scopeWhere(ids, "a.id")));
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
        : QByteArray("SELECT count(DISTINCT entity_id) FROM mentions WHERE article_id = ANY($1::bigint[])");
    Query s = m_db.query(sql);
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    s.step();
    return s.int64(0);
}

} // namespace gloss::storage::postgres
