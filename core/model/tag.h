#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::model {

// A code in the codebook. Tags form a tree; `parentId` is 0 for a top-level tag.
struct Tag
{
    qint64 id = 0;
    qint64 parentId = 0;
    QString name;
    QString color; // "#rrggbb"
    QString description;
    int position = 0;
    int highlights = 0; // usage counts, filled by queries that ask for them
    int articles = 0;
};

// The separator of a tag's full path, as exported and typed on the command line.
inline const QString TagPathSeparator = QStringLiteral(" > ");
// The separator of a list of tag paths in one cell (the highlights-wide export, tag lists).
inline const QString TagListSeparator = QStringLiteral("; ");

// Why `name` cannot be a tag's name (empty when it can): empty, or holding a separator, so that it
// would read as two tags in a path or a list.
QString tagNameProblem(const QString &name);

// A tag's full path from the names of its ancestors and its own, top down: "Actors > Officials".
QString tagPath(const QStringList &names);
// The full path of every tag of a list that names parents before their children (as the codebook
// is listed), by id.
QHash<qint64, QString> tagPaths(const QList<Tag> &parentsFirst);

} // namespace gloss::model
