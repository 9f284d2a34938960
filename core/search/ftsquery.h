#pragma once

#include <QList>
#include <QString>

namespace gloss::search {

// Turns what a researcher types in a search box into a safe FTS5 MATCH expression.
// Supported: words (all must occur), "exact phrases", OR, NOT (or a leading '-'), prefix*.
// Every word becomes a quoted FTS5 string, so no user text is ever read as FTS5 syntax.
// Returns an empty string when the text holds nothing to search for.
QString toFtsQuery(const QString &userText);

// The same user syntax as a PostgreSQL tsquery, for to_tsquery('simple', ...): every word or
// phrase a quoted operand (a phrase's words joined by <->), prefix* as :*, OR as |, NOT as !,
// diacritics folded as foldDiacritics() does. Returns an empty string when nothing is searchable.
QString toTsQuery(const QString &userText);

// The words and phrases of the user's text that a match shows (not the NOT-ed ones), in order.
struct SearchTerm
{
    QString text; // a word or a phrase, as typed
    bool prefix = false;
};
QList<SearchTerm> positiveTerms(const QString &userText);

// Text as the SQLite index sees it for matching (FTS5's remove_diacritics 2): diacritics taken
// off Latin letters (é -> e, ø stays ø as FTS5 keeps it), everything else unchanged. The
// PostgreSQL engine indexes and queries this form, so "sao paulo" finds "São Paulo" there too.
QString foldDiacritics(const QString &text);

// Whether FTS5's unicode61 tokenizer keeps the code point in a word: letters, digits, private
// use characters and combining marks; everything else separates words.
bool isTokenChar(char32_t c);

// Text as the PostgreSQL engine indexes it (and its queries' words): diacritics folded, and
// every character that separates words for FTS5 a space, so PostgreSQL's parser finds the words
// FTS5 finds ("example.com" is the words example and com on both engines, not a host name).
QString indexedText(const QString &text);

} // namespace gloss::search
