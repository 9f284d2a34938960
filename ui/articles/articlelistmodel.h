#pragma once

#include "model/article.h"
#include "model/articlefilter.h"

#include <QAbstractTableModel>

namespace gloss::ui {

class Document;

// The article list: a table model over core that fetches rows in pages as the view scrolls,
// so 100,000 articles are never all in memory.
class ArticleListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListModel)

public:
    // The fixed columns; a column for each variable shown (setVariableColumns) follows them.
    enum Column { Title, Published, Source, Highlights, Tags, Done, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1 };
    static constexpr int PageSize = 256;

    explicit ArticleListModel(Document &document, QObject *parent = nullptr);

    void setFilter(const model::ArticleFilter &filter);
    const model::ArticleFilter &filter() const { return m_filter; }
    void reload();
    // Row of the article, loading pages until found; -1 when the filter hides it.
    int rowOf(qint64 articleId);
    qint64 articleAt(int row) const;
    qint64 totalCount() const { return m_total; }
    // Article variables shown as columns after the fixed ones, in this order.
    void setVariableColumns(const QStringList &names);
    const QStringList &variableColumns() const { return m_variableColumns; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

private:
    Document &m_document;
    model::ArticleFilter m_filter;
    model::ArticleOrder m_order = model::ArticleOrder::Published;
    bool m_ascending = true;
    qint64 m_total = 0;
    void loadVariables(qsizetype fromRow);

    QList<model::ArticleSummary> m_rows;
    QStringList m_variableColumns;
    QList<QHash<qint64, QString>> m_variableValues; // by variable column: article id -> value
    // Who marked each article done, read as its row is first shown.
    mutable QHash<qint64, QStringList> m_done;
    const QStringList &doneCoders(qint64 articleId) const;
};

} // namespace gloss::ui
