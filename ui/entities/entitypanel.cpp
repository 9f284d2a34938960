#include "entities/entitypanel.h"

#include "commands/entitycommands.h"
#include "document.h"
#include "entities/entitymodel.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/project.h"
#include "reader/readerview.h"
#include "work/reextractor.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

const model::EntityType AllTypes[]
    = {model::EntityType::Person, model::EntityType::Organization, model::EntityType::Place, model::EntityType::Other};

QString typeAction(model::EntityType type)
{
    switch (type) {
    case model::EntityType::Person:
        return EntityPanel::tr("&Person");
    case model::EntityType::Organization:
        return EntityPanel::tr("&Organisation");
    case model::EntityType::Place:
        return EntityPanel::tr("P&lace");
    case model::EntityType::Other:
        break;
    }
    return EntityPanel::tr("O&ther");
}

// Sorts entities within their type and keeps the type groups in their order, hiding empty ones.
class EntityProxyModel final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (!left.parent().isValid())
            return (sortOrder() == Qt::AscendingOrder) == (left.row() < right.row());
        return QSortFilterProxyModel::lessThan(left, right);
    }
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!parent.isValid() && sourceModel()->rowCount(sourceModel()->index(row, 0)) == 0)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

} // namespace

EntityPanel::EntityPanel(Document &document, ReaderView &reader, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_reader(reader)
    , m_model(new EntityModel(document, this))
    , m_proxy(new EntityProxyModel(this))
    , m_project(new QCheckBox(tr("&Whole project"), this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_markButton(new QToolButton(this))
    , m_position(new QLabel(this))
{
    setObjectName(QStringLiteral("EntityPanel"));
    m_reextractor = new Reextractor(document, Reextractor::What::Entities, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    top->addWidget(m_filter, 1);
    m_project->setToolTip(tr("Show the entities of the whole project, with the number of articles mentioning each"));
    top->addWidget(m_project);
    layout->addLayout(top);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(EntityModel::SortRole);
    m_proxy->setFilterKeyColumn(EntityModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(EntityModel::Mentions, Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(EntityModel::Name, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(EntityModel::Mentions, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(EntityModel::Articles, QHeaderView::ResizeToContents);
    m_view->setColumnHidden(EntityModel::Articles, true);
    layout->addWidget(m_view, 1);

    auto *bottom = new QHBoxLayout;
    m_previous = new QAction(tr("Previous mention"), this);
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_next = new QAction(tr("Next mention"), this);
    m_next->setShortcut(QKeySequence(Qt::Key_F3));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    for (QAction *a : {m_previous, m_next}) {
        a->setShortcutContext(Qt::WindowShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(a->text(), a->shortcut().toString(QKeySequence::NativeText)));
        addAction(a);
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        bottom->addWidget(button);
    }
    connect(m_previous, &QAction::triggered, this, [this] { stepMention(-1); });
    connect(m_next, &QAction::triggered, this, [this] { stepMention(+1); });
    bottom->addWidget(m_position, 1);
    m_markButton->setText(tr("Mark selection as"));
    m_markButton->setToolTip(tr("Make the text selected in the reader a mention of an entity"));
    m_markButton->setPopupMode(QToolButton::InstantPopup);
    auto *markMenu = new QMenu(m_markButton);
    for (const model::EntityType type : AllTypes)
        markMenu->addAction(typeAction(type), this, [this, type] { markSelection(type); });
    m_markButton->setMenu(markMenu);
    bottom->addWidget(m_markButton);
    layout->addLayout(bottom);

    // Decisions with keys, on the list.
    m_merge = new QAction(tr("&Merge selected"), this);
    m_merge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_merge, &QAction::triggered, this, &EntityPanel::mergeSelected);
    m_reject = new QAction(tr("&Not an entity"), this);
    m_reject->setShortcut(QKeySequence::Delete);
    connect(m_reject, &QAction::triggered, this, &EntityPanel::reject);
    m_rename = new QAction(tr("&Rename…"), this);
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_rename, &QAction::triggered, this, &EntityPanel::rename);
    for (QAction *a : {m_merge, m_reject, m_rename}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
    }

    connect(m_project, &QCheckBox::toggled, this, &EntityPanel::setProjectWide);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, m_view, &QTreeView::expandAll);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &EntityPanel::showMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &EntityPanel::entityChanged);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (changes & (Document::Entities | Document::Articles))
            reload();
    });
    setFocusProxy(m_view);
    updateMarks();
}

QSize EntityPanel::sizeHint() const
{
    // Wide enough for a name and both counts side by side.
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 52, 480};
}

void EntityPanel::setArticle(qint64 articleId)
{
    m_articleId = articleId;
    if (m_model->isProjectWide()) {
        m_model->setArticle(articleId);
        entityChanged();
    } else {
        m_model->setArticle(articleId);
        m_spans.clear();
        m_mention = -1;
        updateMarks();
    }
}

void EntityPanel::setProjectWide(bool projectWide)
{
    if (m_project->isChecked() != projectWide)
        m_project->setChecked(projectWide);
    m_view->setColumnHidden(EntityModel::Articles, !projectWide);
    const qint64 keep = currentEntity();
    m_model->setProjectWide(projectWide);
    if (keep)
        selectEntity(keep);
}

void EntityPanel::reload()
{
    // A reload (a change here or in another process) keeps the current entity and the place.
    const qint64 keep = currentEntity();
    const int scroll = m_view->verticalScrollBar()->value();
    m_model->reload();
    if (keep && !selectEntity(keep)) {
        m_spans.clear();
        m_mention = -1;
        updateMarks();
    }
    m_view->verticalScrollBar()->setValue(scroll);
}

qint64 EntityPanel::currentEntity() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid()
        ? m_proxy->data(current.siblingAtColumn(EntityModel::Name), EntityModel::EntityIdRole).toLongLong()
        : 0;
}

