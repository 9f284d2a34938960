#pragma once

#include <QMainWindow>

namespace gloss::ui {

class ArticleListPanel;
class Document;
class ReaderView;
class TimelinePanel;

// The window: a host that arranges the article list, the reader and the docks each panel brings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Document &document, QWidget *parent = nullptr);

    ArticleListPanel *articleList() const { return m_articles; }
    ReaderView *reader() const { return m_reader; }
    TimelinePanel *timeline() const { return m_timeline; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreState();
    void showAbout();

    Document &m_document;
    ArticleListPanel *m_articles;
    ReaderView *m_reader;
    TimelinePanel *m_timeline;
};

} // namespace gloss::ui
