#pragma once

#include "model/article.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QListWidget;
class QScrollBar;

namespace gloss::ui {

class Document;
class Reextractor;
class TimelineView;

// The timeline dock's content: the two-lane view with its zoom and fit buttons and a scroll bar,
// kept in step with the project and the current article. Corrections go through the undo stack.
class TimelinePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePanel)

public:
    explicit TimelinePanel(Document &document, QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }
    // The current article's durations, recurrences and references ("for three days", "every
    // Friday", "now"): listed beside the axis, since they have no place on it. Hidden when none.
    QListWidget *unplacedList() const { return m_unplaced; }
    // Shows an article's dates, read from the project.
    void showArticle(qint64 articleId, bool fit = true);
    // Shows the dates of an article already read (the reader's): its body is shared, not read again.
    void showArticle(const model::Article &article);
    // "Find dates again": in the current article at once, or in every article on a worker thread
    // (reextractor()) with a progress dialog offering Cancel.
    void reextract(bool all);
    Reextractor *reextractor() const { return m_reextractor; }

Q_SIGNALS:
    void dateRangeBrushed(QDate from, QDate to);
    void referenceActivated(qint64 start, qint64 end); // code points into the current article
    void articleClicked(qint64 articleId);

private:
    void reloadArticles();
    void reloadReferences(bool fit);
    void syncScrollBar();
    void showReferenceMenu(qsizetype index, QPoint globalPos);
    void fillUnplaced();

    Document &m_document;
    model::Article m_article; // the current article
    TimelineView *m_view;
    QListWidget *m_unplaced;
    QScrollBar *m_scroll;
    QLabel *m_status;
    bool m_syncing = false;
    Reextractor *m_reextractor = nullptr;
};

} // namespace gloss::ui
