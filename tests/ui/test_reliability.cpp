// The window with a second process on its project, restores, read-only and vanished files.
#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "backup/backupscheduler.h"
#include "backup/restorebackupdialog.h"
#include "commands/tagcommands.h"
#include "document.h"
#include "mainwindow.h"
#include "reader/readerview.h"
#include "storage/sqlite/backupmanager.h"
#include "support/windowfixture.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <catch2/catch.hpp>

using gloss::Project;
using gloss::storage::sqlite::BackupManager;
using gloss::ui::Document;
using gloss::ui::MainWindow;

namespace {

void addArticles(Project &p, int n, int from = 0)
{
    for (int i = from; i < from + n; ++i) {
        gloss::model::Article a;
        a.title = QStringLiteral("Article %1").arg(i);
        a.body = QStringLiteral("Body of article %1, long enough to read.").arg(i);
        a.published = QDate(2020, 1, 1).addDays(i);
        p.store().articles().insert(a);
    }
}

} // namespace

TEST_CASE("the window shows another process's changes on Refresh and on activation", "[ui][reliability]")
{
    gloss::test::WindowFixture f;
    gloss::test::TempProject &tp = f.tp;
    addArticles(tp.project(), 2);
    const QString path = tp.path();
    f.open();
    gloss::ui::Document &document = *f.document;
    gloss::ui::MainWindow &window = *f.window;
    REQUIRE(window.articleList()->model()->totalCount() == 2);

    auto other = Project::open(path); // a second Gloss on the same file
    REQUIRE(other.project);
    addArticles(*other.project, 3, 10);
    CHECK(window.articleList()->model()->totalCount() == 2);
    REQUIRE(window.refreshAction());
    CHECK(window.refreshAction()->shortcut() == QKeySequence(QKeySequence::Refresh));
    window.refreshAction()->trigger();
    CHECK(window.articleList()->model()->totalCount() == 5);

    // Activation refreshes only when something changed elsewhere.
    CHECK_FALSE(document.refreshIfChangedElsewhere());
    addArticles(*other.project, 1, 20);
    CHECK(document.refreshIfChangedElsewhere());
    CHECK(window.articleList()->model()->totalCount() == 6);
}

TEST_CASE("File > Restore from Backup lists the backups and restoring reopens the project", "[ui][reliability]")
{
    gloss::test::WindowFixture f;
    gloss::test::TempProject &tp = f.tp;
    addArticles(tp.project(), 2);
    const QString path = tp.path();
    BackupManager backups(path);
    const auto taken = backups.backupBefore(QStringLiteral("tag-merge"));
    REQUIRE(taken.error.isEmpty());
    addArticles(tp.project(), 3, 10);
    f.open();
    gloss::ui::Document &document = *f.document;
    gloss::ui::MainWindow &window = *f.window;
    REQUIRE(window.articleList()->model()->totalCount() == 5);

    gloss::ui::RestoreBackupDialog dialog(path, &window);
    REQUIRE(dialog.list()->topLevelItemCount() == 1);
    CHECK(dialog.list()->topLevelItem(0)->text(1) == QStringLiteral("Before a tag merge"));
    CHECK(dialog.selectedBackup() == taken.path);

    document.undoStack()->push(new gloss::ui::CreateTagCommand(document, QStringLiteral("Water"), 0));
    CHECK(document.undoStack()->count() == 1);
    CHECK(window.restoreFrom(dialog.selectedBackup()).isEmpty());
    CHECK(window.articleList()->model()->totalCount() == 2);
    CHECK(document.undoStack()->count() == 0); // the history of the replaced content is gone
    CHECK_FALSE(document.project().store().tags().find(QStringLiteral("Water")));
    // The state before the restore was kept.
    bool kept = false;
    for (const auto &b : backups.list())
        kept = kept || b.reason == u"before-restore";
    CHECK(kept);
}

