#pragma once

#include "model/entity.h"

#include <QAbstractItemModel>

namespace gloss::ui {

class Document;

// The entities of the current article, or of the whole project, grouped by type: a tree of four
// type rows ("People", "Organisations", "Places", "Other") with the entities under them.
class EntityModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityModel)

public:
    enum Column { Name, Mentions, Articles, ColumnCount };
    enum Role { EntityIdRole = Qt::UserRole + 1, SortRole };

    explicit EntityModel(Document &document, QObject *parent = nullptr);

    // 0 and projectWide false shows nothing.
    void setArticle(qint64 articleId);
    void setProjectWide(bool projectWide);
    bool isProjectWide() const { return m_projectWide; }
    qint64 articleId() const { return m_articleId; }
    void reload();

    const model::Entity *entity(const QModelIndex &index) const;
    QModelIndex indexOf(qint64 entityId) const;
    int entityCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static QString groupName(model::EntityType type);

private:
    static constexpr quintptr GroupId = quintptr(-1);

    Document &m_document;
    qint64 m_articleId = 0;
    bool m_projectWide = false;
    QList<model::Entity> m_groups[4]; // by model::EntityType
};

} // namespace gloss::ui
