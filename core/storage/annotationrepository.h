#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gloss::storage {

class Database;

// The lookups the annotation importer needs to find an exported highlight again in a project
// whose ids differ: articles by title and date, the text at a span, highlights already there.
class AnnotationRepository final
{
public:
    explicit AnnotationRepository(Database &db)
        : m_db(db)
    { }

    struct ArticleKey
    {
        qint64 id = 0;
        QString title;
        QDate published;
    };

    std::optional<ArticleKey> article(qint64 id);
    // Articles with exactly this title and publication date (an invalid date matches no date).
    QList<qint64> articlesByTitle(const QString &title, const QDate &published);
    // The text at code points [start, end) of the article's body; nothing when the span is not inside it.
    std::optional<QString> textAt(qint64 articleId, qint64 start, qint64 end);
    // Highlights over exactly this span.
    QList<qint64> highlightsAt(qint64 articleId, qint64 start, qint64 end);
    // Sets a highlight's times as they were in the project it came from.
    void setTimes(qint64 highlightId, const QDateTime &created, const QDateTime &modified);

private:
    Database &m_db;
};

} // namespace gloss::storage
