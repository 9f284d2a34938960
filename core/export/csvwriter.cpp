#include "export/csvwriter.h"

#include <QIODevice>

namespace gloss::exporting {

namespace {

constexpr qsizetype FlushAt = 1 << 16;

bool looksNumeric(const QString &field)
{
    bool ok = false;
    field.toDouble(&ok);
    return ok && !field.isEmpty() && !field.at(0).isSpace();
}

bool needsGuard(const QString &field)
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

} // namespace

CsvWriter::CsvWriter(QIODevice &device, Options options) : m_device(device), m_options(options)
{
    if (m_options.bom)
        m_buffer.append("\xEF\xBB\xBF");
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
    if (cell.size() >= 2 && cell.at(0) == u'\'' && needsGuard(cell.mid(1)))
        return cell.mid(1);
    return cell;
}

void CsvWriter::writeRow(const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            m_buffer.append(',');
        m_buffer.append(escape(fields.at(i), m_options.raw).toUtf8());
    }
    m_buffer.append("\r\n");
    ++m_rows;
    if (m_buffer.size() >= FlushAt)
        finish();
}

bool CsvWriter::finish()
{
    if (!m_buffer.isEmpty() && m_ok && m_device.write(m_buffer) != m_buffer.size())
        m_ok = false;
    m_buffer.clear();
    return m_ok;
}

CsvReader::CsvReader(const QString &text) : m_text(text)
{
    if (m_text.startsWith(QChar(0xFEFF)))
        m_pos = 1;
}

bool CsvReader::next(QStringList &fields, int &line)
{
    fields.clear();
    const qsizetype n = m_text.size();
    if (m_pos >= n)
        return false;
    line = m_line;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    while (m_pos < n) {
        const QChar c = m_text.at(m_pos);
        if (quoted) {
            if (c == u'"') {
                if (m_pos + 1 < n && m_text.at(m_pos + 1) == u'"') {
                    field.append(u'"');
                    m_pos += 2;
                    continue;
                }
                quoted = false;
                ++m_pos;
                continue;
            }
            if (c == u'\n')
                ++m_line;
            field.append(c);
            ++m_pos;
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            ++m_pos;
            continue;
        }
        if (c == u',') {
            fields.append(field);
            field.clear();
            fieldStarted = false;
            ++m_pos;
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            ++m_pos;
            if (c == u'\r' && m_pos < n && m_text.at(m_pos) == u'\n')
                ++m_pos;
            ++m_line;
            fields.append(field);
            return true;
        }
        field.append(c);
        fieldStarted = true;
        ++m_pos;
    }
    if (quoted)
        m_error = QStringLiteral("line %1: the file ends inside a quoted field").arg(line);
    fields.append(field);
    return true;
}

} // namespace gloss::exporting
