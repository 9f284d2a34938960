#include "csv/csvreader.h"

namespace gloss::csv {

CsvReader::CsvReader(const QString &text)
    : m_text(text)
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
            // The run up to the next quote in one piece (a 50 MB cell is appended once, not per character).
            qsizetype quote = m_text.indexOf(u'"', m_pos);
            if (quote < 0)
                quote = n;
            const QStringView run = QStringView(m_text).mid(m_pos, quote - m_pos);
            m_line += int(run.count(u'\n'));
            field.append(run);
            m_pos = quote;
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
        qsizetype end = m_pos + 1; // an unquoted run, to the next separator or line end
        while (end < n && m_text.at(end) != u',' && m_text.at(end) != u'\n' && m_text.at(end) != u'\r')
            ++end;
        field.append(QStringView(m_text).mid(m_pos, end - m_pos));
        fieldStarted = true;
        m_pos = end;
    }
    if (quoted)
        m_error = QStringLiteral("line %1: the file ends inside a quoted field").arg(line);
    fields.append(field);
    return true;
}

} // namespace gloss::csv
