#pragma once

#include "model/timeref.h"

#include <QList>

#include <optional>

namespace gloss::storage {

class Database;

// Time references found in articles and the researcher's overrides of them. Offsets are code
// points into the article body. Overrides are kept apart from the extraction, keyed by span.
class TimeRefRepository final
{
public:
    explicit TimeRefRepository(Database &db)
        : m_db(db)
    { }

    // Replaces what extraction found for an article (overrides stay). Each ref needs start, end,
    // text, value, granularity, range, anchor and anchorKind; ids are filled in.
    void replaceForArticle(qint64 articleId, QList<model::TimeRef> &refs);

    // The article's refs in text order, overrides applied; dismissed ones only when asked for.
    QList<model::TimeRef> forArticle(qint64 articleId, bool includeDismissed = false);
    // Refs of every article whose days overlap [from, to] (either may be invalid: unbounded),
    // overrides applied, dismissed ones and durations left out; ordered by range start.
    QList<model::TimeRef> inRange(const QDate &from, const QDate &to);
    qint64 count();

    std::optional<model::TimeRefOverride> override(qint64 articleId, qint64 start, qint64 end);
    // Stores (or replaces) a decision. Throws StorageError, with model::checkTimeValue's words, when
    // the value is not understood or the granularity is unknown.
    void setOverride(const model::TimeRefOverride &decision);
    void clearOverride(qint64 articleId, qint64 start, qint64 end);

private:
    Database &m_db;
};

} // namespace gloss::storage
