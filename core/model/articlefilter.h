#pragma once

#include "model/variables.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace gloss::model {

// What the article list, `gloss articles` and `gloss export` select.
struct ArticleFilter
{
    QString search; // user text, translated to a safe FTS5 query
    qint64 tagId = 0; // articles with a highlight or article tag of this tag (or its children)
    qint64 setId = 0;
    QDate from;
    QDate to;
    qint64 entityId = 0; // articles mentioning this entity
    Variables variables; // articles whose variable `name` has this value (case-blind), each of them
    QStringList doneBy; // articles each of these coders marked done
    QStringList notDoneBy; // articles none of these coders marked done

    bool isEmpty() const
    {
        return search.trimmed().isEmpty() && tagId == 0 && setId == 0 && !from.isValid() && !to.isValid()
            && entityId == 0 && variables.isEmpty() && doneBy.isEmpty() && notDoneBy.isEmpty();
    }
};

enum class ArticleOrder { Published, Title, Source, Highlights, Id };

} // namespace gloss::model
