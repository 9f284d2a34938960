#pragma once

#include "model/articlefilter.h"

#include <QSet>
#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QTableView;
class QLabel;
class QToolButton;

namespace gloss::ui {

class ArticleListModel;
class Document;

// The article list with its search box: what the researcher picks articles from.
class ArticleListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListPanel)

public:
    explicit ArticleListPanel(Document &document, QWidget *parent = nullptr);

    ArticleListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    qint64 currentArticle() const;
    void selectArticle(qint64 articleId);
    // Moves to the next (+1) or previous (-1) article in the list.
    void step(int delta);
    // Shows only the articles mentioning an entity (0 shows all again); `name` labels the filter.
    void setEntityFilter(qint64 entityId, const QString &name = {});

    // Filters, as the filter bar sets them (0 / invalid dates clear one).
    void setTagFilter(qint64 tagId);
    void setSetFilter(qint64 setId);
    void setDateRange(const QDate &from, const QDate &to);
    void clearFilters();
    QList<qint64> selectedArticles() const;
    QList<QAction *> setActions() const { return m_setActions; }
    // Article > Edit Variables… for the current article.
    QAction *variablesAction() const { return m_variablesAction; }
    // Shows only the articles whose variable `name` has `value` (an empty name shows all again).
    void setVariableFilter(const QString &name, const QString &value);
    // The variables shown as columns of the list (kept in the settings).
    void setVariableColumns(const QStringList &names);
    QToolButton *variableFilterButton() const { return m_variableButton; }
    // Shows only the articles every one of `doneBy` marked done and none of `notDoneBy` did
    // (the Done button: done by me, not yet done by me, done by all of A, B). Empty lists clear it.
    void setDoneFilter(const QStringList &doneBy, const QStringList &notDoneBy);
    QToolButton *doneFilterButton() const { return m_doneButton; }
    // The fixed columns hidden ("published", "source", "highlights", "tags", "done"). The title
    // always shows. Until the user chooses (the header's menu; kept in the settings), the tags and
    // done columns show only once a row loaded has an article tag or a done mark.
    QStringList hiddenColumns() const;
    // Chooses every fixed column: `names` hidden, the others shown.
    void setHiddenColumns(const QStringList &names);
    // Chooses one column, the others left as they were chosen (or not).
    void setColumnShown(const QString &name, bool shown);
    // Sizes the date, source, highlights and tags columns to their content; the title takes the rest.
    void fitColumns();

    void newSetFromSelection(const QString &name);
    void newSetFromSearch(const QString &name);

Q_SIGNALS:
    void articleActivated(qint64 articleId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void applySearch();
    void updateCount();
    void applyFilter(const model::ArticleFilter &filter);
    void reloadFilterChoices();
    void createSetActions();
    qint64 askSet(const QString &title);
    void fillVariableMenu();
    void fillDoneMenu();
    void askDoneByAll();
    // Every coder who coded something, and the current one.
    QStringList knownCoders();
    void showHeaderMenu(const QPoint &pos);

    Document &m_document;
    ArticleListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_count;
    QComboBox *m_tagBox;
    QComboBox *m_setBox;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QList<QAction *> m_setActions;
    bool m_updating = false;
    void saveColumnChoice();

    bool m_fitting = false;
    QStringList m_hiddenByChoice, m_shownByChoice; // the fixed columns the user chose, by name
    QSet<int> m_userSized; // columns widened or narrowed by hand
    QToolButton *m_entityFilter;
    QToolButton *m_variableButton;
    QToolButton *m_doneButton;
    QAction *m_variablesAction;
};

} // namespace gloss::ui
