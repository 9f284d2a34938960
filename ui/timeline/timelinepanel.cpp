#include "timeline/timelinepanel.h"

#include "commands/timerefoverridecommand.h"
#include "document.h"
#include "extract/temporaltagger.h"
#include "model/timevalue.h"
#include "operations/error.h"
#include "operations/library.h"
#include "operations/project.h"
#include "operations/timeline.h"
#include "timeline/timelineview.h"
#include "work/reextractor.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace gloss::ui {

TimelinePanel::TimelinePanel(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_view(new TimelineView(this))
    , m_unplaced(new QListWidget(this))
    , m_scroll(new QScrollBar(Qt::Horizontal, this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("TimelinePanel"));
    m_reextractor = new Reextractor(document, Reextractor::What::Dates, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    auto button = [this, bar](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        bar->addWidget(b);
        return b;
    };
    button(tr("Article"), tr("Fit the current article's dates (Home)"), [this] { m_view->fitArticle(); });
    button(tr("All"), tr("Fit every article and date (0)"), [this] { m_view->fitAll(); });
    button(QStringLiteral("+"), tr("Zoom in (+, wheel)"), [this] { m_view->zoom(1.5); });
    button(QStringLiteral("−"), tr("Zoom out (-, wheel)"), [this] { m_view->zoom(1 / 1.5); });
    button(tr("Clear dates"), tr("Show the articles of every date (Esc)"), [this] { m_view->clearBrush(); });
    QToolButton *again = button(
        tr("Find dates again"), tr("Run date extraction again; corrections are kept"), [this] { reextract(false); });
    auto *againMenu = new QMenu(again);
    againMenu->addAction(tr("In this article"), this, [this] { reextract(false); });
    againMenu->addAction(tr("In every article"), this, [this] { reextract(true); });
    again->setMenu(againMenu);
    again->setPopupMode(QToolButton::MenuButtonPopup);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);
    auto *lanes = new QHBoxLayout;
    lanes->setSpacing(4);
    lanes->addWidget(m_view, 1);
    m_unplaced->setObjectName(QStringLiteral("TimelineUnplaced"));
    m_unplaced->setToolTip(tr("Durations, recurrences and references of this article: they have no place on the "
                              "axis. Click one to see it in the text; right-click to correct it."));
    m_unplaced->setFixedWidth(fontMetrics().averageCharWidth() * 34);
    m_unplaced->setWordWrap(true);
    m_unplaced->setContextMenuPolicy(Qt::CustomContextMenu);
    m_unplaced->setVisible(false);
    lanes->addWidget(m_unplaced);
    layout->addLayout(lanes, 1);
    layout->addWidget(m_scroll);
    auto referenceOf = [this](const QListWidgetItem *item) {
        return item ? m_view->references().value(item->data(Qt::UserRole).toLongLong()) : model::TimeRef{};
    };
    connect(m_unplaced, &QListWidget::itemActivated, this, [this, referenceOf](QListWidgetItem *item) {
        const model::TimeRef r = referenceOf(item);
        if (r.end > r.start)
            Q_EMIT referenceActivated(r.start, r.end);
    });
    connect(m_unplaced, &QListWidget::itemClicked, m_unplaced, &QListWidget::itemActivated);
    connect(m_unplaced, &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        if (const QListWidgetItem *item = m_unplaced->itemAt(pos))
            showReferenceMenu(item->data(Qt::UserRole).toLongLong(), m_unplaced->viewport()->mapToGlobal(pos));
    });

    connect(m_view, &TimelineView::viewChanged, this, &TimelinePanel::syncScrollBar);
    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_syncing)
            m_view->setFirstDay(double(value));
    });
    connect(m_view, &TimelineView::dateRangeBrushed, this, [this](QDate from, QDate to) {
        m_status->setText(from.isValid()
                ? tr("Articles listed: published %1 to %2")
                      .arg(QLocale().toString(from, QLocale::ShortFormat), QLocale().toString(to, QLocale::ShortFormat))
                : QString());
        Q_EMIT dateRangeBrushed(from, to);
    });
    connect(m_view, &TimelineView::referenceActivated, this, &TimelinePanel::referenceActivated);
    connect(m_view, &TimelineView::articleClicked, this, &TimelinePanel::articleClicked);
    connect(m_view, &TimelineView::referenceContextMenu, this, &TimelinePanel::showReferenceMenu);
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes, qint64 articleId) {
        if (changes & Document::Articles)
            reloadArticles();
        if (articleId != 0 && articleId != m_article.id)
            return;
        if (changes & Document::Articles) // its dates may have changed, or it may be gone
            showArticle(m_article.id, false);
        else if (changes & Document::Times)
            reloadReferences(false);
    });
    reloadArticles();
}

void TimelinePanel::reloadArticles()
{
    QList<TimelineView::ArticleMark> marks;
    const QList<model::ArticleSummary> all = m_document.project().library().list(
        {}, model::ArticleOrder::Published, true, 0, std::numeric_limits<qint64>::max());
    marks.reserve(all.size());
    for (const model::ArticleSummary &s : all)
        marks.append({s.id, s.published, s.title});
    m_view->setArticles(marks);
}

void TimelinePanel::showArticle(qint64 articleId, bool fit)
{
    const auto article = articleId ? m_document.project().library().article(articleId) : std::nullopt;
    m_article = article.value_or(model::Article{});
    reloadReferences(fit);
}

void TimelinePanel::showArticle(const model::Article &article)
{
    if (article.id == m_view->currentArticle() && article.id == m_article.id)
        return;
    m_article = article; // shares the reader's body: no copy of a long article
    reloadReferences(true);
}

