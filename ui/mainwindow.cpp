#include "mainwindow.h"

#include "analysis/agreementdialog.h"
#include "analysis/cooccurrencedialog.h"
#include "analysis/frequencydialog.h"
#include "analysis/passagesdialog.h"
#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "backup/backupscheduler.h"
#include "backup/restorebackupdialog.h"
#include "codebook/codebookmodel.h"
#include "codebook/codebookpanel.h"
#include "codebook/tagpicker.h"
#include "coders/coderdialog.h"
#include "coders/coderidentity.h"
#include "document.h"
#include "entities/entitypanel.h"
#include "export/exportdialog.h"
#include "export/refiactions.h"
#include "import/importcontroller.h"
#include "notes/notespanel.h"
#include "operations/backups.h"
#include "operations/library.h"
#include "operations/project.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "work/coderprojectmerger.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDockWidget>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gloss::ui {

MainWindow::MainWindow(Document &document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_articles(new ArticleListPanel(document, this))
    , m_reader(new ReaderView(document, this))
    , m_notes(new NotesPanel(document, this))
    , m_codebook(new CodebookPanel(document, this))
    , m_import(new ImportController(document, this))
    , m_timeline(new TimelinePanel(document, this))
    , m_entities(new EntityPanel(document, *m_reader, this))
    , m_backups(new BackupScheduler(document.project().path(), this))
{
    setObjectName(QStringLiteral("MainWindow"));
    updateTitle();
    // The reader, or for a project without articles, what to do first.
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(m_reader);
    setCentralWidget(m_centre);
    createStartGuide();
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    // The codebook column runs to the bottom of the window: room for its tags above the timeline.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    addPanel(m_articles, tr("Articles"), QStringLiteral("ArticlesDock"), Qt::LeftDockWidgetArea);
    addPanel(m_codebook, tr("Codebook"), QStringLiteral("CodebookDock"), Qt::RightDockWidgetArea);
    addPanel(m_notes, tr("Notes"), QStringLiteral("NotesDock"), Qt::RightDockWidgetArea);
    addPanel(m_entities, tr("Entities"), QStringLiteral("EntitiesDock"), Qt::RightDockWidgetArea);
    addPanel(m_timeline, tr("Timeline"), QStringLiteral("TimelineDock"), Qt::BottomDockWidgetArea);
    connect(m_timeline, &TimelinePanel::dateRangeBrushed, m_articles, &ArticleListPanel::setDateRange);
    connect(m_timeline, &TimelinePanel::referenceActivated, m_reader, &ReaderView::selectRange);
    connect(m_timeline, &TimelinePanel::articleClicked, m_articles, &ArticleListPanel::selectArticle);
    connect(m_entities, &EntityPanel::showArticlesMentioning, m_articles, &ArticleListPanel::setEntityFilter);
    connect(m_entities, &EntityPanel::entitySelected, this, [this](qint64 entityId, const QString &name) {
        // The project lane shows when the selected entity was mentioned.
        QSet<qint64> ids;
        if (entityId) {
            model::ArticleFilter filter;
            filter.entityId = entityId;
            const QList<qint64> list = m_document.project().library().ids(filter);
            ids = QSet<qint64>(list.begin(), list.end());
        }
        m_timeline->view()->setMarkedArticles(ids, entityId ? tr("Mentioning %1").arg(name) : QString());
    });

    connect(m_articles, &ArticleListPanel::articleActivated, this, [this](qint64 id) {
        m_reader->showArticle(id);
        m_entities->setArticle(id);
        m_timeline->showArticle(m_reader->article());
        QSettings().setValue(settingsKey(QStringLiteral("lastArticle")), id);
        statusBar()->showMessage(tr("Article %1 of the list").arg(m_articles->view()->currentIndex().row() + 1), 4000);
    });
    connect(m_reader, &ReaderView::highlightSelected, this,
        [this](qint64 highlightId) { m_notes->setTarget(m_reader->articleId(), highlightId); });
    connect(m_reader, &ReaderView::articleStepRequested, m_articles, &ArticleListPanel::step);
    connect(m_reader, &ReaderView::tagApplied, this, &MainWindow::noteTagUsed);
    connect(
        m_reader, &ReaderView::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 6000); });
    connect(m_codebook, &CodebookPanel::tagActivated, m_articles, &ArticleListPanel::setTagFilter);
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes) {
        // After the first import (or the samples on first run) show an article at once.
        if ((changes & Document::Articles) && m_reader->articleId() == 0)
            m_articles->step(0);
        if (changes & Document::Articles)
            updateStartGuide();
    });
    connect(&m_document, &Document::errorOccurred, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Gloss"), tr("The change was not made.\n\n%1").arg(message));
    });

    connect(&m_document, &Document::fileLost, this, &MainWindow::fileLost);
    connect(&m_document, &Document::connectionChanged, this, &MainWindow::connectionChanged);
    connect(m_backups, &BackupScheduler::finished, this, [this](const QString &path, const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("The daily backup failed: %1").arg(error));
        else if (!path.isEmpty())
            statusBar()->showMessage(tr("Backed up to %1").arg(QFileInfo(path).fileName()), 6000);
    });

    createMenus();
    restoreState();
    updateStartGuide();
    // Changes made by another process show without a click: the project's data version is one
    // cheap query, and nothing reloads while it stays the same.
    m_changePoll = new QTimer(this);
    m_changePoll->setInterval(2000);
    connect(m_changePoll, &QTimer::timeout, this, &MainWindow::pollForChanges);
    m_changePoll->start();
    m_reader->textView()->setFocus();
    if (m_document.project().isReadOnly() || m_document.project().isOnServer())
        m_backups->stop(); // a team project's server keeps its backups
    else
        QTimer::singleShot(2000, m_backups, &BackupScheduler::runIfDue);
}

