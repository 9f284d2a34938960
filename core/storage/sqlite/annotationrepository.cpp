#include "storage/sqlite/annotationrepository.h"

#include "storage/sqlite/database.h"

namespace gloss::storage::sqlite {

std::optional<AnnotationRepository::ArticleKey> AnnotationRepository::article(qint64 id)
{
    Statement s = m_db.cached("SELECT id, title, published FROM articles WHERE id = ?1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return ArticleKey{s.int64(0), s.text(1), s.date(2)};
}

QList<qint64> AnnotationRepository::articlesByTitle(const QString &title, const QDate &published)
{
    Statement s = m_db.cached("SELECT id FROM articles WHERE title = ?1 AND published IS ?2 ORDER BY id");
    s.bind(1, title.isNull() ? QStringLiteral("") : title).bind(2, published);
    QList<qint64> ids;
    while (s.step())
        ids.append(s.int64(0));
    return ids;
}

std::optional<QString> AnnotationRepository::textAt(qint64 articleId, qint64 start, qint64 end)
{
    Statement s = m_db.cached("SELECT length(body), substr(body, ?2 + 1, ?3 - ?2) FROM articles WHERE id = ?1");
    s.bind(1, articleId).bind(2, start).bind(3, end);
    if (!s.step() || start < 0 || end <= start || end > s.int64(0))
        return std::nullopt;
    return s.text(1);
}

QList<qint64> AnnotationRepository::highlightsAt(qint64 articleId, qint64 start, qint64 end)
{
    Statement s
        = m_db.cached("SELECT id FROM highlights WHERE article_id = ?1 AND start = ?2 AND end = ?3 ORDER BY id");
    s.bind(1, articleId).bind(2, start).bind(3, end);
    QList<qint64> ids;
    while (s.step())
        ids.append(s.int64(0));
    return ids;
}

void AnnotationRepository::setTimes(qint64 highlightId, const QDateTime &created, const QDateTime &modified)
{
    Statement s = m_db.cached("UPDATE highlights SET created = ?2, modified = ?3 WHERE id = ?1");
    s.bind(1, highlightId).bind(2, created).bind(3, modified);
    s.exec();
}

} // namespace gloss::storage::sqlite
