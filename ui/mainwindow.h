#pragma once

#include <QMainWindow>

class QDockWidget;
class QFrame;
class QLabel;
class QStackedWidget;
class QTimer;
class QToolBar;
class QToolButton;

namespace gloss::ui {

class AgreementDialog;
class PassagesDialog;
class ArticleListPanel;
class BackupScheduler;
class CodebookPanel;
class EntityPanel;
class Document;
class NotesPanel;
class ImportController;
class ReaderView;
class TagPicker;
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
    BackupScheduler *backupScheduler() const { return m_backups; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *writeBackAction() const { return m_writeBackAction; }
    // Code > Quick Tag… (Ctrl+T) and the picker it opens over the reader.
    QAction *quickTagAction() const { return m_quickTagAction; }
    TagPicker *tagPicker() const { return m_picker; }
    // What an empty project shows in place of the reader: import, drop files, create a tag.
    QFrame *startGuide() const { return m_startGuide; }
    // Every few seconds the window looks whether another process (the command line, a second
    // window) changed the project, and refreshes every panel when it did.
    QTimer *changePoll() const { return m_changePoll; }
    // What the poll does on each tick: refreshes when the project's data version moved; true then.
    bool pollForChanges();
    // Analysis > Agreement…: the report, created when first asked for.
    AgreementDialog *agreementDialog();
    // Analysis > Retrieved Passages…, created when first asked for (a co-occurrence cell fills it too).
    PassagesDialog *passagesDialog();
    // Shows the article in the reader (selected in the list when it is there) with [start, end) selected.
    void showPassage(qint64 articleId, qint64 start, qint64 end);

    // Restores `backupFile` into the project (after a backup of the current state) and reopens
    // it in this window; the error, or empty. No dialogs: File > Restore from Backup… asks first.
    QString restoreFrom(const QString &backupFile);
    // After the project file was deleted or moved while open: writes what the connection still
    // holds back to the project's path and reopens it there; the error, or empty.
    QString writeBack();

    // Coders. Who is coding: the project's coder (from --coder or GLOSS_CODER), else the name in
    // the user's settings. askCoderIfNeeded: on the first run (no name anywhere) asks for it once,
    // not on the offscreen platform (tests). setCoder: the coder from now on, kept in the settings.
    void askCoderIfNeeded();
    void setCoder(const QString &name);
    // Edit > Settings… (the coder's name).
    QAction *settingsAction() const { return m_settingsAction; }
    // The status bar's "Coder: ann" (a click opens the settings).
    QToolButton *coderButton() const { return m_coderButton; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void createMenus();
    void restoreState();
    void saveState();
    void showAbout();
    void showKeys();
    void chooseBackup();
    void backUpNow();
    void fileLost(const QString &path);
    void connectionChanged(bool lost, const QString &words);
    void updateTitle();
    void createStartGuide();
    void updateStartGuide();
    void openTagPicker();
    void noteTagUsed(qint64 tagId);
    QString settingsKey(const QString &name) const;
    void addCoderActions(QMenu *edit, QToolBar *bar);
    void showSettings();
    void updateCoder();

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
    BackupScheduler *m_backups;
    AgreementDialog *m_agreement = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_writeBackAction = nullptr;
    QAction *m_quickTagAction = nullptr;
    TagPicker *m_picker = nullptr;
    QStackedWidget *m_centre = nullptr;
    QFrame *m_startGuide = nullptr;
    QTimer *m_changePoll = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QAction *m_settingsAction = nullptr;
    QToolButton *m_coderButton = nullptr;
};

} // namespace gloss::ui
