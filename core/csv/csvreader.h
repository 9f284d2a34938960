#pragma once

#include <QString>
#include <QStringList>

namespace gloss::csv {

// Reads RFC 4180 CSV (quoted fields with commas, doubled quotes and newlines; CRLF or LF rows;
// a UTF-8 BOM is skipped). Used to read annotation exports and CSV corpora back.
class CsvReader final
{
public:
    explicit CsvReader(const QString &text);
    // The next record; false at the end. `line` is the 1-based line where the record began.
    bool next(QStringList &fields, int &line);
    // Set when the text ends inside a quoted field.
    QString error() const { return m_error; }

private:
    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
};

} // namespace gloss::csv
