#pragma once

#include <QWidget>

class QLineEdit;
class QTableView;
class QLabel;

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
    // Lists only articles published in [from, to]; invalid dates lift that bound.
    void setDateRange(QDate from, QDate to);

Q_SIGNALS:
    void articleActivated(qint64 articleId);

private:
    void applySearch();
    void updateCount();

    Document &m_document;
    ArticleListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_count;
};

} // namespace gloss::ui
