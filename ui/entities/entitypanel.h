#pragma once

#include "model/entity.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace gloss::ui {

class Document;
class EntityModel;
class Reextractor;
class ReaderView;

// The entity panel beside the reader: the current article's people, organisations and places
// with their mention counts, or the whole project's with article counts. Selecting an entity
// marks its mentions in the reader and F3 / Shift+F3 step through them; the context menu carries
// the researcher's decisions, each an undoable command.
class EntityPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityPanel)

public:
    EntityPanel(Document &document, ReaderView &reader, QWidget *parent = nullptr);

    void setArticle(qint64 articleId);
    void setProjectWide(bool projectWide);

    EntityModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QCheckBox *projectSwitch() const { return m_project; }
    QLineEdit *filterBox() const { return m_filter; }
    QAction *mergeAction() const { return m_merge; }
    QAction *rejectAction() const { return m_reject; }
    QAction *nextMentionAction() const { return m_next; }
    QAction *previousMentionAction() const { return m_previous; }

    QSize sizeHint() const override;

    qint64 currentEntity() const;
    QList<qint64> selectedEntities() const;
    bool selectEntity(qint64 entityId);
    // The mention of the current entity shown in the reader (-1 when none) and how many there are.
    int currentMention() const { return m_mention; }
    int mentionCount() const { return int(m_spans.size()); }

    // "Re-extract entities": of the current article at once, or of every article on a worker
    // thread (reextractor()) with a progress dialog offering Cancel.
    void reextract(bool all);
    Reextractor *reextractor() const { return m_reextractor; }

Q_SIGNALS:
    // "Show articles mentioning …": the article list should show only these.
    void showArticlesMentioning(qint64 entityId, const QString &name);
    // The current entity changed (0: none), e.g. for the timeline to mark its articles.
    void entitySelected(qint64 entityId, const QString &name);

private:
    void reload();
    void entityChanged();
    void stepMention(int delta);
    void updateMarks();
    void showMenu(const QPoint &pos);
    void fillTypeMenu(QMenu *menu, const model::Entity &entity);
    void mergeSelected();
    void mergeInto();
    void rename();
    void addAlias();
    void reject();
    void markSelection(model::EntityType type);
    std::optional<model::Entity> current() const;

    Document &m_document;
    ReaderView &m_reader;
    EntityModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QCheckBox *m_project;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QToolButton *m_markButton;
    QLabel *m_position;
    QAction *m_next;
    QAction *m_previous;
    QAction *m_merge;
    QAction *m_reject;
    QAction *m_rename;
    QList<std::pair<qint64, qint64>> m_spans;
    int m_mention = -1;
    qint64 m_articleId = 0;
    Reextractor *m_reextractor = nullptr;
};

} // namespace gloss::ui
