#pragma once

#include <QPlainTextEdit>
#include <QSet>
#include <QTextEdit>

namespace gloss::ui {

// The article body: read-only, selectable text that also paints a marker at the end of each
// highlight that has a note, and an outline around the selected highlight.
class BodyView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyView)

public:
    explicit BodyView(QWidget *parent = nullptr);

    // UTF-16 positions of highlight ends that carry a note.
    void setNoteMarkers(const QList<int> &positions);
    // UTF-16 span of the selected highlight, or an empty span.
    void setOutline(int start, int end);
    // The formats of highlights and marks over the text, painted under the user's selection.
    void setSelections(const QList<QTextEdit::ExtraSelection> &all);
    const QList<QTextEdit::ExtraSelection> &selections() const { return m_all; }
    // Forgets the formats, before a new text is set.
    void clearSelections();

Q_SIGNALS:
    void clicked(int position);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    // The text positions from the first visible paragraph to the end of the last.
    std::pair<int, int> visibleRange() const;

    QList<QTextEdit::ExtraSelection> m_all;
    QSet<int> m_formattedBlocks; // numbers of the paragraphs whose layouts hold formats
    QList<int> m_notes;
    int m_outlineStart = 0;
    int m_outlineEnd = 0;
    QPoint m_pressPos;
};

} // namespace gloss::ui
