#include "reader/bodyview.h"

#include <QFontDatabase>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QSet>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <utility>

namespace gloss::ui {

namespace {

constexpr int LaneWidth = 5; // a bar of 3 pixels and a gap of 2
constexpr int MarginPad = 2;

} // namespace

// The strip left of the text where each coder's highlights are marked.
class CoderMargin final : public QWidget
{
public:
    explicit CoderMargin(BodyView *view)
        : QWidget(view)
        , m_view(view)
    { }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintMargin(event); }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            const auto *help = static_cast<QHelpEvent *>(event);
            const QString name = m_view->laneAt(help->pos().x());
            if (name.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), name, this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    BodyView *m_view;
};

BodyView::BodyView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_margin(new CoderMargin(this))
{
    m_margin->setObjectName(QStringLiteral("coderMargin"));
    m_margin->hide();
    connect(this, &QPlainTextEdit::updateRequest, m_margin, [this] {
        if (m_margin->isVisible())
            m_margin->update();
    });
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFrameShape(QFrame::NoFrame);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    // Read-only: an undo history would only keep a second copy of every chunk appended.
    document()->setUndoRedoEnabled(false);
    m_loader.setInterval(0);
    connect(&m_loader, &QTimer::timeout, this, &BodyView::appendChunk);
}

void BodyView::setBody(const QString &body)
{
    m_loader.stop();
    m_spans.clear();
    m_fixed.clear();
    m_formattedBlocks.clear(); // a new text has new paragraphs, without formats
    m_notes.clear();
    m_outlineStart = m_outlineEnd = 0;
    m_body = body;
    m_pieces = BodyPieces(m_body);
    m_shownTo = 0;
    // setPlainText lays out a document of one paragraph at once; one of many paragraphs is laid out
    // as it is painted.
    if (m_body.size() <= ProgressiveAbove) {
        setPlainText(m_pieces.cuts().isEmpty() ? m_body : m_pieces.documentText(m_body, 0, m_body.size()));
        m_shownTo = m_body.size();
        Q_EMIT bodyShown();
        return;
    }
    setPlainText(QString());
    appendChunk();
    m_loader.start();
}

void BodyView::appendChunk()
{
    if (!isLoading()) {
        m_loader.stop();
        return;
    }
    // A chunk ends at a cut or after a line feed, so that the next one starts a paragraph.
    const qsizetype from = m_shownTo;
    qsizetype to = m_body.size();
    const qsizetype target = from + ChunkSize;
    if (target < to) {
        const qsizetype lineFeed = m_body.indexOf(u'\n', target);
        if (lineFeed >= 0)
            to = lineFeed + 1;
        const QList<qsizetype> &cuts = m_pieces.cuts();
        const auto cut = std::lower_bound(cuts.cbegin(), cuts.cend(), target);
        if (cut != cuts.cend())
            to = std::min(to, *cut);
    }
    QString chunk = m_pieces.documentText(m_body, from, to);
    if (std::binary_search(m_pieces.cuts().cbegin(), m_pieces.cuts().cend(), from))
        chunk.prepend(QChar::ParagraphSeparator);
    QTextCursor end(document());
    end.movePosition(QTextCursor::End);
    end.insertText(chunk);
    m_shownTo = to;
    formatBlocks(); // the spans that reach into the new text
    if (!isLoading()) {
        m_loader.stop();
        Q_EMIT bodyShown();
    }
}

void BodyView::ensureShown(qsizetype position)
{
    while (isLoading() && document()->characterCount() - 1 < position)
        appendChunk();
}

void BodyView::setSpans(const QList<Span> &all)
{
    m_spans = all;
    formatBlocks();
}

void BodyView::setFixedWidth(const QList<std::pair<qsizetype, qsizetype>> &spans)
{
    QTextCharFormat format;
    format.setFontFamilies({QFontDatabase::systemFont(QFontDatabase::FixedFont).family()});
    format.setFontFixedPitch(true);
    format.setFontStyleHint(QFont::Monospace);
    m_fixed.clear();
    for (const auto &[start, end] : spans)
        m_fixed.append({start, end, format});
    formatBlocks();
}