TEST_CASE("a read-only project can be read, and every change is refused saying so", "[ui][reliability]")
{
    gloss::test::TempProject tp;
    addArticles(tp.project(), 1);
    const QString path = tp.path();
    tp.close();
    auto opened = Project::open(path, gloss::Project::Access::ReadOnly);
    REQUIRE(opened.project);
    Document document(std::move(opened.project));
    QSignalSpy errors(&document, &Document::errorOccurred);
    document.undoStack()->push(new gloss::ui::CreateTagCommand(document, QStringLiteral("Water"), 0));
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().first().toString().contains(QStringLiteral("read-only")));
    CHECK(document.undoStack()->count() == 0);
    CHECK(document.project().store().tags().all().isEmpty());

    MainWindow window(document);
    CHECK(window.windowTitle().contains(QStringLiteral("read-only")));
    for (QAction *a : window.reader()->codingActions())
        CHECK_FALSE(a->isEnabled());
}

TEST_CASE("a project file deleted while open: changes are refused and it can be written back", "[ui][reliability]")
{
    gloss::test::TempProject tp;
    addArticles(tp.project(), 3);
    tp.project().store().tags().ensure(QStringLiteral("Kept"));
    const QString path = tp.path();
    Document document(tp.take());
    QSignalSpy lost(&document, &Document::fileLost);
    QSignalSpy errors(&document, &Document::errorOccurred);
    REQUIRE(QFile::remove(path));

    document.undoStack()->push(new gloss::ui::CreateTagCommand(document, QStringLiteral("Lost"), 0));
    CHECK(lost.size() == 1);
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().first().toString().contains(QStringLiteral("deleted or moved")));
    CHECK(document.undoStack()->count() == 0);

    MainWindow window(document);
    CHECK(window.writeBack().isEmpty());
    REQUIRE(QFileInfo::exists(path));
    CHECK(document.project().store().tags().find(QStringLiteral("Kept")));
    CHECK(window.articleList()->model()->totalCount() == 3);
    // Writing works again.
    document.undoStack()->push(new gloss::ui::CreateTagCommand(document, QStringLiteral("Again"), 0));
    CHECK(document.undoStack()->count() == 1);
    auto check = Project::open(path);
    REQUIRE(check.project);
    CHECK(check.project->store().tags().find(QStringLiteral("Again")));
}

TEST_CASE("a tag merge is preceded by a verified backup, once", "[ui][reliability]")
{
    gloss::test::TempProject tp;
    addArticles(tp.project(), 1);
    const qint64 a = tp.project().store().tags().ensure(QStringLiteral("Flood"));
    const qint64 b = tp.project().store().tags().ensure(QStringLiteral("Floods"));
    const QString path = tp.path();
    Document document(tp.take());
    document.undoStack()->push(new gloss::ui::MergeTagsCommand(document, b, a));
    const auto list = BackupManager(path).list();
    REQUIRE(list.size() == 1);
    CHECK(list.first().reason == QStringLiteral("before-tag-merge"));
    document.undoStack()->undo();
    document.undoStack()->redo();
    CHECK(BackupManager(path).list().size() == 1);
}

TEST_CASE("the daily backup runs on a worker thread", "[ui][reliability]")
{
    gloss::test::TempProject tp;
    addArticles(tp.project(), 2);
    const QString path = tp.path();
    Document document(tp.take());
    gloss::ui::BackupScheduler scheduler(path);
    QSignalSpy finished(&scheduler, &gloss::ui::BackupScheduler::finished);
    REQUIRE(scheduler.runIfDue());
    CHECK_FALSE(scheduler.runIfDue()); // one at a time
    REQUIRE(finished.wait(20000));
    CHECK(finished.first().at(1).toString().isEmpty());
    CHECK(QFileInfo::exists(finished.first().at(0).toString()));
    CHECK_FALSE(scheduler.runIfDue()); // not due again today
}
