#include "storage/postgres/annotationrepository.h"

#include "storage/postgres/connection.h"

#include <algorithm>

namespace gloss::storage::postgres {

std::optional<AnnotationRepository::ArticleKey> AnnotationRepository::article(qint64 id)
{
    Query s = m_db.query("SELECT id, title, published FROM articles WHERE id = $1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return ArticleKey{s.int64(0), s.text(1), s.date(2)};
}

QList<qint64> AnnotationRepository::articlesByTitle(const QString &title, const QDate &published)
{
    Query s = m_db.query(
        "SELECT id FROM articles WHERE title = $1 AND published IS NOT DISTINCT FROM $2::text ORDER BY id");
    s.bind(1, title.isNull() ? QStringLiteral("") : title).bind(2, published);
    QList<qint64> ids;
    while (s.step())
        ids.append(s.int64(0));
    return ids;
}

std::optional<QString> AnnotationRepository::textAt(qint64 articleId, qint64 start, qint64 end)
{
    // substr() refuses a negative length where SQLite reads nothing: a span that is not inside the
    // body is told from the length alone, so its text is read clamped and never used.
    Query s
        = m_db.query("SELECT length(body), substr(body, $2::int + 1, $3::int - $2::int) FROM articles WHERE id = $1");
    const qint64 from = std::clamp<qint64>(start, 0, qint64(1) << 30);
    s.bind(1, articleId).bind(2, from).bind(3, std::clamp<qint64>(end, from, qint64(1) << 30));
    if (!s.step() || start < 0 || end <= start || end > s.int64(0))
        return std::nullopt;
    return s.text(1);
}

QList<qint64> AnnotationRepository::highlightsAt(qint64 articleId, qint64 start, qint64 end)
{
    Query s = m_db.query("SELECT id FROM highlights WHERE article_id = $1 AND start = $2 AND \"end\" = $3 ORDER BY id");
    s.bind(1, articleId).bind(2, start).bind(3, end);
    QList<qint64> ids;
    while (s.step())
        ids.append(s.int64(0));
    return ids;
}

void AnnotationRepository::setTimes(qint64 highlightId, const QDateTime &created, const QDateTime &modified)
{
    Query s = m_db.query("UPDATE highlights SET created = $2, modified = $3 WHERE id = $1");
    s.bind(1, highlightId).bind(2, created).bind(3, modified);
    s.exec();
}

} // namespace gloss::storage::postgres
