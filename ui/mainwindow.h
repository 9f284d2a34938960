#pragma once

#include <QMainWindow>

class QDockWidget;

namespace gloss::ui {

class ArticleListPanel;
class CodebookPanel;
class EntityPanel;
class Document;
class NotesPanel;
class ImportController;
class ReaderView;
class TimelinePanel;

// The window: a host that arranges the article list, the reader and the docks each panel brings,
// and puts the panels' own actions into menus.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Document &document, QWidget *parent = nullptr);

    ArticleListPanel *articleList() const { return m_articles; }
    ReaderView *reader() const { return m_reader; }
    NotesPanel *notes() const { return m_notes; }
    CodebookPanel *codebook() const { return m_codebook; }
    ImportController *importController() const { return m_import; }
    TimelinePanel *timeline() const { return m_timeline; }
    EntityPanel *entities() const { return m_entities; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void createMenus();
    void restoreState();
    void saveState();
    void showAbout();
    void showKeys();
    QString settingsKey(const QString &name) const;

    Document &m_document;
    ArticleListPanel *m_articles;
    ReaderView *m_reader;
    NotesPanel *m_notes;
    CodebookPanel *m_codebook;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    ImportController *m_import;
    TimelinePanel *m_timeline;
    EntityPanel *m_entities;
};

} // namespace gloss::ui
