#include "import/documents/blockcollector.h"

namespace gloss::import::documents {

namespace {

// A cell or a note is one line: its paragraphs joined by a space, tabs and line breaks too.
QString oneLine(const QStringList &blocks)
{
    QString line = blocks.join(u' ');
    for (QChar &c : line)
        if (c == u'\n' || c == u'\t')
            c = u' ';
    return line.trimmed();
}

} // namespace

BlockCollector::BlockCollector()
{
    m_containers.append(QStringList());
}

void BlockCollector::beginParagraph()
{
    m_paragraphs.append(QString());
}

void BlockCollector::endParagraph()
{
    if (m_paragraphs.isEmpty())
        return;
    // Spaces around a paragraph are layout, not text (a line break or tab inside it stays).
    QString paragraph = m_paragraphs.takeLast();
    qsizetype start = 0;
    while (start < paragraph.size() && paragraph.at(start) == u' ')
        ++start;
    qsizetype end = paragraph.size();
    while (end > start && paragraph.at(end - 1).isSpace())
        --end;
    m_containers.last().append(paragraph.mid(start, end - start));
}

void BlockCollector::append(QStringView text)
{
    if (!m_paragraphs.isEmpty())
        m_paragraphs.last().append(text);
}

void BlockCollector::beginTable()
{
    m_rows.append(QStringList());
}

void BlockCollector::beginRow()
{
    if (!m_rows.isEmpty())
        m_cells.append(QStringList());
}

void BlockCollector::beginCell()
{
    m_containers.append(QStringList());
}

void BlockCollector::endCell()
{
    if (m_containers.size() < 2)
        return;
    const QString cell = oneLine(m_containers.takeLast());
    if (!m_cells.isEmpty())
        m_cells.last().append(cell);
}

void BlockCollector::endRow()
{
    if (m_cells.isEmpty() || m_rows.isEmpty())
        return;
    QStringList cells = m_cells.takeLast();
    while (!cells.isEmpty() && cells.last().isEmpty())
        cells.removeLast(); // a spreadsheet-like row ends in empty cells
    if (!cells.isEmpty())
        m_rows.last().append(cells.join(u'\t'));
}

void BlockCollector::endTable()
{
    if (m_rows.isEmpty())
        return;
    const QStringList rows = m_rows.takeLast();
    if (!rows.isEmpty())
        m_containers.last().append(rows.join(u'\n'));
}

void BlockCollector::beginNote()
{
    m_containers.append(QStringList());
}

QString BlockCollector::endNote()
{
    if (m_containers.size() < 2)
        return {};
    return oneLine(m_containers.takeLast());
}

} // namespace gloss::import::documents