void MainWindow::updateTitle()
{
    // A team project is named by its server and database, never by a connection string (which
    // may hold a password).
    const QString fileName = m_document.project().isOnServer() ? m_document.project().location()
                                                               : QFileInfo(m_document.project().path()).fileName();
    const bool readOnly = m_document.project().isReadOnly();
    const QString coder = m_document.project().coder();
    setWindowTitle(readOnly   ? tr("%1 (read-only) — Gloss").arg(fileName)
            : coder.isEmpty() ? tr("%1 — Gloss").arg(fileName)
                              : tr("%1 — %2 — Gloss").arg(fileName, coder));
    if (!m_document.project().isOnServer())
        setWindowFilePath(m_document.project().path());
    // A read-only project can be read, searched and navigated, not coded.
    for (QAction *a : m_reader->codingActions())
        a->setEnabled(!readOnly);
    if (m_quickTagAction)
        m_quickTagAction->setEnabled(!readOnly);
}

bool MainWindow::pollForChanges()
{
    if (QApplication::activeModalWidget() || QApplication::activePopupWidget())
        return false; // not under an open dialog or the picker
    const bool wasDisconnected = m_connectionLabel && !m_connectionLabel->isHidden();
    if (!m_document.refreshIfChangedElsewhere())
        return false;
    if (wasDisconnected) // said after the reload, which moves the list's selection and says so
        statusBar()->showMessage(tr("Reconnected to %1").arg(m_document.project().location()), 8000);
    else
        statusBar()->showMessage(tr("Updated with changes made elsewhere"), 4000);
    return true;
}

void MainWindow::noteTagUsed(qint64 tagId)
{
    // The picker lists the tags used last first, however they were applied (picker, keys, '.').
    QStringList ids = QSettings().value(settingsKey(QStringLiteral("recentTags"))).toStringList();
    ids.removeAll(QString::number(tagId));
    ids.prepend(QString::number(tagId));
    QSettings().setValue(settingsKey(QStringLiteral("recentTags")), ids.mid(0, 9));
}

