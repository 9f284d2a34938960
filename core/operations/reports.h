#pragma once

#include "model/report.h"
#include "model/tag.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::operations {

class Writer;

// The reports on what was coded (README, "Reports"): retrieved passages, frequencies by period or
// by a property of the articles, and co-occurrence of tags and of entities with tags. Counting is
// the storage engine's (grouped queries), so a report over a million highlights stays fast.
// Read only.
class Reports final
{
public:
    explicit Reports(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Reports)

    // The ids of tags named by path or name, in the order given, without repeats. Throws
    // OperationError (not found) naming the first unknown tag.
    QList<qint64> tagIds(const QStringList &names);
    // The codebook in tree order, with each tag's path ("Parent > Child").
    QList<model::Tag> codebook();

    // Every highlight of the scope's tags with `contextWords` words of the body either side.
    // Ordered by `order`; by tag means in codebook order, then by date.
    QList<model::Passage> passages(
        const model::ReportScope &scope, model::PassageOrder order = model::PassageOrder::Tag, int contextWords = 8);
    model::FrequencyReport frequency(const model::ReportScope &scope, const model::FrequencyBy &by);
    // Tag x tag by `unit`; with `entities`, also entity x tag.
    model::CooccurrenceReport cooccurrence(
        const model::ReportScope &scope, model::CooccurrenceUnit unit, bool entities = false);

private:
    Writer &m_writer;
};

} // namespace gloss::operations
