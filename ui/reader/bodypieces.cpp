#include "reader/bodypieces.h"

#include <QTextBoundaryFinder>

#include <algorithm>

namespace gloss::ui {

namespace {

// The number of indexes i in [0, n) for which `below(i)` holds, `below` being true up to some index
// and false after it.
template <typename Below> qsizetype countBelow(qsizetype n, Below below)
{
    qsizetype lo = 0;
    qsizetype hi = n;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (below(mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// A cut at `at` inside [from, to): the last space in the second half of the piece, else the last
// grapheme boundary before `to`.
qsizetype cutBefore(const QString &body, qsizetype from, qsizetype to)
{
    for (qsizetype i = to - 1; i > from + (to - from) / 2; --i)
        if (body.at(i) == u' ')
            return i + 1; // the space ends the piece before
    // No space: a boundary between grapheme clusters near `to`, found in a window around it.
    constexpr qsizetype Window = 64;
    const qsizetype start = std::max(from, to - Window);
    const qsizetype end = std::min(body.size(), to + Window);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, body.constData() + start, end - start);
    finder.setPosition(to - start);
    qsizetype at = finder.isAtBoundary() ? to - start : finder.toPreviousBoundary();
    if (at <= 0) // a cluster longer than the window: at least keep surrogate pairs whole
        at = to - start - (body.at(to).isLowSurrogate() && body.at(to - 1).isHighSurrogate() ? 1 : 0);
    return start + at;
}

} // namespace

BodyPieces::BodyPieces(const QString &body, qsizetype maxPiece)
    : m_size(body.size())
{
    maxPiece = std::max<qsizetype>(maxPiece, 2);
    const QChar *text = body.constData();
    qsizetype paragraph = 0; // start of the current paragraph
    for (qsizetype i = 0; i <= m_size; ++i) {
        if (i < m_size) {
            const QChar c = text[i];
            if (c.isHighSurrogate() && i + 1 < m_size && text[i + 1].isLowSurrogate())
                m_pairs.append(i);
            if (c != u'\n')
                continue;
        }
        // [paragraph, i) is a paragraph.
        for (qsizetype from = paragraph; i - from > maxPiece;) {
            const qsizetype cut = cutBefore(body, from, from + maxPiece);
            m_cuts.append(cut);
            from = cut;
        }
        paragraph = i + 1;
    }
}

qsizetype BodyPieces::utf16OfCodePoint(qsizetype cp) const
{
    cp = std::clamp<qsizetype>(cp, 0, codePointCount());
    // Each pair before the code point adds a unit.
    return cp + countBelow(m_pairs.size(), [&](qsizetype j) { return m_pairs.at(j) - j < cp; });
}

qsizetype BodyPieces::codePointOfUtf16(qsizetype utf16) const
{
    utf16 = std::clamp<qsizetype>(utf16, 0, m_size);
    // A pair counts once when its high half is before the position, so one ending past it counts.
    return utf16 - countBelow(m_pairs.size(), [&](qsizetype j) { return m_pairs.at(j) + 1 < utf16; });
}

qsizetype BodyPieces::documentOfUtf16(qsizetype utf16, Side side) const
{
    utf16 = std::clamp<qsizetype>(utf16, 0, m_size);
    return utf16 + countBelow(m_cuts.size(), [&](qsizetype i) {
        return side == Side::Start ? m_cuts.at(i) <= utf16 : m_cuts.at(i) < utf16;
    });
}

qsizetype BodyPieces::utf16OfDocument(qsizetype position) const
{
    position = std::clamp<qsizetype>(position, 0, documentSize());
    return position - countBelow(m_cuts.size(), [&](qsizetype i) { return m_cuts.at(i) + i < position; });
}

qsizetype BodyPieces::documentOfCodePoint(qsizetype cp, Side side) const
{
    return documentOfUtf16(utf16OfCodePoint(cp), side);
}

qsizetype BodyPieces::codePointOfDocument(qsizetype position) const
{
    return codePointOfUtf16(utf16OfDocument(position));
}

QString BodyPieces::documentText(const QString &body, qsizetype from, qsizetype to) const
{
    from = std::clamp<qsizetype>(from, 0, m_size);
    to = std::clamp<qsizetype>(to, from, m_size);
    auto cut = std::upper_bound(m_cuts.cbegin(), m_cuts.cend(), from);
    QString out;
    out.reserve(to - from + (std::lower_bound(cut, m_cuts.cend(), to) - cut));
    qsizetype at = from;
    for (; cut != m_cuts.cend() && *cut < to; ++cut) {
        out.append(QStringView(body).sliced(at, *cut - at));
        out.append(QChar::ParagraphSeparator);
        at = *cut;
    }
    out.append(QStringView(body).sliced(at, to - at));
    return out;
}

QString BodyPieces::bodyText(const QString &body, qsizetype from, qsizetype to) const
{
    const qsizetype a = utf16OfDocument(std::min(from, to));
    const qsizetype b = utf16OfDocument(std::max(from, to));
    return body.sliced(std::min(a, body.size()), std::clamp<qsizetype>(b - a, 0, body.size() - a));
}

} // namespace gloss::ui