void MainWindow::openTagPicker()
{
    if (m_document.project().isReadOnly())
        return;
    if (!m_picker) {
        m_picker = new TagPicker(m_document, this);
        connect(m_picker, &TagPicker::tagChosen, this, [this](qint64 tagId) {
            m_reader->textView()->setFocus();
            m_reader->applyTag(tagId);
        });
    }
    QList<qint64> recent;
    for (const QString &id : QSettings().value(settingsKey(QStringLiteral("recentTags"))).toStringList())
        recent.append(id.toLongLong());
    m_picker->setRecent(recent);
    m_picker->popup(m_reader);
}

void MainWindow::createStartGuide()
{
    m_startGuide = new QFrame(this);
    m_startGuide->setObjectName(QStringLiteral("startGuide"));
    auto *outer = new QVBoxLayout(m_startGuide);
    outer->addStretch(2);
    auto *title = new QLabel(tr("This project has no articles yet"), m_startGuide);
    title->setTextFormat(Qt::PlainText);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    outer->addWidget(title);
    auto *text = new QLabel(tr("Import articles (Ctrl+I) or drop files here: text, HTML, Markdown, JSON or CSV,\n"
                               "one article per file or many in one. Then create the tags you code with."),
        m_startGuide);
    text->setTextFormat(Qt::PlainText);
    text->setAlignment(Qt::AlignCenter);
    outer->addWidget(text);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto button = [&](const QString &label, const QString &name, auto slot) {
        auto *b = new QPushButton(label, m_startGuide);
        b->setObjectName(name);
        b->setMinimumHeight(b->sizeHint().height() * 5 / 4);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    const QList<QAction *> imports = m_import->actions();
    button(tr("Import Articles… (Ctrl+I)"), QStringLiteral("guideImportFiles"), [imports] {
        imports.value(0)->trigger();
    })->setDefault(true);
    button(tr("Import a Folder… (Ctrl+Shift+I)"), QStringLiteral("guideImportFolder"),
        [imports] { imports.value(1)->trigger(); });
    button(tr("Create a Tag…"), QStringLiteral("guideCreateTag"), [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("CodebookDock")))
            dock->show();
        m_codebook->createTag(false);
    });
    buttons->addStretch(1);
    outer->addLayout(buttons);
    outer->addStretch(3);
    m_centre->addWidget(m_startGuide);
}

void MainWindow::updateStartGuide()
{
    bool empty = false;
    try {
        empty = m_document.project().library().count({}) == 0;
    } catch (const operations::OperationError &) {
        empty = false; // the reader reports what it cannot read
    }
    m_centre->setCurrentWidget(empty ? static_cast<QWidget *>(m_startGuide) : m_reader);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Back from another window (maybe a second Gloss on the same project): show its changes.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_document.refreshIfChangedElsewhere())
        statusBar()->showMessage(tr("Updated with changes made elsewhere"), 4000);
}

QString MainWindow::restoreFrom(const QString &backupFile)
{
    const QString path = m_document.project().path();
    m_backups->wait();
    const auto restored = m_document.project().backups().restore(backupFile);
    if (!restored.error.isEmpty())
        return restored.error;
    auto opened = Project::open(path);
    if (!opened.project)
        return opened.error;
    m_document.replaceProject(std::move(opened.project));
    updateTitle();
    m_articles->step(0);
    statusBar()->showMessage(tr("Restored from %1").arg(QFileInfo(backupFile).fileName()), 8000);
    return {};
}

