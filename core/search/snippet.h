#pragma once

#include <QString>

namespace gloss::search {

// The passage of `body` that best shows what `userText` (search box syntax, see toFtsQuery)
// found, as SQLite's FTS5 snippet() makes it for the SQLite engine: a window of `tokens` words
// chosen the way FTS5 chooses it (the most distinct terms, centred on them, a sentence start
// preferred), '…' where the window cuts the body, each match between `open` and `close`.
// Words compare without case or diacritics, as the index does; a "phrase" is marked whole, a
// prefix* marks every word it begins. The PostgreSQL engine shows its search hits with it.
QString snippet(const QString &body, const QString &userText, QChar open, QChar close, int tokens = 24);

} // namespace gloss::search
