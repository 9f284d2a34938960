#include "text/codepoints.h"

namespace gloss::text {

qsizetype toCodePoints(const QString &s, qsizetype utf16Pos)
{
    const qsizetype end = std::min(utf16Pos, s.size());
    qsizetype cp = 0;
    for (qsizetype i = 0; i < end; ++i) {
        if (s.at(i).isLowSurrogate() && i > 0 && s.at(i - 1).isHighSurrogate())
            continue;
        ++cp;
    }
    return cp;
}

qsizetype toUtf16(const QString &s, qsizetype cp)
{
    if (cp < 0)
        return -1;
    qsizetype seen = 0;
    qsizetype i = 0;
    while (i < s.size() && seen < cp) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            i += 2;
        else
            ++i;
        ++seen;
    }
    return seen == cp ? i : -1;
}

qsizetype codePointLength(const QString &s)
{
    return toCodePoints(s, s.size());
}

QString sliceCodePoints(const QString &s, qsizetype start, qsizetype end)
{
    if (start < 0 || end < start)
        return {};
    const qsizetype a = toUtf16(s, start);
    const qsizetype b = toUtf16(s, end);
    if (a < 0 || b < 0)
        return {};
    return s.mid(a, b - a);
}

OffsetMap::OffsetMap(const QString &s)
    : m_size(s.size())
{
    bool surrogates = false;
    for (const QChar c : s)
        surrogates = surrogates || c.isSurrogate();
    if (!surrogates)
        return;
    // The same rules as the free functions: a position between the halves of a pair counts the pair.
    m_cpOfUtf16.resize(s.size() + 1);
    m_utf16OfCp.reserve(s.size() + 1);
    qsizetype cp = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        const bool lowHalf = i > 0 && i < s.size() && s.at(i).isLowSurrogate() && s.at(i - 1).isHighSurrogate();
        if (lowHalf) {
            m_cpOfUtf16[i] = cp;
            continue;
        }
        m_cpOfUtf16[i] = cp;
        m_utf16OfCp.append(i);
        ++cp;
    }
    // m_cpOfUtf16[i] so far is the index of the code point starting at i; a low half maps past its pair.
    for (qsizetype i = 1; i < s.size(); ++i)
        if (s.at(i).isLowSurrogate() && s.at(i - 1).isHighSurrogate())
            m_cpOfUtf16[i] = m_cpOfUtf16.at(i - 1) + 1;
}

qsizetype OffsetMap::toUtf16(qsizetype cp) const
{
    if (m_utf16OfCp.isEmpty())
        return std::clamp<qsizetype>(cp, 0, m_size);
    return m_utf16OfCp.at(std::clamp<qsizetype>(cp, 0, m_utf16OfCp.size() - 1));
}

qsizetype OffsetMap::toCodePoints(qsizetype utf16) const
{
    if (m_cpOfUtf16.isEmpty())
        return std::clamp<qsizetype>(utf16, 0, m_size);
    return m_cpOfUtf16.at(std::clamp<qsizetype>(utf16, 0, m_size));
}

int wordCount(const QString &s)
{
    int words = 0;
    bool inWord = false;
    for (const QChar c : s) {
        const bool w = c.isLetterOrNumber() || c.isSurrogate();
        if (w && !inWord)
            ++words;
        inWord = w;
    }
    return words;
}

} // namespace gloss::text
