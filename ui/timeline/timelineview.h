#pragma once

#include "model/timeref.h"

#include <QDate>
#include <QSet>
#include <QWidget>

namespace gloss::ui {

// Two lanes on one time axis that zooms from days to decades: the project's articles by
// publication date (marks, or a histogram when dense), and the dates the current article
// mentions (a mark per day, a span for weeks, months and longer), each labelled with its text.
// Dragging across the project lane brushes a date range; clicking a mention activates it.
class TimelineView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    struct ArticleMark
    {
        qint64 id = 0;
        QDate date;
        QString title;
    };

    explicit TimelineView(QWidget *parent = nullptr);

    void setArticles(const QList<ArticleMark> &articles);
    // The current article: its publication (or retrieval) date, its body and its references.
    void setCurrentArticle(qint64 id, const QDate &date, const QString &body, const QList<model::TimeRef> &refs);
    qint64 currentArticle() const { return m_currentId; }
    const QList<model::TimeRef> &references() const { return m_refs; }

    // Articles to mark in the project lane, e.g. those mentioning the entity selected in the
    // entity panel; `caption` names them in the lane. An empty set clears the marks.
    void setMarkedArticles(const QSet<qint64> &ids, const QString &caption);
    const QSet<qint64> &markedArticles() const { return m_marked; }

    // The axis: the day at the left edge and the zoom, in pixels per day.
    double pixelsPerDay() const { return m_pixelsPerDay; }
    void setPixelsPerDay(double ppd, double aroundX = -1);
    double firstDay() const { return m_firstDay; } // Julian day at x = 0
    void setFirstDay(double julianDay);
    void zoom(double factor, double aroundX = -1);
    // Shows the current article's nearby dates (its days, weeks and months and its own date).
    void fitArticle();
    // Shows everything: every article and every date the current one mentions.
    void fitAll();
    // The days the axis can scroll over, as Julian days.
    double minDay() const;
    double maxDay() const;

    double xOfDate(const QDate &date) const;
    QDate dateAtX(double x) const;
    QRect axisRect() const;
    QRect projectLaneRect() const;
    QRect articleLaneRect() const;
    // Where the i-th reference is drawn (empty when it has no days, e.g. a duration).
    QRect referenceRect(qsizetype index) const;
    // The brushed range; invalid dates when none.
    QDate brushFrom() const { return m_brushFrom; }
    QDate brushTo() const { return m_brushTo; }
    void clearBrush();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The researcher brushed [from, to] on the project lane; both invalid when the brush was cleared.
    void dateRangeBrushed(QDate from, QDate to);
    // A mention was clicked: its span in code points into the current article's body.
    void referenceActivated(qint64 start, qint64 end);
    void articleClicked(qint64 articleId);
    void referenceContextMenu(qsizetype index, QPoint globalPos);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override;

private:
    void layoutReferences();
    void paintAxis(QPainter &p);
    void paintProjectLane(QPainter &p);
    void paintArticleLane(QPainter &p);
    qsizetype referenceAt(const QPoint &pos) const;
    qint64 articleAt(const QPoint &pos) const;
    QString sentenceOf(const model::TimeRef &ref) const;
    void fitDays(double from, double to);

    QList<ArticleMark> m_articles; // sorted by date
    QSet<qint64> m_marked;
    QString m_markedCaption;
    qint64 m_currentId = 0;
    QDate m_currentDate;
    QString m_body;
    QList<model::TimeRef> m_refs;
    QList<int> m_rows; // row of each reference in the article lane
    QList<double> m_labelMax; // the room for each label before the next mark in its row

    // The days last fitted; kept in view on resize until the researcher zooms or scrolls.
    double m_fitFrom = 0;
    double m_fitTo = 0;
    bool m_fitted = false;
    double m_pixelsPerDay = 4;
    double m_firstDay = 0;

    QDate m_brushFrom;
    QDate m_brushTo;
    bool m_brushing = false;
    bool m_panning = false;
    double m_pressX = 0;
    double m_pressFirstDay = 0;
};

} // namespace gloss::ui
