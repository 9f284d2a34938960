#pragma once

#include "operations/reextraction.h"
#include "operations/writer.h"

#include <QList>

namespace gloss::operations {

// Runs `one(articleId)` for every id, `how.batch` to a write, stopping between articles once
// `how.cancel` is set: each batch commits whole, so every article is either done or as it was.
// Internal to core/operations.
template <typename F>
ReextractionResult inBatches(Writer &writer, Areas areas, const QList<qint64> &ids, const Reextraction &how, F &&one)
{
    ReextractionResult result;
    result.total = int(ids.size());
    const auto cancelled = [&] { return how.cancel && how.cancel->load(); };
    const qsizetype batch = qMax(1, how.batch);
    qsizetype next = 0;
    while (next < ids.size() && !cancelled()) {
        writer.write(areas, 0, [&] {
            const qsizetype end = qMin(next + batch, ids.size());
            for (qsizetype i = next; i < end && !cancelled(); ++i) {
                one(ids.at(i));
                ++next;
                if (how.progress)
                    how.progress(int(next), result.total);
            }
        });
        result.articles = int(next);
    }
    result.cancelled = next < ids.size();
    return result;
}

} // namespace gloss::operations
