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
