#include "codebook/codebookpanel.h"

#include "codebook/codebookmodel.h"
#include "commands/tagcommands.h"
#include "document.h"
#include "operations/codebook.h"
#include "operations/project.h"

#include <QAction>
#include <QColorDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gloss::ui {

CodebookPanel::CodebookPanel(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new CodebookModel(document, this))
    , m_view(new QTreeView(this))
    , m_emptyHint(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);

    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setIndentation(14);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CodebookModel::Name, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CodebookModel::Highlights, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CodebookModel::Articles, QHeaderView::ResizeToContents);
    m_view->setToolTip(
        tr("Keys 1–9 in the reader apply the first nine tags, Ctrl+T any tag. Double-click a tag to list its "
           "articles."));
    // A reload (counts changed here or by another process) keeps the current tag and the place.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptTag = currentTag();
        m_keptScroll = m_view->verticalScrollBar()->value();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        if (m_keptTag)
            selectTag(m_keptTag);
        m_view->verticalScrollBar()->setValue(m_keptScroll);
        updateEmptyHint();
    });
    m_view->expandAll();

    // Three buttons for what is done often; the rest under "More" and in the context menu, so
    // that the bar fits a narrow dock without an overflow arrow.
    auto *more = new QMenu(this);
    auto add = [&](const QString &text, const QString &tip, const QKeySequence &key, auto slot, bool onBar = true) {
        auto *a = new QAction(text, this);
        a->setToolTip(tip);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        connect(a, &QAction::triggered, this, slot);
        m_view->addAction(a);
        if (onBar)
            bar->addAction(a);
        else
            more->addAction(a);
        return a;
    };
    add(tr("New"), tr("Create a tag at the top level (Ctrl+N)"), QKeySequence(Qt::CTRL | Qt::Key_N),
        [this] { createTag(false); });
    add(
        tr("New Child…"), tr("Create a tag under the selected one (Ctrl+Shift+N)"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { createTag(true); }, false);
    add(tr("Rename"), tr("Rename the selected tag (F2)"), QKeySequence(Qt::Key_F2), [this] {
        if (currentTag())
            m_view->edit(m_view->currentIndex().siblingAtColumn(CodebookModel::Name));
    });
    add(tr("Colour…"), tr("Choose the selected tag's colour"), {}, [this] { recolorCurrent(); });
    add(
        tr("Describe…"), tr("Write the selected tag's description"), {}, [this] { describeCurrent(); }, false);
    add(
        tr("Move…"), tr("Move the selected tag under another tag"), {}, [this] { moveCurrent(); }, false);
    add(
        tr("Merge…"), tr("Merge the selected tag into another: its highlights take the other tag"), {},
        [this] { mergeCurrent(); }, false);
    more->addSeparator();
    add(
        tr("Delete"), tr("Delete the selected tag (Del)"), QKeySequence(Qt::Key_Delete), [this] { deleteCurrent(); },
        false);
    more->addSeparator();
    add(
        tr("Show Articles"), tr("List the articles coded with this tag"), {},
        [this] {
            if (currentTag())
                Q_EMIT tagActivated(currentTag());
        },
        false);
    auto *moreButton = new QToolButton(this);
    moreButton->setObjectName(QStringLiteral("codebookMore"));
    moreButton->setText(tr("More"));
    moreButton->setToolTip(tr("New child, describe, move, merge, delete, show articles"));
    moreButton->setMenu(more);
    moreButton->setPopupMode(QToolButton::InstantPopup);
    moreButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(moreButton);

    m_emptyHint->setObjectName(QStringLiteral("codebookEmptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_emptyHint->setTextFormat(Qt::PlainText);
    m_emptyHint->setText(tr("No tags yet. Press New (Ctrl+N) to create the first; keys 1–9 in the reader "
                            "apply the first nine, Ctrl+T any of them."));
    m_emptyHint->setContentsMargins(6, 6, 6, 6);
    layout->insertWidget(1, m_emptyHint);
    updateEmptyHint();

    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const qint64 id = m_model->tagAt(index))
            Q_EMIT tagActivated(id);
    });
}

