#include "storage/postgres/codingrepository.h"

#include "storage/postgres/connection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gloss::storage::postgres {

namespace {

// Lists are bound as one JSON array and read with jsonb_array_elements_text: no statement per
// length, as on SQLite.
QString jsonIds(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString jsonNames(const QStringList &names)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact));
}

} // namespace

// A coder's coding: their tagged highlights and their article tags.
QStringList CodingRepository::coders()
{
    Query s = m_db.query("SELECT coder FROM (SELECT coder FROM highlights UNION SELECT coder FROM article_tags) c "
                         "ORDER BY coder COLLATE \"C\"");
    QStringList out;
    while (s.step())
        out.append(s.text(0));
    return out;
}

QList<qint64> CodingRepository::codedArticles(const QStringList &coders)
{
    Query s = m_db.query("SELECT h.article_id FROM highlights h JOIN highlight_tags t ON t.highlight_id = h.id"
                         " WHERE h.coder IN (SELECT jsonb_array_elements_text(?1::jsonb))"
                         " UNION SELECT article_id FROM article_tags"
                         " WHERE coder IN (SELECT jsonb_array_elements_text(?1::jsonb))"
                         " ORDER BY 1");
    s.bind(1, jsonNames(coders));
    QList<qint64> ids;
    while (s.step())
        ids.append(s.int64(0));
    return ids;
}

QList<qint64> CodingRepository::allArticles()
{
    Query s = m_db.query("SELECT id FROM articles ORDER BY id");
    QList<qint64> ids;
    while (s.step())
        ids.append(s.int64(0));
    return ids;
}

void CodingRepository::codings(
    const QStringList &coders, const QList<qint64> &articleIds, const std::function<void(const Coding &)> &sink)
{
    Query s = m_db.query("SELECT h.article_id, h.id, t.tag_id, h.start, h.\"end\", h.coder"
                         " FROM highlights h JOIN highlight_tags t ON t.highlight_id = h.id"
                         " WHERE h.article_id IN (SELECT jsonb_array_elements_text(?1::jsonb)::bigint)"
                         " AND h.coder IN (SELECT jsonb_array_elements_text(?2::jsonb))"
                         " UNION ALL SELECT at.article_id, 0, at.tag_id, -1, -1, at.coder FROM article_tags at"
                         " WHERE at.article_id IN (SELECT jsonb_array_elements_text(?1::jsonb)::bigint)"
                         " AND at.coder IN (SELECT jsonb_array_elements_text(?2::jsonb))"
                         " ORDER BY 1, 4, 5, 2");
    s.bind(1, jsonIds(articleIds)).bind(2, jsonNames(coders));
    Coding c;
    while (s.step()) {
        c.articleId = s.int64(0);
        c.highlightId = s.int64(1);
        c.tagId = s.int64(2);
        c.start = s.int64(3);
        c.end = s.int64(4);
        c.coder = s.text(5);
        sink(c);
    }
}

QHash<qint64, qint64> CodingRepository::bodyLengths(const QList<qint64> &articleIds)
{
    // length() counts code points in a UTF8 database: the offsets of highlights.
    Query s = m_db.query(
        "SELECT id, length(body) FROM articles WHERE id IN (SELECT jsonb_array_elements_text(?1::jsonb)::bigint)");
    s.bind(1, jsonIds(articleIds));
    QHash<qint64, qint64> lengths;
    lengths.reserve(articleIds.size());
    while (s.step())
        lengths.insert(s.int64(0), s.int64(1));
    return lengths;
}

} // namespace gloss::storage::postgres
