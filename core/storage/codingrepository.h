#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gloss::storage {

// Who coded what, for comparing coders (intercoder agreement): highlights and article tags with
// their coder, read in one pass. Read only.
class CodingRepository
{
public:
    virtual ~CodingRepository() = default;

    // One tag of one highlight (start and end in code points of the body), or one article tag
    // (start = end = -1, highlightId 0).
    struct Coding
    {
        qint64 articleId = 0;
        qint64 highlightId = 0;
        qint64 tagId = 0;
        qint64 start = -1;
        qint64 end = -1;
        QString coder;
    };

    // The coders who have coded anything in the project, sorted ("" for coding with no coder).
    virtual QStringList coders() = 0;
    // The articles (by id) in which any of `coders` has coded something.
    virtual QList<qint64> codedArticles(const QStringList &coders) = 0;
    // Every article id of the project, ascending.
    virtual QList<qint64> allArticles() = 0;
    // The tagged highlights and article tags of `coders` in `articleIds`, by article then start.
    virtual void codings(
        const QStringList &coders, const QList<qint64> &articleIds, const std::function<void(const Coding &)> &sink)
        = 0;
    // The bodies' lengths in code points.
    virtual QHash<qint64, qint64> bodyLengths(const QList<qint64> &articleIds) = 0;
};

} // namespace gloss::storage