QString MainWindow::writeBack()
{
    const QString path = m_document.project().path();
    if (QFileInfo::exists(path))
        return tr("%1 exists again; it was not overwritten").arg(path);
    if (const QString err = m_document.project().backups().writeTo(path); !err.isEmpty())
        return tr("cannot write %1 (%2)").arg(path, err);
    auto opened = Project::open(path);
    if (!opened.project)
        return opened.error;
    m_document.replaceProject(std::move(opened.project));
    m_writeBackAction->setEnabled(false);
    updateTitle();
    statusBar()->showMessage(tr("The project was written back to %1").arg(path), 8000);
    return {};
}

void MainWindow::connectionChanged(bool lost, const QString &words)
{
    // Said in the status bar, not in a dialog: the poll goes on trying every two seconds, and the
    // window is readable meanwhile. A change tried while the server is away says why it failed.
    if (!m_connectionLabel) {
        m_connectionLabel = new QLabel(this);
        m_connectionLabel->setObjectName(QStringLiteral("connectionState"));
        statusBar()->addPermanentWidget(m_connectionLabel);
    }
    if (lost) {
        m_connectionLabel->setText(tr("<b>Not connected</b>: reconnecting…"));
        m_connectionLabel->setToolTip(words);
        m_connectionLabel->show();
        statusBar()->showMessage(tr("Lost the connection to the team server: %1").arg(words));
    } else {
        m_connectionLabel->hide();
        statusBar()->showMessage(tr("Reconnected to %1").arg(m_document.project().location()), 8000);
    }
}

void MainWindow::fileLost(const QString &path)
{
    m_writeBackAction->setEnabled(true);
    statusBar()->showMessage(tr("The project file was deleted or moved: use File > Write Project Back"));
    if (QGuiApplication::platformName() == u"offscreen")
        return; // tests drive writeBack() themselves
    const auto answer = QMessageBox::warning(this, tr("Gloss"),
        tr("The project file %1 was deleted or moved while Gloss had it open.\n\n"
           "Gloss still holds everything stored in it. Write it back to %1 now?")
            .arg(path),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        if (const QString err = writeBack(); !err.isEmpty())
            QMessageBox::warning(this, tr("Gloss"), tr("The project was not written back.\n\n%1").arg(err));
    }
}

void MainWindow::chooseBackup()
{
    RestoreBackupDialog dialog(m_document.project().path(), this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedBackup().isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString err = restoreFrom(dialog.selectedBackup());
    QApplication::restoreOverrideCursor();
    if (!err.isEmpty())
        QMessageBox::warning(this, tr("Gloss"), tr("The backup was not restored.\n\n%1").arg(err));
}

void MainWindow::backUpNow()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = m_document.project().backups().take(QStringLiteral("manual"));
    QApplication::restoreOverrideCursor();
    if (!result.error.isEmpty())
        QMessageBox::warning(this, tr("Gloss"), tr("No backup was made.\n\n%1").arg(result.error));
    else
        statusBar()->showMessage(tr("Backed up to %1").arg(result.path), 8000);
}

