#pragma once

#include <QString>

namespace gloss::model {

// Identity of an article across projects and exports: the SHA-256, in hex, of its title and body
// after normalising what differs between two exports of one story — runs of white space (line
// breaks of a hard wrap included), letter case, typographic quotes, dashes and invisible characters,
// and copyright and database lines at either end of the body. Two copies of a story from two
// databases, or from one database in two layouts, have the same hash. Pure, so that an import
// computes it on the threads that read the files.
QString contentHash(const QString &title, const QString &body);

// The hash projects stored before normalisation (issue 16): the trimmed title and the exact body.
// Looked up beside contentHash so that a file imported before is still found as a duplicate.
QString exactContentHash(const QString &title, const QString &body);

} // namespace gloss::model
