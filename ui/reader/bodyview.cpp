#include "reader/bodyview.h"

#include <QMouseEvent>
#include <QPainter>

namespace gloss::ui {

BodyView::BodyView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFrameShape(QFrame::NoFrame);
    setContextMenuPolicy(Qt::ActionsContextMenu);
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
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor marker = palette().color(QPalette::Highlight);
    for (const int pos : std::as_const(m_notes)) {
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
        for (int pos = m_outlineStart; pos <= m_outlineEnd; ++pos) {
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
