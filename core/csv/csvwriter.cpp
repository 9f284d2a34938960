#include "csv/csvwriter.h"

#include <QIODevice>

#include <charconv>
#include <cstring>

namespace gloss::csv {

namespace {

constexpr qsizetype FlushAt = 1 << 18;

bool looksNumeric(QStringView field)
{
    bool ok = false;
    field.toString().toDouble(&ok);
    return ok && !field.isEmpty() && !field.at(0).isSpace();
}

// A cell a spreadsheet would run as a formula.
bool isFormula(QStringView field)
{
    if (field.isEmpty())
        return false;
    const QChar c = field.at(0);
    if (c == u'=' || c == u'@' || c == u'\t' || c == u'\r')
        return true;
    if (c == u'+' || c == u'-')
        return !looksNumeric(field);
    return false;
}

bool needsGuardUtf8(QByteArrayView field)
{
    qsizetype i = 0;
    while (i < field.size() && field[i] == '\'')
        ++i;
    if (i >= field.size())
        return false;
    const char c = field[i];
    if (c == '=' || c == '@' || c == '\t' || c == '\r')
        return true;
    if (c == '+' || c == '-')
        return !looksNumeric(QString::fromUtf8(field.sliced(i)));
    return false;
}

} // namespace

CsvWriter::CsvWriter(QIODevice &device, Options options)
    : m_device(device)
    , m_options(options)
{
    m_buffer.reserve(FlushAt + 4096);
    if (m_options.bom)
        m_buffer.append("\xEF\xBB\xBF");
}

bool CsvWriter::needsGuard(QStringView field)
{
    qsizetype i = 0;
    while (i < field.size() && field.at(i) == u'\'')
        ++i;
    return isFormula(field.sliced(i));
}

QString CsvWriter::escape(const QString &field, bool raw)
{
    QString value = (!raw && needsGuard(field)) ? u'\'' + field : field;
    bool quote = false;
    for (const QChar c : std::as_const(value)) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return value;
    value.replace(u'"', QStringLiteral("\"\""));
    return u'"' + value + u'"';
}

QString CsvWriter::unguard(const QString &cell)
{
    if (cell.size() >= 2 && cell.at(0) == u'\'' && needsGuard(QStringView(cell).sliced(1)))
        return cell.mid(1);
    return cell;
}

void CsvWriter::writeRow(const QStringList &fields)
{
    for (const QString &field : fields)
        writeField(field);
    endRow();
}

void CsvWriter::writeField(QByteArrayView utf8)
{
    if (m_rowStarted)
        m_buffer.append(',');
    m_rowStarted = true;
    const bool guard = !m_options.raw && !utf8.isEmpty() && needsGuardUtf8(utf8);
    const char *data = utf8.data();
    const qsizetype n = utf8.size();
    bool quote = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data[i];
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (guard)
            m_buffer.append('\'');
        m_buffer.append(data, n);
        return;
    }
    m_buffer.append('"');
    if (guard)
        m_buffer.append('\'');
    qsizetype from = 0;
    while (from < n) {
        const void *hit = std::memchr(data + from, '"', size_t(n - from));
        const qsizetype to = hit ? static_cast<const char *>(hit) - data + 1 : n;
        m_buffer.append(data + from, to - from);
        if (hit)
            m_buffer.append('"');
        from = to;
    }
    m_buffer.append('"');
}

void CsvWriter::writeNumber(qint64 value)
{
    if (m_rowStarted)
        m_buffer.append(',');
    m_rowStarted = true;
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof(digits), value);
    m_buffer.append(digits, result.ptr - digits);
}

void CsvWriter::writeDecimal(double value, int decimals)
{
    if (m_rowStarted)
        m_buffer.append(',');
    m_rowStarted = true;
    QByteArray text = QByteArray::number(value, 'f', decimals);
    if (text.contains('.')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.'))
            text.chop(1);
    }
    if (text == "-0")
        text = "0";
    m_buffer.append(text);
}

void CsvWriter::writeEmpty()
{
    if (m_rowStarted)
        m_buffer.append(',');
    m_rowStarted = true;
}

void CsvWriter::endRow()
{
    m_buffer.append("\r\n", 2);
    m_rowStarted = false;
    ++m_rows;
    if (m_buffer.size() >= FlushAt)
        finish();
}

bool CsvWriter::finish()
{
    if (!m_buffer.isEmpty() && m_ok && m_device.write(m_buffer) != m_buffer.size())
        m_ok = false;
    m_buffer.truncate(0); // keeps the capacity for the next rows
    return m_ok;
}

} // namespace gloss::csv
