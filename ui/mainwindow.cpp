#include "mainwindow.h"

#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "entities/entitypanel.h"
#include "project.h"
#include "reader/readerview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace gloss::ui {

namespace {

QDockWidget *placeholderDock(const QString &title, const QString &objectName, const QString &text, QWidget *parent)
{
    auto *dock = new QDockWidget(title, parent);
    dock->setObjectName(objectName);
    auto *label = new QLabel(text, dock);
    label->setAlignment(Qt::AlignCenter);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    dock->setWidget(label);
    return dock;
}

} // namespace

MainWindow::MainWindow(Document &document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_articles(new ArticleListPanel(document, this))
    , m_reader(new ReaderView(document, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("%1 — Gloss").arg(QFileInfo(document.project().path()).fileName()));
    setWindowFilePath(document.project().path());
    setCentralWidget(m_reader);

    auto *listDock = new QDockWidget(tr("Articles"), this);
    listDock->setObjectName(QStringLiteral("ArticlesDock"));
    listDock->setWidget(m_articles);
    addDockWidget(Qt::LeftDockWidgetArea, listDock);

    auto *entities = new EntityPanel(document, *m_reader, this);
    auto *entityDock = new QDockWidget(tr("Entities"), this);
    entityDock->setObjectName(QStringLiteral("EntitiesDock"));
    entityDock->setWidget(entities);
    addDockWidget(Qt::RightDockWidgetArea, entityDock);
    connect(entities, &EntityPanel::showArticlesMentioning, m_articles, &ArticleListPanel::setEntityFilter);
    addDockWidget(Qt::BottomDockWidgetArea,
        placeholderDock(tr("Timeline"), QStringLiteral("TimelineDock"),
            tr("The article's dates among the project's appear here."), this));

    connect(m_articles, &ArticleListPanel::articleActivated, this, [this, entities](qint64 id) {
        m_reader->showArticle(id);
        entities->setArticle(id);
        QSettings().setValue(QStringLiteral("reader/lastArticle"), id);
    });

    createMenus();
    statusBar()->showMessage(tr("%n article(s) in %1", nullptr, int(m_articles->model()->totalCount()))
                                 .arg(QFileInfo(document.project().path()).fileName()));
    resize(1280, 800);
    restoreState();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(QStringLiteral("Ctrl+Shift+Z")), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gloss"), this, &MainWindow::showAbout);
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const qint64 last = settings.value(QStringLiteral("reader/lastArticle")).toLongLong();
    if (last > 0 && m_articles->model()->rowOf(last) >= 0)
        m_articles->selectArticle(last);
    else
        m_articles->step(0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gloss"),
        tr("<h3>Gloss %1</h3><p>Read, highlight, code and annotate news articles by hand.</p>"
           "<p>Project: %2</p>")
            .arg(QStringLiteral(GLOSS_VERSION), m_document.project().path().toHtmlEscaped()));
}

} // namespace gloss::ui
