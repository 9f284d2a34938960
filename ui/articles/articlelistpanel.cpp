#include "articles/articlelistpanel.h"

#include "articles/articlelistmodel.h"
#include "document.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gloss::ui {

ArticleListPanel::ArticleListPanel(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new ArticleListModel(document, this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_entityFilter(new QToolButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_search->setPlaceholderText(tr("Search titles and text (\"phrase\", OR, NOT, prefix*)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Words must all occur; \"exact phrase\"; a OR b; NOT word; prefix*"));
    layout->addWidget(m_search);
    m_entityFilter->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_entityFilter->setAutoRaise(true);
    m_entityFilter->setToolTip(tr("Show all articles again"));
    m_entityFilter->hide();
    connect(m_entityFilter, &QToolButton::clicked, this, [this] { setEntityFilter(0); });
    layout->addWidget(m_entityFilter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ArticleListModel::Published, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setSectionResizeMode(ArticleListModel::Title, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ArticleListModel::Published, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ArticleListModel::Highlights, QHeaderView::ResizeToContents);
    m_view->setColumnHidden(ArticleListModel::Tags, true);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &ArticleListPanel::applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, &ArticleListPanel::applySearch);

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT articleActivated(m_model->articleAt(current.row()));
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ArticleListPanel::updateCount);
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (changes & (Document::Articles | Document::Highlights | Document::Codebook | Document::Sets)) {
            const qint64 current = currentArticle();
            m_model->reload();
            if (current)
                selectArticle(current);
        }
    });
    updateCount();
}

qint64 ArticleListPanel::currentArticle() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->articleAt(current.row()) : 0;
}

void ArticleListPanel::selectArticle(qint64 articleId)
{
    const int row = m_model->rowOf(articleId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, ArticleListModel::Title);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ArticleListPanel::step(int delta)
{
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + delta : 0;
    if (row >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, ArticleListModel::Title);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ArticleListPanel::setEntityFilter(qint64 entityId, const QString &name)
{
    model::ArticleFilter filter = m_model->filter();
    filter.entityId = entityId;
    m_model->setFilter(filter);
    m_entityFilter->setText(tr("Mentioning “%1”  ✕").arg(name));
    m_entityFilter->setVisible(entityId != 0);
}

void ArticleListPanel::applySearch()
{
    model::ArticleFilter filter = m_model->filter();
    if (filter.search == m_search->text())
        return;
    filter.search = m_search->text();
    m_model->setFilter(filter);
}

void ArticleListPanel::updateCount()
{
    m_count->setText(tr("%n article(s)", nullptr, int(m_model->totalCount())));
}

} // namespace gloss::ui
