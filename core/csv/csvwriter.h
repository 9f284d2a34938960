#pragma once

#include <QByteArray>
#include <QStringList>

class QIODevice;

namespace gloss::csv {

// Writes RFC 4180 CSV as UTF-8: fields quoted when they hold a comma, quote, CR or LF (quotes
// doubled), CRLF between rows. Unless raw, a text cell that a spreadsheet would read as a formula
// (it begins with = + - @ tab or CR) gets a leading apostrophe; numbers are never touched. So that
// unguard() is the exact inverse, a cell made of apostrophes followed by such a formula ('=x) gets
// one more apostrophe too.
class CsvWriter final
{
public:
    struct Options
    {
        bool bom = false; // a UTF-8 byte order mark first, so Excel reads UTF-8
        bool raw = false; // no formula guarding
    };

    CsvWriter(QIODevice &device, Options options);
    CsvWriter(QIODevice &device)
        : CsvWriter(device, Options{})
    { }

    void writeRow(const QStringList &fields);
    // The streaming interface, for large exports: fields of one row, then endRow().
    void writeField(QByteArrayView utf8); // a text field, escaped and guarded
    void writeField(const QByteArray &utf8) { writeField(QByteArrayView(utf8)); }
    void writeField(const QString &text) { writeField(QByteArrayView(text.toUtf8())); }
    void writeNumber(qint64 value);
    // A decimal, unguarded like writeNumber (a negative value is a number, not a formula): up to
    // `decimals` places, trailing zeros dropped.
    void writeDecimal(double value, int decimals = 6);
    void writeEmpty();
    void endRow();
    // Fields that are numbers: written as they are.
    static QString number(qint64 value) { return QString::number(value); }
    // Writes what is buffered; false when the device refused some of it (disk full, say).
    bool finish();
    bool ok() const { return m_ok; }
    qint64 rows() const { return m_rows; }

    // One field, escaped and guarded as writeRow would write it.
    static QString escape(const QString &field, bool raw);
    // Undoes the formula guard on a cell read back from a guarded export.
    static QString unguard(const QString &cell);
    // True when the writer would put an apostrophe before this cell (unless raw).
    static bool needsGuard(QStringView field);

private:
    QIODevice &m_device;
    Options m_options;
    QByteArray m_buffer;
    bool m_rowStarted = false;
    qint64 m_rows = 0;
    bool m_ok = true;
};

} // namespace gloss::csv
