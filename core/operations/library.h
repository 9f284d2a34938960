#pragma once

#include "model/article.h"
#include "model/articlefilter.h"
#include "operations/change.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace gloss::operations {

class Writer;

// The articles of a project: one by id, lists and counts by filter, full-text search; and their
// variables, the part of an article a researcher edits (the body never changes after import).
// A storage failure comes back as an OperationError.
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

    // Article variables: the names among the articles the filter selects, the values of one name
    // for a list of articles, and the distinct values of a name with their article counts.
    model::Variables variables(qint64 articleId);
    QStringList variableNames(const model::ArticleFilter &filter = {});
    QHash<qint64, QString> variableValues(const QString &name, const QList<qint64> &ids);
    QList<QPair<QString, qint64>> variableValueCounts(const QString &name);
    // Replaces the article's variables (names as model::variableName gives them, each once, values
    // of at most model::MaxVariableValue characters); setVariable sets one, in its place or at the
    // end, removeVariable takes one away. Each returns the Undo that puts the old ones back.
    Undo setVariables(qint64 articleId, const model::Variables &variables);
    Undo setVariable(qint64 articleId, const QString &name, const QString &value);
    Undo removeVariable(qint64 articleId, const QString &name);

    // Done marks: each coder's "I have finished coding this article" (the reader's Mark Done, `gloss
    // done`). doneCoders: who marked the article, sorted. isDone: whether the current coder
    // (Project::coder()) did. articlesDoneBy: the articles every one of `coders` marked, ascending.
    QStringList doneCoders(qint64 articleId);
    bool isDone(qint64 articleId);
    QList<qint64> articlesDoneBy(const QStringList &coders);
    // Marks (done true) or unmarks the articles for the current coder, in one write; *changed gets
    // how many changed (those already so are left). Throws OperationError::notFound for an id that
    // is no article (nothing is changed then).
    Undo setDone(const QList<qint64> &articleIds, bool done, int *changed = nullptr);
    Undo setDone(const QList<qint64> &articleIds, const QString &coder, bool done, int *changed = nullptr);

    // Whether the sample articles were ever added to this project (the default project gets them
    // on its first start only, so that articles the user deleted do not come back).
    bool samplesAdded();
    // Records that they were, with the time; not an edit the user undoes.
    void markSamplesAdded();

private:
    Writer &m_writer;
};

} // namespace gloss::operations
