#include "import/reflow.h"

#include "model/variables.h"

#include <QStringList>

#include <algorithm>

namespace gloss::import {

namespace {

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

// Columns: a tab, or three spaces or more between two non-space characters; with `needDigit`, and a
// digit somewhere (a row of figures rather than a header).
bool hasColumns(QStringView line, bool needDigit)
{
    qsizetype first = 0;
    while (first < line.size() && line.at(first).isSpace())
        ++first;
    qsizetype run = 0;
    bool digit = false;
    bool gap = false;
    for (qsizetype i = first; i < line.size(); ++i) {
        const QChar c = line.at(i);
        digit = digit || c.isDigit();
        if (c == u'\t' && i + 1 < line.size()) {
            gap = true;
        } else if (c == u' ') {
            ++run;
        } else {
            if (run >= 3)
                gap = true;
            run = 0;
        }
    }
    return gap && (digit || !needDigit);
}

// A row of a table of figures.
bool isTableLine(QStringView line)
{
    return hasColumns(line, true);
}

// Which lines belong to tables: rows of figures, and the header lines in columns right above them
// ("Qtr  Year", "1987  1986"), which have no figure or only years.
QList<bool> tableLines(const QList<QStringView> &lines)
{
    QList<bool> table(lines.size(), false);
    for (qsizetype i = lines.size() - 1; i >= 0; --i)
        table[i]
            = isTableLine(lines.at(i)) || (i + 1 < lines.size() && table.at(i + 1) && hasColumns(lines.at(i), false));
    return table;
}

bool startsIndented(QStringView line)
{
    return !line.isEmpty() && line.at(0).isSpace();
}

// A list item or a heading of its own: never joined to the line before.
bool startsItem(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.startsWith(u"- ") || t.startsWith(u"* ") || t.startsWith(u"\u2022") || t.startsWith(u"#")
        || (t.size() > 2 && t.at(0).isDigit() && (t.at(1) == u'.' || t.at(1) == u')') && t.at(2) == u' ');
}

} // namespace

QString Reflowed::fixedWidthText() const
{
    return model::formatLineRanges(fixedWidth);
}

Reflowed reflowHardWrapped(const QString &text)
{
    Reflowed out;
    out.text = text;
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    if (lines.size() < 3)
        return out;
    // The wrap width: the longest prose line. A line far longer than a terminal's says the text is
    // not wrapped at a fixed width.
    const QList<bool> inTable = tableLines(lines);
    qsizetype width = 0;
    QList<qsizetype> inner; // lengths of lines followed by another line of the same paragraph
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView line = lines.at(i);
        if (isBlank(line) || inTable.at(i))
            continue;
        const qsizetype length = line.trimmed().size();
        if (length > 110)
            return out;
        width = std::max(width, length);
        if (i + 1 < lines.size() && !isBlank(lines.at(i + 1)) && !startsIndented(lines.at(i + 1)) && !inTable.at(i + 1))
            inner.append(length);
    }
    // Wrapped: several lines run on into the next, and most of them come near the width.
    if (width < 40 || inner.size() < 2)
        return out;
    const qsizetype nearWidth
        = std::count_if(inner.cbegin(), inner.cend(), [&](qsizetype l) { return l >= width * 0.6; });
    if (nearWidth * 10 < qsizetype(inner.size()) * 7)
        return out;

    QString result;
    result.reserve(text.size());
    int line = 1; // of the result
    int tableStart = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView current = lines.at(i);
        const bool table = inTable.at(i);
        if (table && tableStart == 0)
            tableStart = line;
        if (!table && tableStart != 0) {
            out.fixedWidth.append({tableStart, line - 1});
            tableStart = 0;
        }
        if (i + 1 == lines.size()) {
            result.append(current);
            break;
        }
        const QStringView next = lines.at(i + 1);
        const bool join = !table && !isBlank(current) && !isBlank(next) && !startsIndented(next) && !inTable.at(i + 1)
            && !startsItem(next) && current.trimmed().size() >= width * 0.6;
        if (!join) {
            result.append(current);
            result.append(u'\n');
            ++line;
            continue;
        }
        // "long-" then "term": the hyphen kept, no space; else one space.
        QStringView kept = current;
        while (!kept.isEmpty() && kept.back().isSpace())
            kept.chop(1);
        result.append(kept);
        const bool hyphen
            = kept.size() >= 2 && kept.back() == u'-' && kept.at(kept.size() - 2).isLetter() && next.at(0).isLower();
        if (!hyphen)
            result.append(u' ');
        ++out.joined;
    }
    if (tableStart != 0)
        out.fixedWidth.append({tableStart, line});
    if (out.joined > 0 || !out.fixedWidth.isEmpty())
        out.text = result;
    return out;
}

} // namespace gloss::import