QList<qint64> EntityPanel::selectedEntities() const
{
    QList<qint64> out;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows(EntityModel::Name)) {
        const qint64 id = index.data(EntityModel::EntityIdRole).toLongLong();
        if (id && !out.contains(id))
            out.append(id);
    }
    return out;
}

bool EntityPanel::selectEntity(qint64 entityId)
{
    const QModelIndex source = m_model->indexOf(entityId);
    if (!source.isValid())
        return false;
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    entityChanged();
    return true;
}

std::optional<model::Entity> EntityPanel::current() const
{
    const qint64 id = currentEntity();
    if (!id)
        return std::nullopt;
    try {
        return m_document.project().entities().get(id);
    } catch (const operations::OperationError &) {
        return std::nullopt;
    }
}

void EntityPanel::entityChanged()
{
    m_spans.clear();
    m_mention = -1;
    const qint64 id = currentEntity();
    if (id && m_articleId) {
        for (const model::Mention &m : m_document.project().entities().mentions(id, m_articleId))
            m_spans.append({m.start, m.end});
        if (!m_spans.isEmpty())
            m_mention = 0;
    }
    updateMarks();
    const auto entity = id ? m_document.project().entities().get(id) : std::nullopt;
    Q_EMIT entitySelected(id, entity ? entity->name : QString());
}

void EntityPanel::stepMention(int delta)
{
    if (m_spans.isEmpty())
        return;
    const int n = int(m_spans.size());
    m_mention = ((m_mention < 0 ? 0 : m_mention + delta) % n + n) % n;
    updateMarks();
}

void EntityPanel::updateMarks()
{
    if (m_reader.articleId() == m_articleId)
        m_reader.setEntityMarks(m_spans, m_mention);
    m_previous->setEnabled(m_spans.size() > 1);
    m_next->setEnabled(m_spans.size() > 1);
    if (m_spans.isEmpty())
        m_position->setText(currentEntity() && m_articleId ? tr("Not in this article") : QString());
    else
        m_position->setText(tr("Mention %1 of %2").arg(m_mention + 1).arg(m_spans.size()));
}

void EntityPanel::fillTypeMenu(QMenu *menu, const model::Entity &entity)
{
    for (const model::EntityType type : AllTypes) {
        QAction *a = menu->addAction(typeAction(type));
        a->setCheckable(true);
        a->setChecked(type == entity.type);
        connect(a, &QAction::triggered, this, [this, entity, type] {
            if (type != entity.type)
                m_document.undoStack()->push(new RetypeEntityCommand(m_document, entity.id, entity.name, type));
        });
    }
}

