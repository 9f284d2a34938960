#pragma once

#include "model/articleset.h"
#include "operations/change.h"

#include <QList>
#include <QString>

#include <optional>

namespace gloss::operations {

class Writer;

// Named sets of articles. Each write is one transaction and returns its Undo; a deleted set
// brought back keeps its id, name and articles.
class Sets final
{
public:
    explicit Sets(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Sets)

    // Every set by name, with its number of articles.
    QList<model::ArticleSet> all();
    std::optional<model::ArticleSet> set(qint64 id);
    std::optional<qint64> find(const QString &name);
    // The ids of the set's articles, ascending.
    QList<qint64> articles(qint64 setId);

    // A new set holding `articleIds` (possibly none); *id gets its id.
    Undo create(const QString &name, const QList<qint64> &articleIds = {}, qint64 *id = nullptr);
    Undo rename(qint64 id, const QString &name);
    // Deletes the set (its articles stay in the project).
    Undo remove(qint64 id);
    // Adds the articles not yet in the set; the undo takes out only those.
    Undo addArticles(qint64 setId, const QList<qint64> &articleIds);
    // Takes out the articles that are in the set; the undo puts back only those.
    Undo removeArticles(qint64 setId, const QList<qint64> &articleIds);

private:
    Undo restore(const model::ArticleSet &set, const QList<qint64> &articleIds);
    model::ArticleSet existing(qint64 id);
    void checkName(const QString &name, qint64 self);

    Writer &m_writer;
};

} // namespace gloss::operations
