#pragma once

#include "model/tag.h"

#include <QAbstractItemModel>
#include <QHash>

namespace gloss::ui {

class Document;

// The codebook as a tree: name (with its colour and palette number), highlights, articles.
// Renaming in place becomes an undo command.
class CodebookModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodebookModel)

public:
    enum Column { Name, Highlights, Articles, ColumnCount };
    enum Role { TagIdRole = Qt::UserRole + 1 };

    explicit CodebookModel(Document &document, QObject *parent = nullptr);
    void reload();
    QModelIndex indexOf(qint64 tagId) const;
    qint64 tagAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const model::Tag *tag(qint64 id) const;

    Document &m_document;
    QList<model::Tag> m_tags; // tree order
    QHash<qint64, qsizetype> m_byId; // id -> index in m_tags
    QHash<qint64, QList<qint64>> m_children; // parent id (0 = root) -> children ids
    QHash<qint64, int> m_palette; // id -> 1..9
};

} // namespace gloss::ui
