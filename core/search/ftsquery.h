#pragma once

#include <QString>

namespace gloss::search {

// Turns what a researcher types in a search box into a safe FTS5 MATCH expression.
// Supported: words (all must occur), "exact phrases", OR, NOT (or a leading '-'), prefix*.
// Every word becomes a quoted FTS5 string, so no user text is ever read as FTS5 syntax.
// Returns an empty string when the text holds nothing to search for.
QString toFtsQuery(const QString &userText);

} // namespace gloss::search