void BodyView::formatBlocks()
{
    // The formats go into each paragraph's own layout, as a syntax highlighter's do, not into
    // Qt's extra selections: those are painted one at a time, each clipped to a path united with
    // all before it, which is quadratic in the highlights of a paragraph (a paragraph with 200
    // highlights took most of the 50 ms an article with 1,000 may take to show).
    QHash<int, QList<QTextLayout::FormatRange>> byBlock; // block number -> its ranges
    QTextDocument *doc = document();
    const qsizetype shown = doc->characterCount() - 1;
    auto add = [&](const Span &span) {
        const qsizetype start = std::max<qsizetype>(span.start, 0);
        const qsizetype end = std::min(span.end, shown);
        if (start >= end)
            return; // not in the document yet
        for (QTextBlock b = doc->findBlock(int(start)); b.isValid() && b.position() < end; b = b.next()) {
            const qsizetype from = std::max<qsizetype>(start, b.position());
            const qsizetype to = std::min<qsizetype>(end, b.position() + b.length() - 1);
            if (to > from)
                byBlock[b.blockNumber()].append({int(from - b.position()), int(to - from), span.format});
        }
    };
    // The fixed-width font first: a highlight's format over a table changes its colour, not its font.
    for (const Span &span : std::as_const(m_fixed))
        add(span);
    for (const Span &span : std::as_const(m_spans))
        add(span);
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

std::pair<int, int> BodyView::visibleRange() const
{
    const int first = firstVisibleBlock().position();
    const QTextCursor last = cursorForPosition(QPoint(viewport()->width(), viewport()->height()));
    const QTextBlock lastBlock = last.block();
    const int end = std::min(lastBlock.position() + lastBlock.length(), document()->characterCount() - 1);
    return {first, std::max(first, end)};
}

void BodyView::setNoteMarkers(const QList<qsizetype> &positions)
{
    m_notes = positions;
    viewport()->update();
}

void BodyView::setCoderMarks(const QList<CoderMark> &marks, const QList<std::pair<QString, QColor>> &lanes)
{
    m_coderMarks = marks;
    m_lanes = lanes;
    const int width = lanes.isEmpty() ? 0 : MarginPad * 2 + LaneWidth * int(lanes.size());
    setViewportMargins(width, 0, 0, 0);
    m_margin->setVisible(width > 0);
    const QRect r = contentsRect();
    m_margin->setGeometry(r.left(), r.top(), width, r.height());
    m_margin->update();
}

void BodyView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_margin->setGeometry(r.left(), r.top(), m_margin->width(), r.height());
}

QString BodyView::laneAt(int x) const
{
    const int lane = (x - MarginPad) / LaneWidth;
    return x >= MarginPad && lane < m_lanes.size() ? m_lanes.at(lane).first : QString();
}

void BodyView::paintMargin(QPaintEvent *event)
{
    QPainter painter(m_margin);
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    if (m_coderMarks.isEmpty())
        return;
    // Only the marks on screen: a cursor rectangle further down would lay out the text up to it.
    const auto [first, last] = visibleRange();
    const int offset = viewport()->geometry().top() - m_margin->geometry().top();
    for (const CoderMark &mark : std::as_const(m_coderMarks)) {
        const qsizetype from = std::max<qsizetype>(mark.start, first);
        const qsizetype to = std::min<qsizetype>(mark.end, last);
        if (from >= to || mark.lane < 0 || mark.lane >= m_lanes.size())
            continue;
        QTextCursor c(document());
        c.setPosition(int(from));
        const QRect top = cursorRect(c);
        c.setPosition(int(to));
        const QRect bottom = cursorRect(c);
        const QRect bar(MarginPad + mark.lane * LaneWidth, top.top() + offset, LaneWidth - 2,
            std::max(2, bottom.bottom() - top.top()));
        if (bar.intersects(event->rect()))
            painter.fillRect(bar, m_lanes.at(mark.lane).second);
    }
}

void BodyView::setOutline(qsizetype start, qsizetype end)
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
    for (const qsizetype pos : std::as_const(m_notes)) {
        if (pos < first || pos > last)
            continue;
        QTextCursor c(document());
        c.setPosition(int(pos));
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
        const int from = int(std::max<qsizetype>(m_outlineStart, first));
        const int to = int(std::min<qsizetype>(m_outlineEnd, last));
        for (int pos = from; pos <= to; ++pos) {
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

QMimeData *BodyView::createMimeDataFromSelection() const
{
    const QTextCursor c = textCursor();
    auto *mime = new QMimeData;
    mime->setText(m_pieces.bodyText(m_body, c.selectionStart(), c.selectionEnd()));
    return mime;
}

} // namespace gloss::ui
