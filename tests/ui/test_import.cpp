// Importing from the window: the File menu actions, drops, the progress dialog with Cancel,
// the report, the article list refreshing, and seeding the default project with the samples.
#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "import/importcontroller.h"
#include "mainwindow.h"
#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/refiqda.h"
#include "storage/sqlite/checker.h"
#include "support/windowfixture.h"

#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <catch2/catch.hpp>

using gloss::ui::ImportController;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

QByteArray story(int i)
{
    return QStringLiteral("Story %1 of the truce\n\nJune 9, 2018\n\nKABUL — Paragraph of story %1.\n").arg(i).toUtf8();
}

QStringList problemFiles(QDialog *report)
{
    QStringList files;
    auto *tree = report->findChild<QTreeWidget *>(QStringLiteral("importProblems"));
    if (!tree)
        return files;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        files.append(tree->topLevelItem(i)->text(0) + u": " + tree->topLevelItem(i)->text(2));
    return files;
}

} // namespace

TEST_CASE("File > Import Folder… imports on a worker, reports, and the list shows the new articles", "[ui][import]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("in/a.txt")), story(1));
    writeFile(dir.filePath(QStringLiteral("in/b.txt")), story(2));
    writeFile(dir.filePath(QStringLiteral("in/empty.txt")), QByteArray());
    gloss::test::WindowFixture f;
    f.open();
    gloss::ui::MainWindow &window = *f.window;
    REQUIRE(window.articleList()->model()->rowCount() == 0);

    // The actions are in the File menu.
    QMenu *file = window.menuBar()->findChildren<QMenu *>().value(0);
    REQUIRE(file);
    QStringList names;
    for (QAction *a : file->actions())
        names.append(a->objectName());
    CHECK(names.contains(QStringLiteral("importFilesAction")));
    CHECK(names.contains(QStringLiteral("importFolderAction")));

    ImportController *controller = window.importController();
    QSignalSpy finished(controller, &ImportController::finished);
    REQUIRE(controller->importPaths({dir.filePath(QStringLiteral("in"))}));
    CHECK(controller->isRunning());
    CHECK_FALSE(controller->importFolderAction()->isEnabled());
    REQUIRE(finished.wait(20000));
    CHECK_FALSE(controller->isRunning());
    CHECK(controller->importFolderAction()->isEnabled());
    CHECK(controller->lastReport().imported == 2);
    CHECK(window.articleList()->model()->rowCount() == 2);

    QDialog *report = controller->reportDialog();
    REQUIRE(report);
    CHECK(report->isVisible());
    const QString summary = report->findChild<QLabel *>(QStringLiteral("importSummary"))->text();
    CHECK(summary.contains(QStringLiteral("Imported 2 articles")));
    CHECK(problemFiles(report) == QStringList{QStringLiteral("empty.txt: empty file")});
    report->close();

    // Importing the same folder again: duplicates, said so.
    REQUIRE(controller->importPaths({dir.filePath(QStringLiteral("in"))}));
    REQUIRE(finished.wait(20000));
    CHECK(controller->lastReport().duplicates == 2);
    CHECK(controller->reportDialog()
              ->findChild<QLabel *>(QStringLiteral("importSummary"))
              ->text()
              .contains(QStringLiteral("2 duplicates")));
    controller->reportDialog()->close();
}

TEST_CASE("dropping files and folders on the window imports them", "[ui][import]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("dropped/one.txt")), story(1));
    writeFile(dir.filePath(QStringLiteral("single.md")), "---\ntitle: Dropped alone\n---\n\nBRUSSELS — A body.\n");
    gloss::test::WindowFixture f;
    f.open();
    gloss::ui::MainWindow &window = *f.window;

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("dropped"))),
        QUrl::fromLocalFile(dir.filePath(QStringLiteral("single.md")))});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    CHECK(enter.isAccepted());
    QSignalSpy finished(window.importController(), &ImportController::finished);
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    CHECK(drop.isAccepted());
    REQUIRE(finished.wait(20000));
    CHECK(window.importController()->lastReport().imported == 2);
    CHECK(window.articleList()->model()->rowCount() == 2);
    window.importController()->reportDialog()->close();

    // Text without files is not a drop Gloss takes.
    QMimeData text;
    text.setText(QStringLiteral("just text"));
    QDragEnterEvent textEnter(QPoint(50, 50), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    textEnter.ignore();
    QCoreApplication::sendEvent(&window, &textEnter);
    CHECK_FALSE(textEnter.isAccepted());
}

