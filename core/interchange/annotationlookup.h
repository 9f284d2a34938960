#pragma once

#include "model/highlight.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace gloss::interchange {

// What placing exported highlights needs to read from a project; operations::Interchange answers
// it. A failure to read is thrown.
class AnnotationLookup
{
public:
    struct ArticleKey
    {
        qint64 id = 0;
        QString title;
        QDate published;
    };

    virtual ~AnnotationLookup() = default;

    virtual std::optional<ArticleKey> article(qint64 id) = 0;
    // Articles with exactly this title and publication date (an invalid date matches no date).
    virtual QList<qint64> articlesByTitle(const QString &title, const QDate &published) = 0;
    // The text at code points [start, end) of the article's body; nothing when the span is not inside it.
    virtual std::optional<QString> textAt(qint64 articleId, qint64 start, qint64 end) = 0;
    // The highlights over exactly this span.
    virtual QList<model::Highlight> highlightsAt(qint64 articleId, qint64 start, qint64 end) = 0;
};

} // namespace gloss::interchange
