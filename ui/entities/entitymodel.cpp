#include "entities/entitymodel.h"

#include "document.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/project.h"

#include <QFont>

namespace gloss::ui {

EntityModel::EntityModel(Document &document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{ }

QString EntityModel::groupName(model::EntityType type)
{
    switch (type) {
    case model::EntityType::Person:
        return tr("People");
    case model::EntityType::Organization:
        return tr("Organisations");
    case model::EntityType::Place:
        return tr("Places");
    case model::EntityType::Other:
        break;
    }
    return tr("Other");
}

void EntityModel::setArticle(qint64 articleId)
{
    if (articleId == m_articleId)
        return;
    m_articleId = articleId;
    if (!m_projectWide)
        reload();
}

void EntityModel::setProjectWide(bool projectWide)
{
    if (projectWide == m_projectWide)
        return;
    m_projectWide = projectWide;
    reload();
}

void EntityModel::reload()
{
    beginResetModel();
    for (auto &group : m_groups)
        group.clear();
    QList<model::Entity> all;
    try {
        if (m_projectWide)
            all = m_document.project().entities().list();
        else if (m_articleId)
            all = m_document.project().entities().forArticle(m_articleId);
    } catch (const operations::OperationError &) {
        all.clear(); // the panel shows nothing rather than stale rows
    }
    for (const model::Entity &e : std::as_const(all))
        m_groups[int(e.type)].append(e);
    endResetModel();
}

const model::Entity *EntityModel::entity(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == GroupId)
        return nullptr;
    const auto &group = m_groups[index.internalId()];
    return index.row() < group.size() ? &group.at(index.row()) : nullptr;
}

QModelIndex EntityModel::indexOf(qint64 entityId) const
{
    for (int g = 0; g < 4; ++g)
        for (int r = 0; r < m_groups[g].size(); ++r)
            if (m_groups[g].at(r).id == entityId)
                return createIndex(r, Name, quintptr(g));
    return {};
}

int EntityModel::entityCount() const
{
    int n = 0;
    for (const auto &group : m_groups)
        n += int(group.size());
    return n;
}

QModelIndex EntityModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < 4 ? createIndex(row, column, GroupId) : QModelIndex();
    if (parent.internalId() != GroupId || row >= m_groups[parent.row()].size())
        return {};
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex EntityModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupId)
        return {};
    return createIndex(int(child.internalId()), 0, GroupId);
}

int EntityModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 4;
    if (parent.internalId() == GroupId && parent.column() == 0)
        return int(m_groups[parent.row()].size());
    return 0;
}

int EntityModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant EntityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == GroupId) {
        const auto &group = m_groups[index.row()];
        if (role == Qt::DisplayRole && index.column() == Name)
            return QStringLiteral("%1 (%2)").arg(groupName(model::EntityType(index.row()))).arg(group.size());
        if (role == SortRole)
            return index.row(); // groups keep their order whatever the sort
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    const model::Entity *e = entity(index);
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return e->name;
        case Mentions:
            return e->mentions;
        case Articles:
            return e->articles;
        }
        return {};
    case SortRole:
        if (index.column() == Name)
            return e->name.toLower();
        return index.column() == Mentions ? e->mentions : e->articles;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b> — %2").arg(e->name.toHtmlEscaped(), model::entityTypeName(e->type));
        if (!e->aliases.isEmpty())
            tip += QStringLiteral("<br>") + tr("Also: %1").arg(e->aliases.join(QStringLiteral(", ")).toHtmlEscaped());
        if (e->confirmed)
            tip += QStringLiteral("<br>") + tr("Confirmed");
        return tip;
    }
    case Qt::FontRole:
        if (e->confirmed && index.column() == Name) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case EntityIdRole:
        return e->id;
    }
    return {};
}

QVariant EntityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Mentions:
        return tr("Mentions");
    case Articles:
        return tr("Articles");
    }
    return {};
}

Qt::ItemFlags EntityModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == GroupId)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace gloss::ui