void EntityPanel::showMenu(const QPoint &pos)
{
    QMenu menu(this);
    const auto entity = current();
    if (entity) {
        const model::Entity e = *entity;
        QAction *confirm = menu.addAction(tr("&Confirmed"));
        confirm->setCheckable(true);
        confirm->setChecked(e.confirmed);
        connect(confirm, &QAction::triggered, this, [this, e](bool on) {
            m_document.undoStack()->push(new ConfirmEntityCommand(m_document, e.id, e.name, on));
        });
        menu.addAction(m_rename);
        fillTypeMenu(menu.addMenu(tr("&Type")), e);
        menu.addSeparator();
        if (selectedEntities().size() > 1) {
            m_merge->setText(tr("&Merge selected into “%1”").arg(e.name));
            menu.addAction(m_merge);
        }
        menu.addAction(tr("Merge &into…"), this, &EntityPanel::mergeInto);
        menu.addAction(tr("&Add a name…"), this, &EntityPanel::addAlias);
        QMenu *split = menu.addMenu(tr("&Split off"));
        split->setEnabled(!e.aliases.isEmpty());
        for (const QString &alias : e.aliases)
            split->addAction(alias, this,
                [this, e, alias] { m_document.undoStack()->push(new SplitAliasCommand(m_document, e.id, alias)); });
        menu.addSeparator();
        menu.addAction(m_reject);
        menu.addSeparator();
        menu.addAction(tr("Show articles &mentioning “%1”").arg(e.name), this,
            [this, e] { Q_EMIT showArticlesMentioning(e.id, e.name); });
    }
    menu.addSeparator();
    QAction *again = menu.addAction(tr("Re-extract entities of this article"), this, [this] { reextract(false); });
    again->setEnabled(m_articleId != 0);
    menu.addAction(tr("Re-extract entities of all articles"), this, [this] { reextract(true); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
    m_merge->setText(tr("&Merge selected"));
}

void EntityPanel::mergeSelected()
{
    const qint64 kept = currentEntity();
    QList<qint64> gone = selectedEntities();
    gone.removeAll(kept);
    if (!kept || gone.isEmpty())
        return;
    const auto e = current();
    m_document.undoStack()->push(new MergeEntitiesCommand(m_document, kept, e ? e->name : QString(), gone));
    selectEntity(kept);
}

void EntityPanel::mergeInto()
{
    const auto e = current();
    if (!e)
        return;
    QStringList names;
    QList<qint64> ids;
    for (const model::Entity &other : m_document.project().entities().list()) {
        if (other.id == e->id)
            continue;
        names << QStringLiteral("%1 (%2)").arg(other.name, model::entityTypeName(other.type));
        ids << other.id;
    }
    bool ok = false;
    const QString choice
        = QInputDialog::getItem(this, tr("Merge “%1”").arg(e->name), tr("Merge into:"), names, 0, true, &ok);
    const qsizetype at = names.indexOf(choice);
    if (!ok || at < 0)
        return;
    const qint64 kept = ids.at(at);
    const auto target = m_document.project().entities().get(kept);
    m_document.undoStack()->push(
        new MergeEntitiesCommand(m_document, kept, target ? target->name : QString(), {e->id}));
    selectEntity(kept);
}

void EntityPanel::rename()
{
    const auto e = current();
    if (!e)
        return;
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Rename"), tr("Name:"), QLineEdit::Normal, e->name, &ok).trimmed();
    if (ok && !name.isEmpty() && name != e->name)
        m_document.undoStack()->push(new RenameEntityCommand(m_document, e->id, e->name, name));
}

void EntityPanel::addAlias()
{
    const auto e = current();
    if (!e)
        return;
    bool ok = false;
    const QString alias = QInputDialog::getText(
        this, tr("Add a name"), tr("Another name of “%1”:").arg(e->name), QLineEdit::Normal, {}, &ok)
                              .trimmed();
    if (ok && !alias.isEmpty())
        m_document.undoStack()->push(new AddAliasCommand(m_document, e->id, e->name, alias));
}

void EntityPanel::reject()
{
    const QList<qint64> ids = selectedEntities();
    if (ids.isEmpty())
        return;
    m_document.undoStack()->beginMacro(tr("Not an entity"));
    for (const qint64 id : ids)
        if (const auto e = m_document.project().entities().get(id))
            m_document.undoStack()->push(new RejectEntityCommand(m_document, id, e->name));
    m_document.undoStack()->endMacro();
}

void EntityPanel::markSelection(model::EntityType type)
{
    // The reader's selection, trimmed, in code points of the body it has already read.
    const qint64 article = m_reader.articleId();
    const auto span = m_reader.selectionInCodePoints();
    if (!article || !span)
        return;
    const auto [start, end] = *span;
    const QString text = m_reader.quote(start, end);
    m_document.undoStack()->push(new MarkEntityCommand(m_document, article, start, end, text, type));
}

void EntityPanel::reextract(bool all)
{
    if (all) {
        m_reextractor->start();
        return;
    }
    if (!m_articleId)
        return;
    try {
        // One article is quick: it runs here, and the project's listener refreshes the panels.
        m_document.project().entities().reextract(m_articleId);
    } catch (const operations::OperationError &e) {
        QMessageBox::warning(this, tr("Re-extract entities"), e.message());
    }
}

} // namespace gloss::ui
