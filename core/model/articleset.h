#pragma once

#include <QString>

namespace gloss::model {

// A named collection of articles, chosen by the researcher; what an export usually exports.
struct ArticleSet
{
    qint64 id = 0;
    QString name;
    int articles = 0;
};

} // namespace gloss::model
