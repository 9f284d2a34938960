#pragma once

#include "model/timeref.h"

#include <QList>

#include <optional>

namespace gloss::storage {

// Time references found in articles and the researcher's overrides of them. Offsets are code
// points into the article body. Overrides are kept apart from the extraction, keyed by span.
class TimeRefRepository
{
public:
    virtual ~TimeRefRepository() = default;

    // Replaces what extraction found for an article (overrides stay). Each ref needs start, end,
    // text, value, granularity, range, anchor and anchorKind; ids are filled in.
    virtual void replaceForArticle(qint64 articleId, QList<model::TimeRef> &refs) = 0;

    // The article's refs in text order, overrides applied; dismissed ones only when asked for.
    virtual QList<model::TimeRef> forArticle(qint64 articleId, bool includeDismissed = false) = 0;
    // Refs of every article whose days overlap [from, to] (either may be invalid: unbounded),
    // overrides applied, dismissed ones and durations left out; ordered by range start.
    virtual QList<model::TimeRef> inRange(const QDate &from, const QDate &to) = 0;
    virtual qint64 count() = 0;

    virtual std::optional<model::TimeRefOverride> override(qint64 articleId, qint64 start, qint64 end) = 0;
    // Every decision about an article's dates, by span.
    virtual QList<model::TimeRefOverride> overridesFor(qint64 articleId) = 0;
    // Stores (or replaces) a decision. Throws StorageError, with model::checkTimeValue's words, when
    // the value is not understood or the granularity is unknown.
    virtual void setOverride(const model::TimeRefOverride &decision) = 0;
    virtual void clearOverride(qint64 articleId, qint64 start, qint64 end) = 0;
};

} // namespace gloss::storage
