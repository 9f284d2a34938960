#pragma once

#include <QList>
#include <QString>

// Conversions between QString (UTF-16) positions, used inside the program, and Unicode code point
// offsets, used everywhere a user sees an offset (DESIGN.md, "Text and offsets").
namespace gloss::text {

// Number of code points in the first `utf16Pos` UTF-16 units of `s`. A position between the
// halves of a surrogate pair counts the pair.
qsizetype toCodePoints(const QString &s, qsizetype utf16Pos);

// UTF-16 position of code point offset `cp` in `s`; -1 when `cp` is past the end.
qsizetype toUtf16(const QString &s, qsizetype cp);

// Number of code points in `s`.
qsizetype codePointLength(const QString &s);

// The text between code point offsets [start, end); an empty string when out of range.
QString sliceCodePoints(const QString &s, qsizetype start, qsizetype end);

// Converts many offsets of one text in O(1) each: built once per article (the reader converts
// thousands of highlight, mention and date offsets when it shows one).
class OffsetMap
{
public:
    explicit OffsetMap(const QString &s);
    qsizetype toUtf16(qsizetype cp) const; // clamped to the text
    qsizetype toCodePoints(qsizetype utf16) const; // clamped to the text

private:
    QList<qsizetype> m_utf16OfCp; // empty when the text has no surrogate pairs
    QList<qsizetype> m_cpOfUtf16;
    qsizetype m_size = 0;
};

// Counts words the way a reader does: runs of letters or digits.
int wordCount(const QString &s);

} // namespace gloss::text
