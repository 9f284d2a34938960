#pragma once

#include <QStringList>

namespace gloss::storage {

class Database;

// `gloss check`: SQLite's integrity and foreign-key checks plus Gloss's own consistency rules.
struct CheckReport
{
    QStringList problems; // one line each; empty when the project is clean
    qint64 articles = 0;
    qint64 highlights = 0;
    qint64 tags = 0;
    bool clean() const { return problems.isEmpty(); }
};

CheckReport checkProject(Database &db);

} // namespace gloss::storage
