#pragma once

#include <QList>
#include <QString>

namespace gloss::ui {

// How the reader lays out an article's body: a paragraph longer than a piece is cut into pieces,
// each shown as a block of its own, because Qt lays out and shapes a block in one go (a paragraph
// of 150 MB crashed the font engine; one of 60 MB took 2.8 GB). Holds the exact mapping, both
// ways, between code point offsets into the body (what highlights, mentions and dates store),
// UTF-16 positions in the body and positions in the shown document, which has one block break
// more at each cut. Lookups are binary searches over the cuts and the surrogate pairs.
class BodyPieces
{
public:
    // The longest piece, in UTF-16 units: laying out a block of this size takes a few milliseconds.
    static constexpr qsizetype MaxPiece = 10'000;

    BodyPieces() = default;
    // Cuts at a space in the second half of each piece where there is one, else between two
    // grapheme clusters; never inside a surrogate pair.
    explicit BodyPieces(const QString &body, qsizetype maxPiece = MaxPiece);

    // Which side of a cut a position at the cut goes to: the start of the next piece (for the
    // start of a span) or the end of the previous one (for its end).
    enum class Side { Start, End };

    qsizetype bodySize() const { return m_size; } // UTF-16 units
    qsizetype codePointCount() const { return m_size - m_pairs.size(); }
    qsizetype documentSize() const { return m_size + m_cuts.size(); }
    // UTF-16 positions in the body before which a block break is inserted, ascending.
    const QList<qsizetype> &cuts() const { return m_cuts; }

    // Code points <-> body UTF-16 (clamped to the body; a position between the halves of a
    // surrogate pair counts the pair, as text::toCodePoints does).
    qsizetype utf16OfCodePoint(qsizetype cp) const;
    qsizetype codePointOfUtf16(qsizetype utf16) const;
    // Body UTF-16 <-> document positions (clamped). Both sides of an inserted break map to the cut.
    qsizetype documentOfUtf16(qsizetype utf16, Side side = Side::Start) const;
    qsizetype utf16OfDocument(qsizetype position) const;
    // Code points <-> document positions.
    qsizetype documentOfCodePoint(qsizetype cp, Side side = Side::Start) const;
    qsizetype codePointOfDocument(qsizetype position) const;

    // The body's UTF-16 [from, to) as the document shows it: a paragraph separator inserted before
    // each cut inside the range (not before `from`), the body's line feeds kept.
    QString documentText(const QString &body, qsizetype from, qsizetype to) const;
    // The body's text under document positions [from, to): the inserted breaks left out.
    QString bodyText(const QString &body, qsizetype from, qsizetype to) const;

private:
    // The i-th cut's break is at document position m_cuts[i] + i; the j-th pair is at code point
    // m_pairs[j] - j: both are ascending, so both are searched without a table of their own.
    QList<qsizetype> m_cuts;
    QList<qsizetype> m_pairs; // UTF-16 positions of the high halves of surrogate pairs
    qsizetype m_size = 0;
};

} // namespace gloss::ui
