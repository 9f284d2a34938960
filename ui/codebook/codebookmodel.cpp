#include "codebook/codebookmodel.h"

#include "commands/tagcommands.h"
#include "document.h"
#include "operations/codebook.h"
#include "operations/project.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QUndoStack>

namespace gloss::ui {

namespace {

QIcon swatch(const QString &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(color).darker(150));
    p.setBrush(QColor(color));
    p.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

} // namespace

CodebookModel::CodebookModel(Document &document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    reload();
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (changes & (Document::Codebook | Document::Highlights | Document::Articles))
            reload();
    });
}

void CodebookModel::reload()
{
    beginResetModel();
    m_tags = m_document.project().codebook().tags();
    m_byId.clear();
    m_children.clear();
    m_palette.clear();
    for (qsizetype i = 0; i < m_tags.size(); ++i) {
        m_byId.insert(m_tags.at(i).id, i);
        m_children[m_tags.at(i).parentId].append(m_tags.at(i).id);
        if (i < 9)
            m_palette.insert(m_tags.at(i).id, int(i + 1));
    }
    endResetModel();
}

const model::Tag *CodebookModel::tag(qint64 id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_tags.at(*it);
}

qint64 CodebookModel::tagAt(const QModelIndex &index) const
{
    return index.isValid() ? qint64(index.internalId()) : 0;
}

QModelIndex CodebookModel::indexOf(qint64 tagId) const
{
    const model::Tag *t = tag(tagId);
    if (!t)
        return {};
    const int row = int(m_children.value(t->parentId).indexOf(tagId));
    return createIndex(row, 0, quintptr(tagId));
}

QModelIndex CodebookModel::index(int row, int column, const QModelIndex &parent) const
{
    const QList<qint64> kids = m_children.value(tagAt(parent));
    if (row < 0 || row >= kids.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, quintptr(kids.at(row)));
}

QModelIndex CodebookModel::parent(const QModelIndex &child) const
{
    const model::Tag *t = tag(tagAt(child));
    if (!t || t->parentId == 0)
        return {};
    return indexOf(t->parentId);
}

int CodebookModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(m_children.value(tagAt(parent)).size());
}

int CodebookModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CodebookModel::data(const QModelIndex &index, int role) const
{
    const model::Tag *t = tag(tagAt(index));
    if (!t)
        return {};
    if (role == TagIdRole)
        return t->id;
    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole) {
            const int key = m_palette.value(t->id);
            return key ? QStringLiteral("%1  %2").arg(key).arg(t->name) : t->name;
        }
        if (role == Qt::EditRole)
            return t->name;
        if (role == Qt::DecorationRole)
            return swatch(t->color);
        if (role == Qt::ToolTipRole) {
            QString tip = u"<b>" + m_document.project().codebook().path(t->id).toHtmlEscaped() + u"</b>";
            if (const int key = m_palette.value(t->id))
                tip += tr("<br>Key %1 applies it in the reader").arg(key);
            if (!t->description.isEmpty())
                tip += u"<br>" + t->description.toHtmlEscaped();
            return tip;
        }
        break;
    case Highlights:
        if (role == Qt::DisplayRole)
            return t->highlights;
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Articles:
        if (role == Qt::DisplayRole)
            return t->articles;
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

bool CodebookModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const model::Tag *t = tag(tagAt(index));
    if (!t || role != Qt::EditRole || index.column() != Name)
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == t->name)
        return false;
    m_document.undoStack()->push(new EditTagCommand(m_document, t->id, EditTagCommand::Property::Name, name));
    return true;
}

Qt::ItemFlags CodebookModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant CodebookModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // Short headers leave the dock's width to the tags' names; the tooltips say them in full.
    if (role == Qt::ToolTipRole) {
        if (section == Highlights)
            return tr("Highlights coded with the tag");
        if (section == Articles)
            return tr("Articles with the tag (on a highlight or on the article)");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Tag");
    case Highlights:
        return tr("Hl.");
    case Articles:
        return tr("Art.");
    }
    return {};
}

} // namespace gloss::ui
