#pragma once

#include <QStringList>

namespace gloss::model {

// What `gloss check` found: SQLite's integrity and foreign-key checks plus Gloss's own
// consistency rules, and what the project holds.
struct CheckReport
{
    QStringList problems; // one line each; empty when the project is clean
    qint64 articles = 0;
    qint64 highlights = 0;
    qint64 tags = 0;
    bool clean() const { return problems.isEmpty(); }
};

} // namespace gloss::model
