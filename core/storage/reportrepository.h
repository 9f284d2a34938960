#pragma once

#include "model/report.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace gloss::storage {

// The reads behind the reports (README, "Reports"): retrieved passages, frequencies, co-occurrence
// and the code x article matrix. Every count is made by the engine (grouped), so a report over a
// million highlights never loads them. Read only.
class ReportRepository
{
public:
    virtual ~ReportRepository() = default;

    // Every highlight of the scope's tags (each tag of a highlight a passage of its own) in
    // `order`, with up to `context` characters of the body either side. A sink returns false to
    // stop; the query then returns false.
    virtual bool passages(const model::ReportScope &scope, model::PassageOrder order, int context,
        const std::function<bool(const model::Passage &)> &sink)
        = 0;
    // Highlights and articles per bucket and tag (cells with a count only).
    virtual QList<model::FrequencyCell> frequency(const model::ReportScope &scope, const model::FrequencyBy &by) = 0;
    // Every bucket of the scope's articles with how many articles it has, buckets in order.
    virtual QList<std::pair<QString, qint64>> buckets(const model::ExportScope &scope, const model::FrequencyBy &by)
        = 0;
    // Tag pairs (tagA < tagB) and their count, by `unit`; `totals` gets, per tag, its highlights
    // (unit highlight) or the articles holding it (unit article).
    virtual QList<model::CooccurrenceCell> cooccurrence(
        const model::ReportScope &scope, model::CooccurrenceUnit unit, QHash<qint64, qint64> &totals)
        = 0;
    // Entities mentioned inside highlights of the scope's tags, most passages first.
    virtual QList<model::EntityTagCell> entityTags(const model::ReportScope &scope) = 0;
    // The code x article matrix: the scope's articles in export order (publication date, then id),
    // each with its tags' counts. A sink returns false to stop; the query then returns false.
    virtual bool matrix(const model::ExportScope &scope, const std::function<bool(const model::MatrixRow &)> &sink) = 0;
};

} // namespace gloss::storage
