#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace gloss::import {

// What reflowing a hard-wrapped text made of it.
struct Reflowed
{
    QString text;
    int joined = 0; // line breaks joined into spaces
    // Lines kept as they were because they form a table (aligned columns), as 1-based [first, last]
    // line numbers of `text`, for the reader to show in a fixed-width font.
    QList<QPair<int, int>> fixedWidth;
    // "3-7, 12-15": the form the article variable "fixed_width_lines" takes.
    QString fixedWidthText() const;
};

// Joins the lines of paragraphs that were wrapped at a fixed width (wire stories wrapped at about
// 70 columns), every word kept. Blank lines and indented starts still separate paragraphs; a short
// line ends one; lines that form a table (columns apart by three spaces or a tab) are kept as they
// are and listed in `fixedWidth`. A text whose lines are not wrapped at one width (a line per
// paragraph, a poem, a list) comes back as it was, with joined == 0.
Reflowed reflowHardWrapped(const QString &text);

} // namespace gloss::import
