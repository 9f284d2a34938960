#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::interchange {

// A row of the file that was not imported, and why. `row` counts records as a spreadsheet shows
// them: the header is row 1.
struct ImportRefusal
{
    int row = 0;
    QString reason;
};

// One exported highlight as a `highlights` or `highlights-wide` file gives it: its rows (one per
// tag in `highlights`) folded into one record, unguarded and checked.
struct HighlightRecord
{
    QList<int> rows; // the spreadsheet rows that carry it
    qint64 articleId = 0; // the id in the project it came from; 0 when the cell is not a number
    QString title;
    QDate published; // invalid when the article had no date
    qint64 start = 0; // code points into the body
    qint64 end = 0;
    QString text; // unguarded
    QString rawText; // the text cell as written, for a file whose guard cannot be told apart
    QStringList tagPaths; // each once, in the order the rows give them
    QString note;
    QString coder;
    QDateTime created; // invalid when the cell is not a date
    QDateTime modified;
};

struct ParsedAnnotations
{
    QString error; // set when the text as a whole cannot be read; names it
    int rows = 0; // data rows read
    QList<HighlightRecord> highlights; // in the order they first appear
    QList<ImportRefusal> refused; // rows that make no highlight, each named by its row, in row order
};

// Reads an export of the `highlights` or `highlights-wide` layout (guarded or raw, with or without
// a BOM) into one record per exported highlight. Touches no project. `name` is what errors call
// the text (a file name).
ParsedAnnotations parseAnnotations(const QString &text, const QString &name);

} // namespace gloss::interchange
