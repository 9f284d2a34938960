#pragma once

#include <QString>

namespace gloss::model {

// Identity of an article across projects: the SHA-256 of its trimmed title and its body, in hex.
// Pure, so that an import computes it on the threads that read the files.
QString contentHash(const QString &title, const QString &body);

} // namespace gloss::model