TEST_CASE("Cancel in the progress dialog stops the import and the finished articles stay", "[ui][import]")
{
    QTemporaryDir dir;
    for (int i = 0; i < 30; ++i)
        writeFile(dir.filePath(QStringLiteral("many/%1.txt").arg(i, 2, 10, QChar(u'0'))), story(i));
    gloss::test::WindowFixture f;
    f.open();
    gloss::ui::Document &document = *f.document;
    gloss::ui::MainWindow &window = *f.window;

    ImportController *controller = window.importController();
    // The worker waits before its 11th file until the test has pressed Cancel, and the test
    // presses it only once the worker waits there (however slow the machine).
    QSemaphore reached;
    QSemaphore pressed;
    controller->options().batchSize = 4;
    controller->options().progress = [&reached, &pressed](const gloss::import::ImportProgress &p) {
        if (p.filesDone == 10 && !p.currentFile.isEmpty()) {
            reached.release();
            pressed.acquire();
        }
    };
    QSignalSpy finished(controller, &ImportController::finished);
    REQUIRE(controller->importPaths({dir.filePath(QStringLiteral("many"))}));
    QProgressDialog *progress = controller->progressDialog();
    REQUIRE(progress);
    QTRY_VERIFY_WITH_TIMEOUT(reached.available() == 1, 60000);
    // The window keeps painting while the worker works: the dialog appears after its delay.
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 5000);
    QPushButton *cancel = progress->findChild<QPushButton *>();
    REQUIRE(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    pressed.release();
    REQUIRE(finished.wait(20000));
    const gloss::import::ImportReport &report = controller->lastReport();
    CHECK(report.cancelled);
    CHECK(report.imported == 10);
    CHECK(document.project().store().articles().count() == 10);
    CHECK(window.articleList()->model()->rowCount() == 10);
    CHECK(gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(document.project())).clean());
    CHECK(controller->reportDialog()
              ->findChild<QLabel *>(QStringLiteral("importSummary"))
              ->text()
              .contains(QStringLiteral("Cancelled")));
    controller->reportDialog()->close();
    controller->options().progress = nullptr;
}

TEST_CASE("the default project is seeded with the samples once, other projects never", "[ui][import][seed]")
{
    const QString path = gloss::Project::defaultPath();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    {
        auto opened = gloss::Project::open(path);
        REQUIRE(opened.project);
        gloss::ui::Document document(std::move(opened.project));
        gloss::ui::MainWindow window(document);
        QSignalSpy finished(window.importController(), &ImportController::finished);
        REQUIRE(window.importController()->seedSamplesIfNeeded());
        REQUIRE(finished.wait(20000));
        CHECK(window.importController()->lastReport().imported == 34);
        CHECK(window.importController()->lastReport().refused.isEmpty());
        CHECK(window.importController()->reportDialog() == nullptr); // seeding is quiet
        CHECK(window.articleList()->model()->totalCount() == 34);
        CHECK(document.project().store().meta().value(QStringLiteral("seeded")).has_value());
        CHECK_FALSE(window.importController()->seedSamplesIfNeeded());
    }
    {
        // Emptied by the researcher, the default project stays empty on the next start.
        auto opened = gloss::Project::open(path);
        REQUIRE(opened.project);
        for (const qint64 id : opened.project->store().articles().ids({}))
            opened.project->store().articles().remove(id);
        gloss::ui::Document document(std::move(opened.project));
        gloss::ui::MainWindow window(document);
        CHECK_FALSE(window.importController()->seedSamplesIfNeeded());
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);

    gloss::test::TempProject tp;
    gloss::ui::Document other(tp.take());
    gloss::ui::MainWindow window(other);
    CHECK_FALSE(window.importController()->seedSamplesIfNeeded());
}

TEST_CASE("a REFI-QDA project dropped on the window is read whole on the worker, with its coding", "[ui][import][refi]")
{
    // Another tool's project (written by Gloss's own REFI-QDA export): one article, one code, one
    // coded passage.
    gloss::test::TempProject source;
    const qint64 article = source.addArticle(QStringLiteral("Truce talks"),
        QStringLiteral("KABUL \u2014 The truce held for a third day, officials said."), QDate(2018, 6, 9));
    qint64 tag = 0;
    source.project().codebook().create(QStringLiteral("Conflict"), 0, {}, {}, &tag);
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 8;
    h.end = 17;
    h.coder = QStringLiteral("ana");
    h.tagIds = {tag};
    source.project().annotations().addHighlight(h);
    const QString qdpx = source.dir() + QStringLiteral("/study.qdpx");
    REQUIRE(source.project().refiQda().exportProject(qdpx).ok());
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("one.txt")), story(1));

    gloss::test::WindowFixture f;
    f.open();
    gloss::ui::MainWindow &window = *f.window;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(qdpx), QUrl::fromLocalFile(dir.filePath(QStringLiteral("one.txt")))});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    CHECK(enter.isAccepted());
    QSignalSpy finished(window.importController(), &ImportController::finished);
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    CHECK(drop.isAccepted());
    CHECK(window.importController()->isRunning()); // not on the window's thread
    REQUIRE(finished.wait(20000));
    CHECK(window.importController()->lastReport().imported == 2);
    CHECK(window.articleList()->model()->rowCount() == 2);
    QStringList tags;
    for (const gloss::model::Tag &t : f.project().codebook().tags())
        tags.append(t.name);
    CHECK(tags == QStringList{QStringLiteral("Conflict")});
    CHECK(f.project().annotations().highlightCount() == 1);
    // The report says what came from the project file.
    const QStringList problems = problemFiles(window.importController()->reportDialog());
    INFO(problems.join(u'\n').toStdString());
    CHECK(problems.filter(QStringLiteral("study.qdpx: REFI-QDA project: 1 article")).size() == 1);
    window.importController()->reportDialog()->close();

    // A file that is not a REFI-QDA project, though named like one: refused by name and reason.
    writeFile(dir.filePath(QStringLiteral("broken.qdpx")), "not a zip");
    REQUIRE(window.importController()->importPaths({dir.filePath(QStringLiteral("broken.qdpx"))}));
    REQUIRE(finished.wait(20000));
    CHECK(window.importController()->lastReport().refused.size() == 1);
    CHECK(window.articleList()->model()->rowCount() == 2);
    window.importController()->reportDialog()->close();
}
