#include "articles/articlelistmodel.h"

#include "coders/coderidentity.h"
#include "document.h"
#include "operations/library.h"
#include "operations/project.h"

#include <QFont>
#include <QLocale>
#include <QTextDocument>

namespace gloss::ui {

ArticleListModel::ArticleListModel(Document &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    reload();
}

void ArticleListModel::setFilter(const model::ArticleFilter &filter)
{
    m_filter = filter;
    reload();
}

void ArticleListModel::reload()
{
    beginResetModel();
    m_total = m_document.project().library().count(m_filter);
    m_rows = m_document.project().library().list(m_filter, m_order, m_ascending, 0, PageSize);
    m_variableValues = QList<QHash<qint64, QString>>(m_variableColumns.size());
    m_done.clear();
    loadVariables(0);
    endResetModel();
}

const QStringList &ArticleListModel::doneCoders(qint64 articleId) const
{
    auto it = m_done.find(articleId);
    if (it == m_done.end())
        it = m_done.insert(articleId, m_document.project().library().doneCoders(articleId));
    return *it;
}

void ArticleListModel::setVariableColumns(const QStringList &names)
{
    if (names == m_variableColumns)
        return;
    beginResetModel();
    m_variableColumns = names;
    m_variableValues = QList<QHash<qint64, QString>>(names.size());
    loadVariables(0);
    endResetModel();
}

void ArticleListModel::loadVariables(qsizetype fromRow)
{
    if (m_variableColumns.isEmpty() || fromRow >= m_rows.size())
        return;
    QList<qint64> ids;
    ids.reserve(m_rows.size() - fromRow);
    for (qsizetype i = fromRow; i < m_rows.size(); ++i)
        ids.append(m_rows.at(i).id);
    for (qsizetype c = 0; c < m_variableColumns.size(); ++c)
        m_variableValues[c].insert(m_document.project().library().variableValues(m_variableColumns.at(c), ids));
}

int ArticleListModel::rowOf(qint64 articleId)
{
    for (;;) {
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows.at(i).id == articleId)
                return i;
        if (!canFetchMore({}))
            return -1;
        fetchMore({});
    }
}

qint64 ArticleListModel::articleAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_variableColumns.size());
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const model::ArticleSummary &a = m_rows.at(index.row());
    if (role == ArticleIdRole)
        return a.id;
    if (index.column() >= ColumnCount) {
        const qsizetype v = index.column() - ColumnCount;
        if (v < m_variableValues.size() && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
            const QString value = m_variableValues.at(v).value(a.id);
            return role == Qt::ToolTipRole ? Qt::convertFromPlainText(value) : QVariant(value);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Title:
            return a.title.isEmpty() ? tr("(untitled)") : a.title;
        case Published:
            return a.published.isValid() ? a.published.toString(Qt::ISODate) : QString();
        case Source:
            return a.source;
        case Highlights:
            return a.highlights;
        case Tags:
            return a.tags;
        case Done: {
            QStringList marks;
            for (const QString &coder : doneCoders(a.id))
                marks << tr("%1 ✓").arg(coderLabel(coder));
            return marks.join(u' ');
        }
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Done) {
        const QStringList &done = doneCoders(a.id);
        return done.isEmpty() ? tr("No coder marked this article done yet")
                              : tr("Marked done by %1").arg(done.join(QStringLiteral(", ")));
    }
    if (role == Qt::FontRole && index.column() == Done && doneCoders(a.id).contains(m_document.project().coder())) {
        QFont bold;
        bold.setBold(true); // the current coder has finished it
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == Title)
        return Qt::convertFromPlainText(a.title); // a tooltip with markup would be read as rich text
    if (role == Qt::TextAlignmentRole && index.column() == Highlights)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Highlights)
        return tr("Number of highlights");
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Done)
        return tr("The coders who marked the article done (Code > Mark Done, Ctrl+D)");
    if (orientation == Qt::Horizontal && section >= ColumnCount && section - ColumnCount < m_variableColumns.size()) {
        if (role == Qt::DisplayRole)
            return m_variableColumns.at(section - ColumnCount);
        if (role == Qt::ToolTipRole)
            return tr("Article variable “%1”").arg(m_variableColumns.at(section - ColumnCount));
        return {};
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Published:
        return tr("Published");
    case Source:
        return tr("Source");
    case Highlights:
        return tr("Hl.", "short for highlights");
    case Tags:
        return tr("Tags");
    case Done:
        return tr("Done");
    }
    return {};
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    const QList<model::ArticleSummary> more
        = m_document.project().library().list(m_filter, m_order, m_ascending, m_rows.size(), PageSize);
    if (more.isEmpty()) {
        m_total = m_rows.size();
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    const qsizetype first = m_rows.size();
    m_rows.append(more);
    loadVariables(first);
    endInsertRows();
}

void ArticleListModel::sort(int column, Qt::SortOrder order)
{
    if (column >= ColumnCount || column == Done)
        return; // the done and variable columns are not an order of the list (the panel puts the indicator back)
    switch (column) {
    case Title:
        m_order = model::ArticleOrder::Title;
        break;
    case Source:
        m_order = model::ArticleOrder::Source;
        break;
    case Highlights:
        m_order = model::ArticleOrder::Highlights;
        break;
    default:
        m_order = model::ArticleOrder::Published;
    }
    m_ascending = order == Qt::AscendingOrder;
    reload();
}

} // namespace gloss::ui
