#pragma once

#include "reader/bodypieces.h"

#include <QPlainTextEdit>
#include <QSet>
#include <QTextCharFormat>
#include <QTimer>

namespace gloss::ui {

// The article body: read-only, selectable text that also paints a marker at the end of each
// highlight that has a note, and an outline around the selected highlight. Long paragraphs are
// shown in pieces (BodyPieces); a long body is put into the document a chunk at a time from a
// timer, so the window paints the start at once and stays responsive while the rest arrives.
// Positions in its interface are document positions; pieces() maps them to the body's offsets.
class BodyView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyView)

public:
    // A format over document positions [start, end).
    struct Span
    {
        qsizetype start = 0;
        qsizetype end = 0;
        QTextCharFormat format;
    };

    // Bodies longer than this (UTF-16 units) are shown progressively, in chunks of ChunkSize.
    static constexpr qsizetype ProgressiveAbove = 2'000'000;
    static constexpr qsizetype ChunkSize = 1'000'000;

    explicit BodyView(QWidget *parent = nullptr);

    // Shows a body in place of the one before, without formats, markers or outline.
    void setBody(const QString &body);
    const QString &body() const { return m_body; }
    const BodyPieces &pieces() const { return m_pieces; }
    // Whether part of the body is still to be put into the document.
    bool isLoading() const { return m_shownTo < m_body.size(); }
    // Puts the body into the document up to document position `position` at once (to select or
    // scroll to text that has not arrived yet).
    void ensureShown(qsizetype position);

    // Document positions of highlight ends that carry a note.
    void setNoteMarkers(const QList<qsizetype> &positions);
    // A coder's mark in the left margin beside the lines of document span [start, end): a bar in
    // the coder's colour, in the coder's lane (one lane per coder shown, left to right).
    struct CoderMark
    {
        qsizetype start = 0;
        qsizetype end = 0;
        int lane = 0;
    };
    // The marks and, by lane, each coder's name and colour; no lanes hides the margin.
    void setCoderMarks(const QList<CoderMark> &marks, const QList<std::pair<QString, QColor>> &lanes);
    const QList<CoderMark> &coderMarks() const { return m_coderMarks; }
    QWidget *coderMargin() const { return m_margin; }
    // Document span of the selected highlight, or an empty span.
    void setOutline(qsizetype start, qsizetype end);
    // The formats of highlights and marks over the text, painted under the user's selection.
    void setSpans(const QList<Span> &all);
    // Document spans shown in a fixed-width font (tables kept as the source aligned them); the
    // highlights' formats go on top of them.
    void setFixedWidth(const QList<std::pair<qsizetype, qsizetype>> &spans);
    const QList<Span> &fixedWidth() const { return m_fixed; }
    const QList<Span> &spans() const { return m_spans; }
    // The text a span covers, as the body has it.
    QString spanText(const Span &span) const { return m_pieces.bodyText(m_body, span.start, span.end); }

Q_SIGNALS:
    void clicked(int position);
    // The whole body is in the document.
    void bodyShown();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    // Copies the body's text: without the breaks inserted between pieces.
    QMimeData *createMimeDataFromSelection() const override;

private:
    friend class CoderMargin;
    void paintMargin(QPaintEvent *event);
    // The coder named by the lane at x in the margin ("" when none).
    QString laneAt(int x) const;
    // The text positions from the first visible paragraph to the end of the last.
    std::pair<int, int> visibleRange() const;
    // Appends the next chunk of the body to the document.
    void appendChunk();
    // Puts the spans' formats into the layouts of the paragraphs they cover.
    void formatBlocks();

    QString m_body;
    BodyPieces m_pieces;
    qsizetype m_shownTo = 0; // UTF-16 units of the body in the document
    QTimer m_loader;
    QList<Span> m_spans;
    QList<Span> m_fixed;
    QSet<int> m_formattedBlocks; // numbers of the paragraphs whose layouts hold formats
    QList<qsizetype> m_notes;
    qsizetype m_outlineStart = 0;
    qsizetype m_outlineEnd = 0;
    QPoint m_pressPos;
    QList<CoderMark> m_coderMarks;
    QList<std::pair<QString, QColor>> m_lanes;
    QWidget *m_margin;
};

} // namespace gloss::ui
