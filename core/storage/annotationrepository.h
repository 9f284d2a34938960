#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gloss::storage {

// The lookups the annotation importer needs to find an exported highlight again in a project
// whose ids differ: articles by title and date, the text at a span, highlights already there.
class AnnotationRepository
{
public:
    virtual ~AnnotationRepository() = default;

    struct ArticleKey
    {
        qint64 id = 0;
        QString title;
        QDate published;
    };

    virtual std::optional<ArticleKey> article(qint64 id) = 0;
    // Articles with exactly this title and publication date (an invalid date matches no date).
    virtual QList<qint64> articlesByTitle(const QString &title, const QDate &published) = 0;
    // The text at code points [start, end) of the article's body; nothing when the span is not inside it.
    virtual std::optional<QString> textAt(qint64 articleId, qint64 start, qint64 end) = 0;
    // Highlights over exactly this span.
    virtual QList<qint64> highlightsAt(qint64 articleId, qint64 start, qint64 end) = 0;
    // Sets a highlight's times as they were in the project it came from.
    virtual void setTimes(qint64 highlightId, const QDateTime &created, const QDateTime &modified) = 0;
};

} // namespace gloss::storage