QDockWidget *MainWindow::addPanel(
    QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addActions(m_import->actions());
    QAction *exportAction
        = m_fileMenu->addAction(tr("&Export…"), this, [this] { ExportDialog(m_document, m_articles, this).exec(); });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_fileMenu->addAction(tr("Import &Annotations…"), this, [this] { importAnnotations(m_document, this); });
    // Other coders' copies of the project, merged on a worker thread (issue 18).
    auto *merger = new CoderProjectMerger(m_document, this);
    m_fileMenu->addAction(tr("&Merge Coder's Project…"), merger, &CoderProjectMerger::chooseAndMerge);
    // REFI-QDA: the exchange standard of MAXQDA, NVivo, ATLAS.ti and QualCoder.
    QMenu *refi = m_fileMenu->addMenu(tr("RE&FI-QDA (MAXQDA, NVivo, ATLAS.ti)"));
    refi->addAction(tr("Export REFI-QDA &Project…"), this, [this] { exportRefiProject(m_document, this); });
    refi->addAction(tr("Export REFI-QDA &Codebook…"), this, [this] { exportRefiCodebook(m_document, this); });
    refi->addSeparator();
    refi->addAction(tr("&Import REFI-QDA Project…"), this, [this] { importRefiProject(m_document, this); });
    refi->addAction(tr("Import REFI-QDA Code&book…"), this, [this] { importRefiCodebook(m_document, this); });
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(tr("&Back Up Now"), this, &MainWindow::backUpNow);
    m_fileMenu->addAction(tr("&Restore from Backup…"), this, &MainWindow::chooseBackup);
    m_writeBackAction = m_fileMenu->addAction(tr("&Write Project Back"), this, [this] {
        if (const QString err = writeBack(); !err.isEmpty())
            QMessageBox::warning(this, tr("Gloss"), tr("The project was not written back.\n\n%1").arg(err));
    });
    m_writeBackAction->setEnabled(false);
    m_fileMenu->addSeparator();
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find Articles…"), this, [this] {
        m_articles->searchBox()->setFocus();
        m_articles->searchBox()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    edit->addAction(tr("&Clear Filters"), m_articles, &ArticleListPanel::clearFilters);
    edit->addSeparator();
    edit->addAction(m_articles->variablesAction());

    QMenu *code = menuBar()->addMenu(tr("&Code"));
    m_quickTagAction = code->addAction(tr("&Quick Tag…"), this, &MainWindow::openTagPicker);
    m_quickTagAction->setObjectName(QStringLiteral("quickTagAction"));
    m_quickTagAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_quickTagAction->setToolTip(tr("Type part of a tag's name and press Enter to apply it (Ctrl+T)"));
    code->addSeparator();
    code->addActions(m_reader->codingActions());
    code->addSeparator();
    code->addMenu(tr("Tag &Article"))->addActions(m_reader->articleActions());
    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(tr("Intercoder &Agreement…"), this, [this] {
        AgreementDialog *dialog = agreementDialog();
        dialog->reloadCoders();
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
        if (dialog->report().rows.isEmpty())
            dialog->compute();
    });
    analysis->addAction(tr("Retrieved &Passages…"), this, [this] {
        PassagesDialog *dialog = passagesDialog();
        dialog->reload();
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
        if (dialog->passages().isEmpty())
            dialog->retrieve();
    });
    analysis->addAction(tr("&Frequencies…"), this, [this] {
        auto *dialog = findChild<FrequencyDialog *>();
        const bool first = !dialog;
        if (first)
            dialog = new FrequencyDialog(m_document, this);
        dialog->reload();
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
        dialog->compute();
    });
    analysis->addAction(tr("&Co-occurrence…"), this, [this] {
        auto *dialog = findChild<CooccurrenceDialog *>();
        if (!dialog) {
            dialog = new CooccurrenceDialog(m_document, this);
            connect(dialog, &CooccurrenceDialog::passagesRequested, this,
                [this](const QList<model::Passage> &passages, const QString &description) {
                    PassagesDialog *list = passagesDialog();
                    list->reload();
                    list->showPassages(passages, description);
                    list->show();
                    list->raise();
                    list->activateWindow();
                });
        }
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
        dialog->compute();
    });
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions(m_reader->navigationActions());
    QMenu *sets = menuBar()->addMenu(tr("&Sets"));
    sets->addActions(m_articles->setActions());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_refreshAction = m_viewMenu->addAction(tr("&Refresh"), this, [this] {
        m_document.refresh();
        statusBar()->showMessage(
            tr("Reloaded from %1")
                .arg(m_document.project().isOnServer() ? m_document.project().location()
                                                       : QFileInfo(m_document.project().path()).fileName()),
            3000);
    });
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showKeys)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Gloss"), this, &MainWindow::showAbout);

    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addAction(m_reader->highlightAction());
    bar->addAction(m_reader->removeAction());
    bar->addSeparator();
    bar->addAction(m_reader->previousArticleAction());
    bar->addAction(m_reader->nextArticleAction());
    addCoderActions(edit, bar);
}

