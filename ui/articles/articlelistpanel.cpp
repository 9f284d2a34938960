#include "articles/articlelistpanel.h"

#include "articles/articlelistmodel.h"
#include "articles/variablesdialog.h"
#include "coders/coderidentity.h"
#include "commands/setcommands.h"
#include "document.h"
#include "elidingheader.h"
#include "operations/agreement.h"
#include "operations/codebook.h"
#include "operations/library.h"
#include "operations/project.h"
#include "operations/sets.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

const QDate NoDate(1000, 1, 1); // the date edits' "any" value

} // namespace

ArticleListPanel::ArticleListPanel(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new ArticleListModel(document, this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_tagBox(new QComboBox(this))
    , m_setBox(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_entityFilter(new QToolButton(this))
    , m_variableButton(new QToolButton(this))
    , m_doneButton(new QToolButton(this))
    , m_variablesAction(new QAction(tr("Article &Variables…"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_search->setPlaceholderText(tr("Search titles and text"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("All words must occur; \"exact phrase\"; a OR b; NOT word (or -word); prefix*"));
    layout->addWidget(m_search);

    auto *filters = new QHBoxLayout;
    m_tagBox->setToolTip(tr("Only articles coded with this tag (or its children)"));
    m_setBox->setToolTip(tr("Only articles in this set"));
    filters->addWidget(m_tagBox, 1);
    filters->addWidget(m_setBox, 1);
    m_variableButton->setObjectName(QStringLiteral("variableFilter"));
    m_variableButton->setText(tr("Variable"));
    m_variableButton->setToolTip(tr("Only articles whose variable (section, language, …) has a value"));
    m_variableButton->setPopupMode(QToolButton::InstantPopup);
    m_variableButton->setMenu(new QMenu(m_variableButton));
    connect(m_variableButton->menu(), &QMenu::aboutToShow, this, &ArticleListPanel::fillVariableMenu);
    filters->addWidget(m_variableButton);
    m_doneButton->setObjectName(QStringLiteral("doneFilter"));
    m_doneButton->setText(tr("Done"));
    m_doneButton->setToolTip(tr("Only articles done, or not yet done, by coders"));
    m_doneButton->setPopupMode(QToolButton::InstantPopup);
    m_doneButton->setMenu(new QMenu(m_doneButton));
    connect(m_doneButton->menu(), &QMenu::aboutToShow, this, &ArticleListPanel::fillDoneMenu);
    filters->addWidget(m_doneButton);
    layout->addLayout(filters);
    auto *dates = new QHBoxLayout;
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMinimumDate(NoDate);
        edit->setSpecialValueText(tr("any"));
        edit->setDate(NoDate);
    }
    m_from->setToolTip(tr("Published on or after"));
    m_to->setToolTip(tr("Published on or before"));
    dates->addWidget(new QLabel(tr("From"), this));
    dates->addWidget(m_from, 1);
    dates->addWidget(new QLabel(tr("to"), this));
    dates->addWidget(m_to, 1);
    layout->addLayout(dates);
    m_entityFilter->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_entityFilter->setAutoRaise(true);
    m_entityFilter->setToolTip(tr("Show all articles again"));
    m_entityFilter->hide();
    connect(m_entityFilter, &QToolButton::clicked, this, [this] { setEntityFilter(0); });
    layout->addWidget(m_entityFilter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    m_view->setHorizontalHeader(new ElidingHeader(m_view));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ArticleListModel::Published, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // The title takes what the other columns leave; they are as wide as their content (fitColumns).
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(ArticleListModel::Title, QHeaderView::Stretch);
    for (int c : {ArticleListModel::Published, ArticleListModel::Source, ArticleListModel::Highlights,
             ArticleListModel::Tags, ArticleListModel::Done})
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Interactive);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ArticleListPanel::fitColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ArticleListPanel::fitColumns);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != ArticleListModel::Title && column < ArticleListModel::ColumnCount)
            m_userSized.insert(column);
    });
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this, &ArticleListPanel::showHeaderMenu);
    // Variable columns are no order of the list: the indicator goes back to the order in use.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        if (section >= ArticleListModel::ColumnCount || section == ArticleListModel::Done)
            m_view->horizontalHeader()->setSortIndicator(ArticleListModel::Published, Qt::AscendingOrder);
    });

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &ArticleListPanel::applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, &ArticleListPanel::applySearch);
    connect(m_tagBox, &QComboBox::activated, this, [this] { setTagFilter(m_tagBox->currentData().toLongLong()); });
    connect(m_setBox, &QComboBox::activated, this, [this] { setSetFilter(m_setBox->currentData().toLongLong()); });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_updating)
                return;
            setDateRange(
                m_from->date() == NoDate ? QDate() : m_from->date(), m_to->date() == NoDate ? QDate() : m_to->date());
        });

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT articleActivated(m_model->articleAt(current.row()));
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ArticleListPanel::updateCount);
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (changes & (Document::Codebook | Document::Sets))
            reloadFilterChoices();
        if (changes
            & (Document::Articles | Document::Highlights | Document::Codebook | Document::Sets | Document::Variables)) {
            // A reload (a change here or in another process) keeps the selection and the place.
            const qint64 current = currentArticle();
            const QList<qint64> selected = selectedArticles();
            const int scroll = m_view->verticalScrollBar()->value();
            m_model->reload();
            if (current)
                selectArticle(current);
            constexpr qsizetype KeptSelection = 500; // beyond that, the current article only
            if (selected.size() > 1 && selected.size() <= KeptSelection) {
                QItemSelection rows;
                for (qint64 id : selected) {
                    const int row = m_model->rowOf(id);
                    if (row >= 0)
                        rows.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
                }
                m_view->selectionModel()->select(rows, QItemSelectionModel::Select);
            }
            m_view->verticalScrollBar()->setValue(scroll);
        }
    });
    createSetActions();
    m_variablesAction->setObjectName(QStringLiteral("articleVariablesAction"));
    m_variablesAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+V")));
    m_variablesAction->setToolTip(tr("Add, change or remove the variables of the current article"));
    connect(m_variablesAction, &QAction::triggered, this, [this] {
        const qint64 id = currentArticle();
        if (!id)
            return;
        auto *dialog = new VariablesDialog(m_document, id, window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_view->addAction(m_variablesAction);
    reloadFilterChoices();
    setVariableColumns(QSettings().value(QStringLiteral("articleList/variableColumns")).toStringList());
    m_hiddenByChoice = QSettings().value(QStringLiteral("articleList/hiddenColumns")).toStringList();
    m_shownByChoice = QSettings().value(QStringLiteral("articleList/shownColumns")).toStringList();
    fitColumns();
    updateCount();
}

void ArticleListPanel::fillVariableMenu()
{
    QMenu *menu = m_variableButton->menu();
    menu->clear();
    const auto &filter = m_model->filter();
    QAction *any = menu->addAction(tr("Any Variable"), this, [this] { setVariableFilter({}, {}); });
    any->setCheckable(true);
    any->setChecked(filter.variables.isEmpty());
    const QStringList names = m_document.project().library().variableNames();
    if (names.isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("No article has variables yet"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    constexpr int Shown = 30; // the most common values; the rest by name
    for (const QString &name : names) {
        QMenu *sub = menu->addMenu(name);
        auto counts = m_document.project().library().variableValueCounts(name);
        std::stable_sort(
            counts.begin(), counts.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
        for (qsizetype i = 0; i < counts.size() && i < Shown; ++i) {
            const QString value = counts.at(i).first;
            QAction *a = sub->addAction(
                tr("%1 (%2)").arg(value.size() > 50 ? value.left(49) + u'…' : value).arg(counts.at(i).second), this,
                [this, name, value] { setVariableFilter(name, value); });
            a->setCheckable(true);
            a->setChecked(filter.variables.size() == 1 && filter.variables.first().first == name
                && filter.variables.first().second.compare(value, Qt::CaseInsensitive) == 0);
        }
        if (counts.size() > Shown) {
            sub->addSeparator();
            sub->addAction(tr("Other Value…"), this, [this, name] {
                bool ok = false;
                const QString value = QInputDialog::getText(this, tr("Filter by Variable"),
                    tr("Articles whose “%1” is:").arg(name), QLineEdit::Normal, {}, &ok);
                if (ok && !value.trimmed().isEmpty())
                    setVariableFilter(name, value.trimmed());
            });
        }
    }
}

void ArticleListPanel::setVariableFilter(const QString &name, const QString &value)
{
    model::ArticleFilter filter = m_model->filter();
    filter.variables.clear();
    if (!name.isEmpty())
        filter.variables.append({name, value});
    m_variableButton->setText(name.isEmpty() ? tr("Variable") : tr("%1: %2").arg(name, value));
    applyFilter(filter);
}

void ArticleListPanel::setVariableColumns(const QStringList &names)
{
    m_model->setVariableColumns(names);
    for (int c = ArticleListModel::ColumnCount; c < m_model->columnCount(); ++c) {
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Interactive);
        m_view->setColumnWidth(c, 90);
    }
    QSettings().setValue(QStringLiteral("articleList/variableColumns"), names);
}

namespace {

// The fixed columns the user may hide, by the name the settings keep.
const QList<std::pair<int, QString>> &optionalColumns()
{
    static const QList<std::pair<int, QString>> columns = {{ArticleListModel::Published, QStringLiteral("published")},
        {ArticleListModel::Source, QStringLiteral("source")},
        {ArticleListModel::Highlights, QStringLiteral("highlights")}, {ArticleListModel::Tags, QStringLiteral("tags")},
        {ArticleListModel::Done, QStringLiteral("done")}};
    return columns;
}

} // namespace

void ArticleListPanel::fitColumns()
{
    // Each column as wide as the widest of the rows loaded, or its header, up to a sensible most;
    // the title takes the rest and keeps 55% of the list where it can: when the others would leave less,
    // they give back first what only their header needed (the header is then elided; a source, tags
    // or done column no row fills keeps its first letter and an ellipsis), then the done marks, the tags and the
    // source down to a few characters (elided; the date and the count are never cut). A column the
    // user sized by hand keeps its width.
    if (m_fitting)
        return;
    m_fitting = true;
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 8;
    auto most = [&](int column) {
        switch (column) {
        case ArticleListModel::Source:
            return metrics.averageCharWidth() * 18 + padding;
        case ArticleListModel::Tags:
            return metrics.averageCharWidth() * 24 + padding;
        case ArticleListModel::Done:
            return metrics.averageCharWidth() * 16 + padding;
        default:
            return metrics.averageCharWidth() * 14 + padding;
        }
    };
    const int least = metrics.horizontalAdvance(QStringLiteral("0000")) + padding;
    const int ellipsis = metrics.horizontalAdvance(QStringLiteral("W…")) + padding; // "T…", "D…"
    const auto isText = [](int column) {
        return column == ArticleListModel::Source || column == ArticleListModel::Tags
            || column == ArticleListModel::Done;
    };
    // Whether any of the rows loaded (the first few hundred are enough to tell) shows something there.
    const auto columnHasText = [this](int column) {
        const int rows = std::min(m_model->rowCount(), 500);
        for (int row = 0; row < rows; ++row)
            if (!m_model->data(m_model->index(row, column), Qt::DisplayRole).toString().isEmpty())
                return true;
        return false;
    };
    // Which optional columns show: the user's choice (the header's menu), else all but the tags
    // and done columns, which show once one of the rows loaded has an article tag or a done mark.
    for (const auto &[column, name] : optionalColumns()) {
        bool hidden = m_hiddenByChoice.contains(name);
        if (!hidden && !m_shownByChoice.contains(name)
            && (column == ArticleListModel::Tags || column == ArticleListModel::Done))
            hidden = !columnHasText(column);
        if (m_view->isColumnHidden(column) != hidden)
            m_view->setColumnHidden(column, hidden);
    }
    struct Fit
    {
        int width, content;
    };
    QHash<int, Fit> fits;
    int total = 0;
    for (const auto &[column, name] : optionalColumns()) {
        if (m_view->isColumnHidden(column))
            continue;
        if (m_userSized.contains(column)) {
            total += m_view->columnWidth(column);
            continue;
        }
        const int content
            = std::min(static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(column), most(int(column)));
        const int w = std::min(std::max(content, header->sectionSizeHint(column)), most(int(column)));
        // An empty text column (no source, no tags, no one done yet) gives back all but an ellipsis.
        const bool empty = isText(column) && !columnHasText(column);
        // A count keeps three digits (more when a row has more); other columns four characters.
        const int floor = column == ArticleListModel::Highlights
            ? std::max(content, metrics.horizontalAdvance(QStringLiteral("000")) + padding)
            : std::max(least, content);
        fits.insert(column, {w, empty ? ellipsis : floor});
        total += w;
    }
    const int room = m_view->viewport()->width() * 45 / 100;
    const QList<int> giving = {int(ArticleListModel::Done), int(ArticleListModel::Tags), int(ArticleListModel::Source),
        int(ArticleListModel::Published), int(ArticleListModel::Highlights)};
    for (const bool toContent : {true, false}) {
        for (const int column : giving) {
            if (total <= room || !fits.contains(column))
                continue;
            if (!toContent && (column == ArticleListModel::Published || column == ArticleListModel::Highlights))
                continue;
            Fit &fit = fits[column];
            const int floor = toContent ? fit.content : std::min(least, fit.content);
            const int cut = std::min(total - room, fit.width - floor);
            if (cut > 0) {
                fit.width -= cut;
                total -= cut;
            }
        }
    }
    for (auto it = fits.cbegin(); it != fits.cend(); ++it)
        m_view->setColumnWidth(it.key(), it.value().width);
    m_fitting = false;
}

void ArticleListPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

QStringList ArticleListPanel::hiddenColumns() const
{
    QStringList names;
    for (const auto &[column, name] : optionalColumns())
        if (m_view->isColumnHidden(column))
            names.append(name);
    return names;
}

void ArticleListPanel::setHiddenColumns(const QStringList &names)
{
    m_hiddenByChoice.clear();
    m_shownByChoice.clear();
    for (const auto &[column, name] : optionalColumns())
        (names.contains(name) ? m_hiddenByChoice : m_shownByChoice).append(name);
    saveColumnChoice();
}

void ArticleListPanel::setColumnShown(const QString &name, bool shown)
{
    m_hiddenByChoice.removeAll(name);
    m_shownByChoice.removeAll(name);
    (shown ? m_shownByChoice : m_hiddenByChoice).append(name);
    saveColumnChoice();
}

void ArticleListPanel::saveColumnChoice()
{
    QSettings().setValue(QStringLiteral("articleList/hiddenColumns"), m_hiddenByChoice);
    QSettings().setValue(QStringLiteral("articleList/shownColumns"), m_shownByChoice);
    fitColumns(); // shows and hides them, without counting as a resizing by hand
}

void ArticleListPanel::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addSection(tr("Columns"));
    menu.addAction(m_model->headerData(ArticleListModel::Title, Qt::Horizontal, Qt::DisplayRole).toString())
        ->setEnabled(false); // always shown
    for (const auto &[column, name] : optionalColumns()) {
        QAction *a = menu.addAction(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        a->setCheckable(true);
        a->setChecked(!m_view->isColumnHidden(column));
        connect(a, &QAction::toggled, this, [this, name](bool on) { setColumnShown(name, on); });
    }
    menu.addSection(tr("Variables as Columns"));
    const QStringList names = m_document.project().library().variableNames();
    if (names.isEmpty())
        menu.addAction(tr("No article has variables yet"))->setEnabled(false);
    const QStringList shown = m_model->variableColumns();
    for (const QString &name : names) {
        QAction *a = menu.addAction(name);
        a->setCheckable(true);
        a->setChecked(shown.contains(name));
        connect(a, &QAction::toggled, this, [this, name](bool on) {
            QStringList columns = m_model->variableColumns();
            columns.removeAll(name);
            if (on)
                columns.append(name);
            setVariableColumns(columns);
        });
    }
    menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
}

void ArticleListPanel::createSetActions()
{
    auto add = [this](const QString &text, const QString &tip, auto slot) {
        auto *a = new QAction(text, this);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        m_setActions.append(a);
        m_view->addAction(a);
        return a;
    };
    add(tr("New Set from Selection…"), tr("A new article set holding the selected articles"), [this] {
        bool ok = false;
        const QString name
            = QInputDialog::getText(this, tr("New Set"), tr("Name of the set:"), QLineEdit::Normal, {}, &ok);
        if (ok && !name.trimmed().isEmpty())
            newSetFromSelection(name);
    });
    add(tr("New Set from Search Results…"), tr("A new article set holding every article the list shows now"), [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("New Set"), tr("Name of the set:"), QLineEdit::Normal, m_search->text(), &ok);
        if (ok && !name.trimmed().isEmpty())
            newSetFromSearch(name);
    });
    add(tr("Add Selection to Set…"), tr("Add the selected articles to a set"), [this] {
        if (const qint64 set = askSet(tr("Add to Set")); set > 0)
            m_document.undoStack()->push(new ChangeSetArticlesCommand(m_document, set, selectedArticles(), true));
    });
    add(tr("Remove Selection from Set…"), tr("Remove the selected articles from a set"), [this] {
        const qint64 current = m_model->filter().setId;
        const qint64 set = current ? current : askSet(tr("Remove from Set"));
        if (set > 0)
            m_document.undoStack()->push(new ChangeSetArticlesCommand(m_document, set, selectedArticles(), false));
    });
    add(tr("Delete Set…"), tr("Delete a set (its articles stay in the project)"), [this] {
        if (const qint64 set = askSet(tr("Delete Set")); set > 0) {
            if (m_model->filter().setId == set)
                setSetFilter(0);
            m_document.undoStack()->push(new DeleteSetCommand(m_document, set));
        }
    });
}

qint64 ArticleListPanel::askSet(const QString &title)
{
    const auto sets = m_document.project().sets().all();
    if (sets.isEmpty()) {
        QMessageBox::information(
            this, title, tr("There are no sets yet. Create one from the selection or the search."));
        return 0;
    }
    QStringList names;
    for (const auto &s : sets)
        names << s.name;
    bool ok = false;
    const QString picked = QInputDialog::getItem(this, title, tr("Set:"), names, 0, false, &ok);
    if (!ok)
        return 0;
    return sets.at(names.indexOf(picked)).id;
}

void ArticleListPanel::newSetFromSelection(const QString &name)
{
    m_document.undoStack()->push(new CreateSetCommand(m_document, name, selectedArticles()));
}

void ArticleListPanel::newSetFromSearch(const QString &name)
{
    m_document.undoStack()->push(
        new CreateSetCommand(m_document, name, m_document.project().library().ids(m_model->filter())));
}

void ArticleListPanel::reloadFilterChoices()
{
    const qint64 tag = m_model->filter().tagId;
    const qint64 set = m_model->filter().setId;
    m_tagBox->clear();
    m_tagBox->addItem(tr("Any tag"), qint64(0));
    auto &codebook = m_document.project().codebook();
    for (const model::Tag &t : codebook.tagsWithoutCounts()) // the counts would cost a pass over every highlight
        m_tagBox->addItem(codebook.path(t.id), t.id);
    m_setBox->clear();
    m_setBox->addItem(tr("All articles"), qint64(0));
    for (const auto &s : m_document.project().sets().all())
        m_setBox->addItem(tr("%1 (%2)").arg(s.name).arg(s.articles), s.id);
    m_tagBox->setCurrentIndex(std::max(0, m_tagBox->findData(tag)));
    m_setBox->setCurrentIndex(std::max(0, m_setBox->findData(set)));
}

qint64 ArticleListPanel::currentArticle() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->articleAt(current.row()) : 0;
}

QList<qint64> ArticleListPanel::selectedArticles() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(m_model->articleAt(index.row()));
    std::sort(ids.begin(), ids.end());
    return ids;
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

void ArticleListPanel::applyFilter(const model::ArticleFilter &filter)
{
    const qint64 current = currentArticle();
    m_model->setFilter(filter);
    if (current)
        selectArticle(current);
}

void ArticleListPanel::applySearch()
{
    model::ArticleFilter filter = m_model->filter();
    if (filter.search == m_search->text())
        return;
    filter.search = m_search->text();
    applyFilter(filter);
}

void ArticleListPanel::setTagFilter(qint64 tagId)
{
    model::ArticleFilter filter = m_model->filter();
    filter.tagId = tagId;
    m_tagBox->setCurrentIndex(std::max(0, m_tagBox->findData(tagId)));
    applyFilter(filter);
}

void ArticleListPanel::setSetFilter(qint64 setId)
{
    model::ArticleFilter filter = m_model->filter();
    filter.setId = setId;
    m_setBox->setCurrentIndex(std::max(0, m_setBox->findData(setId)));
    applyFilter(filter);
}

void ArticleListPanel::setDateRange(const QDate &from, const QDate &to)
{
    model::ArticleFilter filter = m_model->filter();
    filter.from = from;
    filter.to = to;
    m_updating = true;
    m_from->setDate(from.isValid() ? from : NoDate);
    m_to->setDate(to.isValid() ? to : NoDate);
    m_updating = false;
    applyFilter(filter);
}

void ArticleListPanel::setEntityFilter(qint64 entityId, const QString &name)
{
    model::ArticleFilter filter = m_model->filter();
    filter.entityId = entityId;
    m_entityFilter->setText(tr("Mentioning “%1”  ✕").arg(name));
    m_entityFilter->setVisible(entityId != 0);
    applyFilter(filter);
}

void ArticleListPanel::clearFilters()
{
    m_search->clear();
    m_updating = true;
    m_from->setDate(NoDate);
    m_to->setDate(NoDate);
    m_updating = false;
    m_tagBox->setCurrentIndex(0);
    m_setBox->setCurrentIndex(0);
    m_entityFilter->hide();
    m_variableButton->setText(tr("Variable"));
    m_doneButton->setText(tr("Done"));
    applyFilter({});
}

void ArticleListPanel::updateCount()
{
    const qint64 total = m_model->totalCount();
    const bool filtered = !m_model->filter().isEmpty();
    m_count->setText(
        filtered ? tr("%n article(s) match", nullptr, int(total)) : tr("%n article(s)", nullptr, int(total)));
}

} // namespace gloss::ui

namespace gloss::ui {

// The done filter: which coders finished the articles shown.

void ArticleListPanel::setDoneFilter(const QStringList &doneBy, const QStringList &notDoneBy)
{
    model::ArticleFilter filter = m_model->filter();
    filter.doneBy = doneBy;
    filter.notDoneBy = notDoneBy;
    QString label = tr("Done");
    if (!doneBy.isEmpty() && notDoneBy.isEmpty())
        label = tr("Done by %1").arg(doneBy.join(QStringLiteral(", ")));
    else if (doneBy.isEmpty() && !notDoneBy.isEmpty())
        label = tr("Not done by %1").arg(notDoneBy.join(QStringLiteral(", ")));
    else if (!doneBy.isEmpty())
        label
            = tr("Done by %1, not by %2").arg(doneBy.join(QStringLiteral(", ")), notDoneBy.join(QStringLiteral(", ")));
    m_doneButton->setText(label);
    applyFilter(filter);
}

void ArticleListPanel::fillDoneMenu()
{
    QMenu *menu = m_doneButton->menu();
    menu->clear();
    const model::ArticleFilter &filter = m_model->filter();
    const QString me = m_document.project().coder();
    const auto add = [&](const QString &text, const QStringList &doneBy, const QStringList &notDoneBy) {
        QAction *a = menu->addAction(text, this, [this, doneBy, notDoneBy] { setDoneFilter(doneBy, notDoneBy); });
        a->setCheckable(true);
        a->setChecked(filter.doneBy == doneBy && filter.notDoneBy == notDoneBy);
        return a;
    };
    add(tr("Any Progress"), {}, {});
    menu->addSeparator();
    add(tr("Done by Me (%1)").arg(coderLabel(me)), {me}, {});
    add(tr("Not Yet Done by Me (%1)").arg(coderLabel(me)), {}, {me});
    menu->addSeparator();
    QAction *all = menu->addAction(tr("Done by All of…"), this, &ArticleListPanel::askDoneByAll);
    all->setCheckable(true);
    all->setChecked(filter.doneBy.size() > 1 && filter.notDoneBy.isEmpty());
}

QStringList ArticleListPanel::knownCoders()
{
    QStringList coders = m_document.project().agreement().coders();
    const QString me = m_document.project().coder();
    if (!me.isEmpty() && !coders.contains(me))
        coders.append(me);
    coders.sort(Qt::CaseInsensitive);
    return coders;
}

void ArticleListPanel::askDoneByAll()
{
    const QStringList coders = knownCoders();
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Done by All of"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(tr("Show the articles every one of these coders marked done:"), &dialog);
    layout->addWidget(text);
    auto *list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("doneCoders"));
    const QStringList chosen = m_model->filter().doneBy;
    for (const QString &c : coders) {
        auto *item = new QListWidgetItem(coderLabel(c), list);
        item->setData(Qt::UserRole, c);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(chosen.contains(c) ? Qt::Checked : Qt::Unchecked);
    }
    if (coders.isEmpty())
        text->setText(tr("No coder has coded anything yet."));
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList doneBy;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            doneBy.append(list->item(i)->data(Qt::UserRole).toString());
    setDoneFilter(doneBy, {});
}

} // namespace gloss::ui
