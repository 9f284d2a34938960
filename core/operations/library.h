#pragma once

#include "model/article.h"
#include "model/articlefilter.h"

#include <QList>

#include <optional>

namespace gloss::operations {

class Writer;

// Reading the articles of a project: one by id, lists and counts by filter, full-text search.
// Reads only; a storage failure comes back as an OperationError.
class Library final
{
public:
    explicit Library(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Library)

    std::optional<model::Article> article(qint64 id);
    qint64 count(const model::ArticleFilter &filter = {});
    QList<model::ArticleSummary> list(
        const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending, qint64 offset, qint64 limit);
    // The `limit` best matches of filter.search, each with a snippet of its body.
    QList<model::SearchHit> search(const model::ArticleFilter &filter, qint64 limit);
    QList<qint64> ids(const model::ArticleFilter &filter, model::ArticleOrder order = model::ArticleOrder::Published);
    // The article `step` places from `id` in published order among those the filter selects (0: none).
    qint64 neighbour(qint64 id, const model::ArticleFilter &filter, int step);

    // Whether the sample articles were ever added to this project (the default project gets them
    // on its first start only, so that articles the user deleted do not come back).
    bool samplesAdded();
    // Records that they were, with the time; not an edit the user undoes.
    void markSamplesAdded();

private:
    Writer &m_writer;
};

} // namespace gloss::operations