PassagesDialog *MainWindow::passagesDialog()
{
    auto *dialog = findChild<PassagesDialog *>();
    if (!dialog) {
        dialog = new PassagesDialog(m_document, this);
        connect(dialog, &PassagesDialog::passageRequested, this, &MainWindow::showPassage);
    }
    return dialog;
}

AgreementDialog *MainWindow::agreementDialog()
{
    if (!m_agreement) {
        m_agreement = new AgreementDialog(m_document, this);
        connect(m_agreement, &AgreementDialog::passageRequested, this, &MainWindow::showPassage);
    }
    return m_agreement;
}

void MainWindow::showPassage(qint64 articleId, qint64 start, qint64 end)
{
    m_articles->selectArticle(articleId);
    if (m_reader->articleId() != articleId) // not in the list as filtered: show it all the same
        m_reader->showArticle(articleId);
    if (start >= 0 && end > start)
        m_reader->selectRange(start, end);
    raise();
}

QString MainWindow::settingsKey(const QString &name) const
{
    const QByteArray hash = QCryptographicHash::hash(
        QFileInfo(m_document.project().path()).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
                                .toHex()
                                .left(12);
    return QStringLiteral("projects/%1/%2").arg(QString::fromLatin1(hash), name);
}

void MainWindow::restoreState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First run: most of the screen, centred.
        const QScreen *screen = QGuiApplication::primaryScreen();
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1600, 1000);
        const QSize size(available.width() * 85 / 100, available.height() * 85 / 100);
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    if (!QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First run: room for titles in the list, and a reader column of comfortable width.
        resizeDocks({findChild<QDockWidget *>(QStringLiteral("ArticlesDock")),
                        findChild<QDockWidget *>(QStringLiteral("CodebookDock"))},
            {width() * 34 / 100, std::max(300, width() * 22 / 100)}, Qt::Horizontal);
        resizeDocks({findChild<QDockWidget *>(QStringLiteral("TimelineDock"))}, {m_timeline->sizeHint().height()},
            Qt::Vertical);
        // Most of the right column for the codebook; notes and entities below it.
        resizeDocks({findChild<QDockWidget *>(QStringLiteral("CodebookDock")),
                        findChild<QDockWidget *>(QStringLiteral("NotesDock")),
                        findChild<QDockWidget *>(QStringLiteral("EntitiesDock"))},
            {height() * 50 / 100, height() * 15 / 100, height() * 25 / 100}, Qt::Vertical);
    }
    const qint64 last = settings.value(settingsKey(QStringLiteral("lastArticle"))).toLongLong();
    if (last > 0 && m_articles->model()->rowOf(last) >= 0)
        m_articles->selectArticle(last);
    else
        m_articles->step(0);
    statusBar()->showMessage(
        tr("%n article(s) in %1", nullptr, int(m_articles->model()->totalCount()))
            .arg(m_document.project().isOnServer() ? m_document.project().location()
                                                   : QFileInfo(m_document.project().path()).fileName()));
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
}

void MainWindow::showKeys()
{
    QString rows;
    auto list = [&](const QList<QAction *> &actions) {
        for (const QAction *a : actions)
            rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                            a->text().remove(u'&').toHtmlEscaped());
    };
    list({m_quickTagAction});
    list(m_reader->codingActions());
    list(m_reader->navigationActions());
    QMessageBox::information(this, tr("Keyboard Shortcuts"),
        tr("<p>In the reader, select text and press a key; with a highlight selected, the keys "
           "act on it.</p><table cellspacing=6>%1</table>")
            .arg(rows));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gloss"),
        tr("<h3>Gloss %1</h3><p>Read, highlight, code and annotate news articles by hand.</p>"
           "<p>Project: %2</p>")
            .arg(QStringLiteral(GLOSS_VERSION), m_document.project().location().toHtmlEscaped()));
}

} // namespace gloss::ui