void TimelinePanel::reloadReferences(bool fit)
{
    const qint64 id = m_article.id;
    if (!id) {
        m_view->setCurrentArticle(0, {}, {}, {});
        fillUnplaced();
        m_status->clear();
        return;
    }
    const QDate date = m_article.published.isValid() ? m_article.published : m_article.retrieved;
    m_view->setCurrentArticle(id, date, m_article.body, m_document.project().timeline().forArticle(id));
    fillUnplaced();
    if (!m_view->brushFrom().isValid()) {
        if (m_article.published.isValid())
            m_status->setText(tr("Dates resolved against the publication date, %1")
                                  .arg(QLocale().toString(m_article.published, QLocale::LongFormat)));
        else if (m_article.retrieved.isValid())
            m_status->setText(tr("No publication date: dates resolved against the retrieval date, %1")
                                  .arg(QLocale().toString(m_article.retrieved, QLocale::LongFormat)));
        else
            m_status->setText(tr("No publication or retrieval date: only full dates are placed"));
    }
    if (fit)
        m_view->fitArticle();
}

void TimelinePanel::fillUnplaced()
{
    m_unplaced->clear();
    const QList<model::TimeRef> &refs = m_view->references();
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const model::TimeRef &r = refs.at(i);
        if (r.dismissed || r.rangeStart.isValid())
            continue;
        const auto g = model::granularityFromName(r.granularity);
        QString kind;
        switch (g.value_or(model::Granularity::Duration)) {
        case model::Granularity::Set:
            kind = tr("recurs");
            break;
        case model::Granularity::Reference:
            kind = tr("refers to");
            break;
        case model::Granularity::Time:
            kind = tr("time");
            break;
        default:
            kind = tr("lasts");
            break;
        }
        auto *item
            = new QListWidgetItem(tr("\u201C%1\u201D \u2014 %2 %3")
                                      .arg(r.text.simplified(), kind,
                                          model::describeTimeValue(r.value, g.value_or(model::Granularity::Duration))),
                m_unplaced);
        item->setData(Qt::UserRole, qint64(i));
        item->setToolTip(tr("%1 (%2)").arg(r.value, r.granularity));
    }
    m_unplaced->setVisible(m_unplaced->count() > 0);
}

void TimelinePanel::syncScrollBar()
{
    const double visible = m_view->width() / m_view->pixelsPerDay();
    m_syncing = true;
    m_scroll->setRange(int(std::floor(m_view->minDay() - visible * 0.9)),
        std::max(int(std::floor(m_view->minDay() - visible * 0.9)), int(std::ceil(m_view->maxDay() - visible * 0.1))));
    m_scroll->setPageStep(std::max(1, int(visible)));
    m_scroll->setSingleStep(std::max(1, int(visible / 8)));
    m_scroll->setValue(int(std::lround(m_view->firstDay())));
    m_syncing = false;
}

void TimelinePanel::showReferenceMenu(qsizetype index, QPoint globalPos)
{
    const model::TimeRef ref = m_view->references().value(index);
    const qint64 articleId = m_view->currentArticle();
    QMenu menu(this);
    menu.addAction(tr("Correct the date of “%1”…").arg(ref.text), this, [this, ref, articleId] {
        bool ok = false;
        const QString value = QInputDialog::getText(this, tr("Correct date"),
            tr("Date for “%1” (2018-06-07, 2018-W23, 2018-06, 2018-Q2, 2018, 199X, P3M):").arg(ref.text),
            QLineEdit::Normal, ref.value, &ok);
        if (!ok || value.trimmed().isEmpty() || value.trimmed() == ref.value)
            return;
        extract::Granularity g{};
        QDate from, to;
        if (!extract::parseTimeValue(value.trimmed(), g, from, to)) {
            QMessageBox::warning(this, tr("Correct date"), tr("“%1” is not a date Gloss understands.").arg(value));
            return;
        }
        m_document.undoStack()->push(new TimeRefOverrideCommand(m_document, articleId, ref.start, ref.end,
            model::TimeRefOverride{articleId, ref.start, ref.end, value.trimmed(), {}, false, {}},
            tr("Correct date of “%1”").arg(ref.text)));
    });
    menu.addAction(tr("Not a date: dismiss “%1”").arg(ref.text), this, [this, ref, articleId] {
        m_document.undoStack()->push(new TimeRefOverrideCommand(m_document, articleId, ref.start, ref.end,
            model::TimeRefOverride{articleId, ref.start, ref.end, {}, {}, true, {}},
            tr("Dismiss date “%1”").arg(ref.text)));
    });
    if (ref.overridden)
        menu.addAction(tr("Restore the date found (%1)").arg(ref.extractedValue), this, [this, ref, articleId] {
            m_document.undoStack()->push(new TimeRefOverrideCommand(
                m_document, articleId, ref.start, ref.end, std::nullopt, tr("Restore date of “%1”").arg(ref.text)));
        });
    menu.exec(globalPos);
}

void TimelinePanel::reextract(bool all)
{
    if (all) {
        m_reextractor->start();
        return;
    }
    const qint64 id = m_view->currentArticle();
    if (!id)
        return;
    try {
        // One article is quick: it runs here, and the project's listener refreshes the panels.
        m_document.project().timeline().reextract(id);
    } catch (const operations::OperationError &e) {
        QMessageBox::warning(this, tr("Find dates again"), e.message());
    }
}

} // namespace gloss::ui
