#pragma once

#include <QString>

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

} // namespace gloss::model
