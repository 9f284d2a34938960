#pragma once

#include <QString>

// Conversions between QString (UTF-16) positions, used inside the program, and Unicode code point
// offsets, used everywhere a user sees an offset (DESIGN.md, "Text and offsets").
namespace gloss::text {

// Number of code points in the first `utf16Pos` UTF-16 units of `s`. A position inside a
// surrogate pair counts as the start of that pair.
qsizetype toCodePoints(const QString &s, qsizetype utf16Pos);

// UTF-16 position of code point offset `cp` in `s`; -1 when `cp` is past the end.
qsizetype toUtf16(const QString &s, qsizetype cp);

// Number of code points in `s`.
qsizetype codePointLength(const QString &s);

// The text between code point offsets [start, end); an empty string when out of range.
QString sliceCodePoints(const QString &s, qsizetype start, qsizetype end);

// Counts words the way a reader does: runs of letters or digits.
int wordCount(const QString &s);

} // namespace gloss::text