namespace gloss::ui {

// Coders: who is coding, their settings, and which coders' highlights the reader shows.

void MainWindow::addCoderActions(QMenu *edit, QToolBar *bar)
{
    if (m_document.project().coder().isEmpty())
        m_document.project().setCoder(storedCoder());

    edit->addSeparator();
    m_settingsAction = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    // Ctrl+, everywhere, and the desktop's own key for preferences where it has another.
    QList<QKeySequence> keys = {QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Preferences))
        if (!keys.contains(key))
            keys.append(key);
    m_settingsAction->setShortcuts(keys);

    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_reader->coderMenu());
    bar->addSeparator();
    auto *label = new QLabel(tr("Coders:"), bar);
    label->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(label);
    // The reader keeps its combo hidden until a host takes it: the toolbar shows it through its action.
    bar->addWidget(m_reader->coderBox())->setVisible(true);

    m_coderButton = new QToolButton(this);
    m_coderButton->setObjectName(QStringLiteral("coderButton"));
    m_coderButton->setAutoRaise(true);
    m_coderButton->setToolTip(tr("Who is coding: your highlights, notes, article tags and done marks carry this "
                                 "name (Edit > Settings… changes it)"));
    connect(m_coderButton, &QToolButton::clicked, this, &MainWindow::showSettings);
    statusBar()->addPermanentWidget(m_coderButton);

    // The layer chosen last for this project.
    const QString layer = QSettings().value(settingsKey(QStringLiteral("coderLayer"))).toString();
    if (layer == u"mine")
        m_reader->setCoderLayer({CoderLayer::Mine, {}});
    else if (layer.startsWith(u"coder:"))
        m_reader->setCoderLayer({CoderLayer::One, layer.mid(6)});
    connect(m_reader, &ReaderView::coderLayerChanged, this, [this](const CoderLayer &chosen) {
        const QString value = chosen.kind == CoderLayer::Mine ? QStringLiteral("mine")
            : chosen.kind == CoderLayer::All                  ? QStringLiteral("all")
                                                              : QStringLiteral("coder:") + chosen.coder;
        QSettings().setValue(settingsKey(QStringLiteral("coderLayer")), value);
    });
    updateCoder();
}

void MainWindow::updateCoder()
{
    const QString coder = m_document.project().coder();
    m_coderButton->setText(coder.isEmpty() ? tr("No coder named") : tr("Coder: %1").arg(coder));
    QPixmap swatch(10, 10);
    swatch.fill(coder.isEmpty() ? Qt::transparent : coderColor(coder));
    m_coderButton->setIcon(QIcon(swatch));
    m_coderButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    updateTitle();
    m_reader->reloadCoders();
}

void MainWindow::askCoderIfNeeded()
{
    if (!m_document.project().coder().isEmpty() || QGuiApplication::platformName() == u"offscreen")
        return;
    CoderDialog dialog(CoderDialog::Purpose::FirstRun, CoderDialog::loginName(), this);
    if (dialog.exec() == QDialog::Accepted)
        setCoder(dialog.name());
    else
        statusBar()->showMessage(tr("No coder named: Edit > Settings… names who is coding"), 8000);
}

void MainWindow::showSettings()
{
    CoderDialog dialog(CoderDialog::Purpose::Settings, m_document.project().coder(), this);
    if (dialog.exec() == QDialog::Accepted && dialog.name() != m_document.project().coder())
        setCoder(dialog.name());
}

void MainWindow::setCoder(const QString &name)
{
    storeCoder(name);
    m_document.project().setCoder(name);
    updateCoder();
    // Mine, done by me and whose notes are editable all change with the coder.
    m_document.notify(Document::Highlights | Document::Notes);
    statusBar()->showMessage(tr("Coding as %1").arg(coderLabel(m_document.project().coder())), 6000);
}

} // namespace gloss::ui