void CodebookPanel::updateEmptyHint()
{
    m_emptyHint->setVisible(m_model->rowCount() == 0);
}

qint64 CodebookPanel::currentTag() const
{
    return m_model->tagAt(m_view->currentIndex());
}

void CodebookPanel::selectTag(qint64 tagId)
{
    const QModelIndex index = m_model->indexOf(tagId);
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void CodebookPanel::createTag(bool asChild)
{
    const qint64 parent = asChild ? currentTag() : 0;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, asChild ? tr("New Child Tag") : tr("New Tag"), tr("Name:"), QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    auto *cmd = new CreateTagCommand(m_document, name, parent);
    m_document.undoStack()->push(cmd);
    selectTag(cmd->tagId());
}

void CodebookPanel::recolorCurrent()
{
    const qint64 id = currentTag();
    const auto tag = m_document.project().codebook().tag(id);
    if (!tag)
        return;
    const QColor color = QColorDialog::getColor(QColor(tag->color), this, tr("Colour of “%1”").arg(tag->name));
    if (!color.isValid() || color.name() == tag->color)
        return;
    m_document.undoStack()->push(new EditTagCommand(m_document, id, EditTagCommand::Property::Color, color.name()));
}

void CodebookPanel::describeCurrent()
{
    const qint64 id = currentTag();
    const auto tag = m_document.project().codebook().tag(id);
    if (!tag)
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Describe “%1”").arg(tag->name), tr("When to apply this tag:"), tag->description, &ok);
    if (ok && text != tag->description)
        m_document.undoStack()->push(new EditTagCommand(m_document, id, EditTagCommand::Property::Description, text));
}

qint64 CodebookPanel::chooseTag(const QString &title, const QString &label, qint64 exclude, bool allowTop, bool *top)
{
    QStringList names;
    QList<qint64> ids;
    if (allowTop) {
        names << tr("(top level)");
        ids << 0;
    }
    auto &codebook = m_document.project().codebook();
    for (const model::Tag &t : codebook.tagsWithoutCounts()) {
        if (t.id == exclude)
            continue;
        names << codebook.path(t.id);
        ids << t.id;
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(this, title, label, names, 0, false, &ok);
    if (!ok)
        return -1;
    const qint64 id = ids.value(names.indexOf(picked), -1);
    if (top)
        *top = id == 0;
    return id;
}

void CodebookPanel::moveCurrent()
{
    const qint64 id = currentTag();
    if (!id)
        return;
    const qint64 target = chooseTag(
        tr("Move Tag"), tr("Move “%1” under:").arg(m_document.project().codebook().path(id)), id, true, nullptr);
    if (target < 0)
        return;
    m_document.undoStack()->push(new EditTagCommand(m_document, id, EditTagCommand::Property::Parent, target));
}

void CodebookPanel::mergeCurrent()
{
    const qint64 id = currentTag();
    if (!id)
        return;
    const qint64 target = chooseTag(
        tr("Merge Tag"), tr("Merge “%1” into:").arg(m_document.project().codebook().path(id)), id, false, nullptr);
    if (target <= 0)
        return;
    m_document.undoStack()->push(new MergeTagsCommand(m_document, id, target));
    selectTag(target);
}

void CodebookPanel::deleteCurrent(bool confirmed)
{
    const qint64 id = currentTag();
    if (!id)
        return;
    const QModelIndex index = m_model->indexOf(id);
    const int highlights = m_model->data(index.siblingAtColumn(CodebookModel::Highlights), Qt::DisplayRole).toInt();
    const int children = m_model->rowCount(index);
    if (!confirmed && (highlights > 0 || children > 0)) {
        const auto answer = QMessageBox::question(this, tr("Delete Tag"),
            tr("“%1” is used by %n highlight(s) and has %2 child tag(s). Delete it anyway? (Edit > Undo brings it "
               "back.)",
                nullptr, highlights)
                .arg(m_document.project().codebook().path(id))
                .arg(children));
        if (answer != QMessageBox::Yes)
            return;
    }
    m_document.undoStack()->push(new DeleteTagCommand(m_document, id));
}

} // namespace gloss::ui
