#include "reader/bodyview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QSet>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <utility>

namespace gloss::ui {

BodyView::BodyView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFrameShape(QFrame::NoFrame);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void BodyView::setSelections(const QList<QTextEdit::ExtraSelection> &all)
{
    m_all = all;
    // The formats go into each paragraph's own layout, as a syntax highlighter's do, not into
    // Qt's extra selections: those are painted one at a time, each clipped to a path united with
    // all before it, which is quadratic in the highlights of a paragraph (a paragraph with 200
    // highlights took most of the 50 ms an article with 1,000 may take to show).
    QHash<int, QList<QTextLayout::FormatRange>> byBlock; // block number -> its ranges
    QTextDocument *doc = document();
    for (const QTextEdit::ExtraSelection &sel : all) {
        const int start = sel.cursor.selectionStart();
        const int end = sel.cursor.selectionEnd();
        for (QTextBlock b = doc->findBlock(start); b.isValid() && b.position() < end; b = b.next()) {
            const int from = std::max(start, b.position());
            const int to = std::min(end, b.position() + b.length() - 1);
            if (to > from)
                byBlock[b.blockNumber()].append({from - b.position(), to - from, sel.format});
        }
    }
    const QSet<int> before = std::exchange(m_formattedBlocks, {});
    for (const int number : before)
        if (!byBlock.contains(number)) {
            const QTextBlock b = doc->findBlockByNumber(number);
            if (b.isValid()) {
                b.layout()->clearFormats();
                doc->markContentsDirty(b.position(), b.length());
            }
        }
    for (auto it = byBlock.constBegin(); it != byBlock.constEnd(); ++it) {
        const QTextBlock b = doc->findBlockByNumber(it.key());
        m_formattedBlocks.insert(it.key());
        // Selecting a highlight changes the formats of its paragraph only: the others keep their
        // layout instead of being laid out again.
        if (b.layout()->formats() == it.value())
            continue;
        b.layout()->setFormats(it.value());
        doc->markContentsDirty(b.position(), b.length());
    }
    viewport()->update();
}

void BodyView::clearSelections()
{
    m_all.clear();
    m_formattedBlocks.clear(); // a new text has new paragraphs, without formats
}

std::pair<int, int> BodyView::visibleRange() const
{
    const int first = firstVisibleBlock().position();
    const QTextCursor last = cursorForPosition(QPoint(viewport()->width(), viewport()->height()));
    const QTextBlock lastBlock = last.block();
    const int end = std::min(lastBlock.position() + lastBlock.length(), document()->characterCount() - 1);
    return {first, std::max(first, end)};
}

void BodyView::setNoteMarkers(const QList<int> &positions)
{
    m_notes = positions;
    viewport()->update();
}

void BodyView::setOutline(int start, int end)
{
    m_outlineStart = start;
    m_outlineEnd = end;
    viewport()->update();
}

void BodyView::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_notes.isEmpty() && m_outlineEnd <= m_outlineStart)
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor marker = palette().color(QPalette::Highlight);
    // Only the markers on screen: a cursor rectangle further down would lay out the text up to it.
    const auto [first, last] = visibleRange();
    for (const int pos : std::as_const(m_notes)) {
        if (pos < first || pos > last)
            continue;
        QTextCursor c(document());
        c.setPosition(std::min(pos, document()->characterCount() - 1));
        const QRect r = cursorRect(c);
        if (!r.intersects(event->rect().adjusted(-8, -8, 8, 8)))
            continue;
        const QPointF tip(r.left() + 1, r.top());
        QPolygonF flag;
        flag << tip << QPointF(tip.x() + 6, tip.y()) << QPointF(tip.x(), tip.y() + 6);
        painter.setPen(Qt::NoPen);
        painter.setBrush(marker);
        painter.drawPolygon(flag);
    }
    if (m_outlineEnd > m_outlineStart) {
        painter.setPen(QPen(palette().color(QPalette::Text), 1.2, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        // One rectangle per visual line the highlight covers.
        QTextCursor c(document());
        QRect line;
        auto flush = [&] {
            if (line.isValid())
                painter.drawRoundedRect(QRectF(line).adjusted(-1, 0.5, 1, -0.5), 3, 3);
        };
        for (int pos = std::max(m_outlineStart, first); pos <= std::min(m_outlineEnd, last); ++pos) {
            c.setPosition(pos);
            const QRect r = cursorRect(c);
            if (line.isValid() && r.top() == line.top() && pos > m_outlineStart) {
                line.setRight(std::max(line.right(), r.left()));
            } else {
                flush();
                line = pos < m_outlineEnd ? QRect(r.left(), r.top(), 1, r.height()) : QRect();
            }
        }
        flush();
    }
}

void BodyView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    QPlainTextEdit::mousePressEvent(event);
}

void BodyView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && (event->position().toPoint() - m_pressPos).manhattanLength() < 4
        && !textCursor().hasSelection())
        Q_EMIT clicked(cursorForPosition(event->position().toPoint()).position());
}

} // namespace gloss::ui
