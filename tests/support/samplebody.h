#pragma once

#include <QString>

namespace gloss::test {

// The body of a sample news-text article as Gloss imports it (decoded and read by the importer's
// own news-text reader), for the gold evaluations. Empty, with `error` set, when it cannot be read.
QString sampleBody(const QString &path, QString &error);

} // namespace gloss::test
