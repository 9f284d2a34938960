#include "storage/sqlite/highlightrepository.h"

#include "storage/error.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/transaction.h"
#include "text/codepoints.h"

#include <QHash>

#include <algorithm>

namespace gloss::storage::sqlite {

namespace {

struct Span
{
    QString quote, prefix, suffix;
};

// Reads the quote and its context straight from the body with substr(), which counts code points
// like the offsets do: one substr over the quote and its context, split here. Each mention of the
// body column makes SQLite read the whole body into memory, and four of them (its length, the
// quote, the prefix, the suffix) took 240 MB at once when a highlight was made in a 60 MiB
// article (issue 15). Throws when the span is not inside the body.
Span readSpan(Database &db, qint64 articleId, qint64 start, qint64 end)
{
    const qint64 context = HighlightRepository::ContextLength;
    const qint64 from = std::max<qint64>(0, start - context);
    Statement s = db.cached("SELECT substr(body, ?2 + 1, ?3) FROM articles WHERE id = ?1");
    s.bind(1, articleId).bind(2, from).bind(3, std::max<qint64>(0, end + context - from));
    if (!s.step())
        throw StorageError(QStringLiteral("there is no article %1").arg(articleId));
    const QString window = s.text(0);
    const qsizetype have = text::codePointLength(window);
    if (start < 0 || end <= start || from + have < end) {
        Statement length = db.cached("SELECT length(body) FROM articles WHERE id = ?1");
        length.bind(1, articleId);
        length.step();
        throw StorageError(QStringLiteral("the span %1..%2 is not inside article %3 (its body has %4 characters)")
                               .arg(start)
                               .arg(end)
                               .arg(articleId)
                               .arg(length.int64(0)));
    }
    return {text::sliceCodePoints(window, start - from, end - from), text::sliceCodePoints(window, 0, start - from),
        text::sliceCodePoints(window, end - from, have)};
}

} // namespace

qint64 HighlightRepository::add(model::Highlight &h)
{
    Transaction tx(m_db);
    const Span span = readSpan(m_db, h.articleId, h.start, h.end);
    h.quote = span.quote;
    h.prefix = span.prefix;
    h.suffix = span.suffix;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!h.created.isValid())
        h.created = now;
    if (!h.modified.isValid())
        h.modified = h.created;
    Statement s
        = m_db.cached("INSERT INTO highlights(article_id, start, end, quote, prefix, suffix, coder, created, modified) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.bind(1, h.articleId)
        .bind(2, h.start)
        .bind(3, h.end)
        .bind(4, h.quote)
        .bind(5, QStringView(h.prefix))
        .bind(6, QStringView(h.suffix))
        .bind(7, QStringView(h.coder))
        .bind(8, h.created)
        .bind(9, h.modified);
    s.exec();
    h.id = m_db.lastInsertId();
    insertTags(h.id, h.tagIds);
    if (!h.note.isEmpty())
        setNote(h.id, h.note);
    tx.commit();
    return h.id;
}

void HighlightRepository::restore(const model::Highlight &h)
{
    Transaction tx(m_db);
    const Span span = readSpan(m_db, h.articleId, h.start, h.end);
    Statement s = m_db.cached(
        "INSERT INTO highlights(id, article_id, start, end, quote, prefix, suffix, coder, created, modified) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    s.bind(1, h.id)
        .bind(2, h.articleId)
        .bind(3, h.start)
        .bind(4, h.end)
        .bind(5, span.quote)
        .bind(6, QStringView(span.prefix))
        .bind(7, QStringView(span.suffix))
        .bind(8, QStringView(h.coder))
        .bind(9, h.created.isValid() ? h.created : QDateTime::currentDateTimeUtc())
        .bind(10, h.modified.isValid() ? h.modified : QDateTime::currentDateTimeUtc());
    s.exec();
    insertTags(h.id, h.tagIds);
    if (!h.note.isEmpty())
        setNote(h.id, h.note);
    tx.commit();
}

void HighlightRepository::insertTags(qint64 id, const QList<qint64> &tagIds)
{
    int position = 0;
    for (const qint64 tag : tagIds) {
        Statement t
            = m_db.cached("INSERT OR IGNORE INTO highlight_tags(highlight_id, tag_id, position) VALUES(?1, ?2, ?3)");
        t.bind(1, id).bind(2, tag).bind(3, position++);
        t.exec();
    }
}

void HighlightRepository::remove(qint64 id)
{
    Statement s = m_db.cached("DELETE FROM highlights WHERE id = ?1");
    s.bind(1, id);
    s.exec();
}

std::optional<model::Highlight> HighlightRepository::get(qint64 id)
{
    Statement s = m_db.cached(
        "SELECT h.id, h.article_id, h.start, h.end, h.quote, h.prefix, h.suffix, h.coder, h.created, "
        "h.modified, n.body FROM highlights h LEFT JOIN notes n ON n.highlight_id = h.id WHERE h.id = ?1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    model::Highlight h;
    h.id = s.int64(0);
    h.articleId = s.int64(1);
    h.start = s.int64(2);
    h.end = s.int64(3);
    h.quote = s.text(4);
    h.prefix = s.text(5);
    h.suffix = s.text(6);
    h.coder = s.text(7);
    h.created = s.dateTime(8);
    h.modified = s.dateTime(9);
    h.note = s.text(10);
    Statement t = m_db.cached("SELECT tag_id FROM highlight_tags WHERE highlight_id = ?1 ORDER BY position, tag_id");
    t.bind(1, id);
    while (t.step())
        h.tagIds.append(t.int64(0));
    return h;
}

QList<model::Highlight> HighlightRepository::forArticle(qint64 articleId)
{
    Statement s = m_db.cached(
        "SELECT h.id, h.start, h.end, h.quote, h.prefix, h.suffix, h.coder, h.created, h.modified, n.body "
        "FROM highlights h LEFT JOIN notes n ON n.highlight_id = h.id "
        "WHERE h.article_id = ?1 ORDER BY h.start, h.end, h.id");
    s.bind(1, articleId);
    QList<model::Highlight> out;
    QHash<qint64, qsizetype> index;
    while (s.step()) {
        model::Highlight h;
        h.id = s.int64(0);
        h.articleId = articleId;
        h.start = s.int64(1);
        h.end = s.int64(2);
        h.quote = s.text(3);
        h.prefix = s.text(4);
        h.suffix = s.text(5);
        h.coder = s.text(6);
        h.created = s.dateTime(7);
        h.modified = s.dateTime(8);
        h.note = s.text(9);
        index.insert(h.id, out.size());
        out.append(h);
    }
    Statement t = m_db.cached(
        "SELECT ht.highlight_id, ht.tag_id FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id "
        "WHERE h.article_id = ?1 ORDER BY ht.highlight_id, ht.position, ht.tag_id");
    t.bind(1, articleId);
    while (t.step()) {
        const auto it = index.constFind(t.int64(0));
        if (it != index.constEnd())
            out[*it].tagIds.append(t.int64(1));
    }
    return out;
}

qint64 HighlightRepository::count()
{
    Statement s = m_db.cached("SELECT count(*) FROM highlights");
    s.step();
    return s.int64(0);
}

void HighlightRepository::touch(qint64 id)
{
    Statement s = m_db.cached("UPDATE highlights SET modified = ?2 WHERE id = ?1");
    s.bind(1, id).bind(2, QDateTime::currentDateTimeUtc());
    s.exec();
}

void HighlightRepository::setRange(qint64 id, qint64 start, qint64 end)
{
    Transaction tx(m_db);
    const auto h = get(id);
    if (!h)
        throw StorageError(QStringLiteral("there is no highlight %1").arg(id));
    const Span span = readSpan(m_db, h->articleId, start, end);
    Statement s
        = m_db.cached("UPDATE highlights SET start = ?2, end = ?3, quote = ?4, prefix = ?5, suffix = ?6 WHERE id = ?1");
    s.bind(1, id)
        .bind(2, start)
        .bind(3, end)
        .bind(4, span.quote)
        .bind(5, QStringView(span.prefix))
        .bind(6, QStringView(span.suffix));
    s.exec();
    touch(id);
    tx.commit();
}

void HighlightRepository::setTags(qint64 id, const QList<qint64> &tagIds)
{
    Transaction tx(m_db);
    Statement d = m_db.cached("DELETE FROM highlight_tags WHERE highlight_id = ?1");
    d.bind(1, id);
    d.exec();
    insertTags(id, tagIds);
    touch(id);
    tx.commit();
}

void HighlightRepository::addTag(qint64 id, qint64 tagId)
{
    Transaction tx(m_db);
    Statement s
        = m_db.cached("INSERT OR IGNORE INTO highlight_tags(highlight_id, tag_id, position) "
                      "SELECT ?1, ?2, ifnull(max(position) + 1, 0) FROM highlight_tags WHERE highlight_id = ?1");
    s.bind(1, id).bind(2, tagId);
    s.exec();
    touch(id);
    tx.commit();
}

void HighlightRepository::removeTag(qint64 id, qint64 tagId)
{
    Transaction tx(m_db);
    Statement s = m_db.cached("DELETE FROM highlight_tags WHERE highlight_id = ?1 AND tag_id = ?2");
    s.bind(1, id).bind(2, tagId);
    s.exec();
    touch(id);
    tx.commit();
}

void HighlightRepository::setNote(qint64 highlightId, const QString &text)
{
    Transaction tx(m_db);
    if (text.isEmpty()) {
        Statement d = m_db.cached("DELETE FROM notes WHERE highlight_id = ?1");
        d.bind(1, highlightId);
        d.exec();
    } else {
        Statement s = m_db.cached(
            "INSERT INTO notes(highlight_id, body, modified, coder) "
            "VALUES(?1, ?2, ?3, (SELECT coder FROM highlights WHERE id = ?1)) "
            "ON CONFLICT(highlight_id) WHERE highlight_id IS NOT NULL DO UPDATE SET body = excluded.body, "
            "modified = excluded.modified");
        s.bind(1, highlightId).bind(2, text).bind(3, QDateTime::currentDateTimeUtc());
        s.exec();
    }
    touch(highlightId);
    tx.commit();
}

QString HighlightRepository::note(qint64 highlightId)
{
    Statement s = m_db.cached("SELECT body FROM notes WHERE highlight_id = ?1");
    s.bind(1, highlightId);
    return s.step() ? s.text(0) : QString();
}

void HighlightRepository::setArticleNote(qint64 articleId, const QString &coder, const QString &text)
{
    if (text.isEmpty()) {
        Statement d = m_db.cached("DELETE FROM notes WHERE article_id = ?1 AND coder = ?2");
        d.bind(1, articleId).bind(2, QStringView(coder));
        d.exec();
        return;
    }
    Statement s
        = m_db.cached("INSERT INTO notes(article_id, body, modified, coder) VALUES(?1, ?2, ?3, ?4) "
                      "ON CONFLICT(article_id, coder) WHERE article_id IS NOT NULL DO UPDATE SET body = excluded.body, "
                      "modified = excluded.modified");
    s.bind(1, articleId).bind(2, text).bind(3, QDateTime::currentDateTimeUtc()).bind(4, QStringView(coder));
    s.exec();
}

QString HighlightRepository::articleNote(qint64 articleId, const QString &coder)
{
    Statement s = m_db.cached("SELECT body FROM notes WHERE article_id = ?1 AND coder = ?2");
    s.bind(1, articleId).bind(2, QStringView(coder));
    return s.step() ? s.text(0) : QString();
}

QList<std::pair<QString, QString>> HighlightRepository::articleNotes(qint64 articleId)
{
    Statement s = m_db.cached("SELECT coder, body FROM notes WHERE article_id = ?1 ORDER BY coder");
    s.bind(1, articleId);
    QList<std::pair<QString, QString>> out;
    while (s.step())
        out.append({s.text(0), s.text(1)});
    return out;
}

} // namespace gloss::storage::sqlite
