#pragma once

#include <QMainWindow>

namespace gloss::ui {

class ArticleListPanel;
class Document;
class ImportController;
class ReaderView;

// The window: a host that arranges the article list, the reader and the docks each panel brings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Document &document, QWidget *parent = nullptr);

    ArticleListPanel *articleList() const { return m_articles; }
    ReaderView *reader() const { return m_reader; }
    ImportController *importController() const { return m_import; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreState();
    void showAbout();

    Document &m_document;
    ArticleListPanel *m_articles;
    ReaderView *m_reader;
    ImportController *m_import;
};

} // namespace gloss::ui
