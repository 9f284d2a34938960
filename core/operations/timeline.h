#pragma once

#include "model/timeref.h"
#include "operations/change.h"
#include "operations/reextraction.h"

#include <QDate>
#include <QList>

#include <optional>

namespace gloss::model {
struct Article;
}

namespace gloss::operations {

class Writer;

// The dates articles speak of: what extraction found, the researcher's overrides of it (kept apart,
// keyed by span, so a re-extraction keeps them), and re-extraction. Offsets are code points.
class Timeline final
{
public:
    explicit Timeline(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Timeline)

    // The article's references in text order, overrides applied; dismissed ones only when asked for.
    QList<model::TimeRef> forArticle(qint64 articleId, bool includeDismissed = false);
    // References of every article whose days overlap [from, to] (either may be invalid: unbounded),
    // overrides applied, dismissed ones and durations left out; ordered by range start.
    QList<model::TimeRef> inRange(const QDate &from, const QDate &to);
    qint64 count();
    std::optional<model::TimeRefOverride> override(qint64 articleId, qint64 start, qint64 end);

    // Stores (or replaces) the researcher's decision about one span: a corrected value and
    // granularity, or dismissed. Refused in model::checkTimeValue's words when the value is not
    // understood; NotFound when there is no such article.
    Undo setOverride(const model::TimeRefOverride &decision);
    // Back to what extraction found for that span.
    Undo clearOverride(qint64 articleId, qint64 start, qint64 end);

    // Stores references found in a stored article (extract::findTimeRefs), replacing an earlier
    // extraction; returns how many. One write; inside another (an import's article), part of it.
    int storeFound(qint64 articleId, QList<model::TimeRef> refs);
    // Tags the article and stores what it finds; returns how many.
    int extract(const model::Article &article);
    // "Re-extract dates" of one article: how many were stored (0 when there is no such article).
    int reextract(qint64 articleId);
    // Of every article, in batches each committed whole: see Reextraction.
    ReextractionResult reextractAll(const Reextraction &how = {});

private:
    Undo putBack(qint64 articleId, qint64 start, qint64 end, const std::optional<model::TimeRefOverride> &decision);

    Writer &m_writer;
};

} // namespace gloss::operations
