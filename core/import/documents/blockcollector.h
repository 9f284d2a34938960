#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::import::documents {

// Gathers the text of a word-processor document as its XML is read: paragraphs become blocks, a
// table becomes one block of lines (one a row, cells separated by tabs), and a note's paragraphs
// are set aside for the caller. Text outside any paragraph is ignored.
class BlockCollector final
{
public:
    BlockCollector();

    void beginParagraph();
    void endParagraph();
    void append(QStringView text); // to the paragraph being read, if any
    bool inParagraph() const { return !m_paragraphs.isEmpty(); }

    void beginTable();
    void beginRow();
    void beginCell();
    void endCell();
    void endRow();
    void endTable();

    void beginNote();
    QString endNote(); // the note's paragraphs on one line

    // The blocks read so far, outside tables and notes.
    QStringList blocks() const { return m_containers.first(); }

private:
    QList<QString> m_paragraphs; // open paragraphs (a text box's paragraph inside another)
    QList<QStringList> m_containers; // the body, then each open cell or note: its finished blocks
    QList<QStringList> m_rows; // open tables: their finished rows
    QList<QStringList> m_cells; // open rows: their finished cells
};

} // namespace gloss::import::documents
