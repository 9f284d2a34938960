#pragma once

#include <QString>

namespace gloss::storage::postgres {

class Connection;

// Moving a whole project between the engines (README, Team server): `gloss team push` and
// `gloss team pull`. Everything travels: articles with their variables, the codebook, every
// coder's highlights, notes, article tags and done marks, sets, entities with the decisions on
// them, dates with their corrections. Ids are kept, so the two projects export alike.

// Copies the project file `file` into the team project on `connection`, which must hold no
// articles and no codebook yet (a fresh `gloss team init`). One transaction: all or nothing.
// Returns an error in words, or an empty string.
QString pushFile(const QString &file, Connection &connection);

// Writes the team project on `connection` to a new project file `file` (written beside it under
// another name and renamed when complete, so no half-written file is ever left). Returns an
// error in words, or an empty string.
QString pullToFile(Connection &connection, const QString &file);

} // namespace gloss::storage::postgres
