#include "operations/backups.h"
#include "operations/library.h"
#include "operations/project.h"
#include "support/tempproject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

using gloss::Project;
using gloss::operations::Backups;

namespace {

void addArticles(gloss::test::TempProject &t, int n, const QString &prefix)
{
    for (int i = 0; i < n; ++i)
        t.addArticle(QStringLiteral("%1 %2").arg(prefix).arg(i), QStringLiteral("Body of %1 %2.").arg(prefix).arg(i),
            QDate(2024, 1, 1).addDays(i));
}

QStringList titles(Project &p)
{
    QStringList out;
    for (const auto &r : p.library().list({}, gloss::model::ArticleOrder::Title, true, 0, 100))
        out << r.title;
    return out;
}

} // namespace

TEST_CASE("a backup taken through the project is listed and restores its content", "[operations][backup]")
{
    gloss::test::TempProject t;
    addArticles(t, 2, QStringLiteral("Before"));
    auto &backups = t.project().backups();
    CHECK(backups.folder() == t.path() + QStringLiteral(".backups"));
    CHECK(backups.list().isEmpty());

    const auto taken = backups.take();
    REQUIRE(taken.ok());
    CHECK(QFileInfo(taken.path).absolutePath() == QDir(backups.folder()).absolutePath());
    CHECK(Backups::verify(taken.path).isEmpty());
    const auto listed = backups.list();
    REQUIRE(listed.size() == 1);
    CHECK(listed.first().path == taken.path);
    CHECK(listed.first().reason == QStringLiteral("manual"));
    CHECK(listed.first().size > 0);
    CHECK(Backups::list(t.path()).size() == 1); // the same list without the project open

    const auto before = backups.takeBefore(QStringLiteral("tag-merge"));
    REQUIRE(before.ok());
    CHECK(backups.list().first().reason == QStringLiteral("before-tag-merge"));
    REQUIRE(backups.newestValid());
    CHECK(backups.newestValid()->path == before.path);

    // Work after the backup, then put the backup back: the open project reads the old content.
    addArticles(t, 3, QStringLiteral("After"));
    REQUIRE(titles(t.project()).size() == 5);
    const auto restored = backups.restore(taken.path);
    REQUIRE(restored.ok());
    CHECK(titles(t.project()) == QStringList{QStringLiteral("Before 0"), QStringLiteral("Before 1")});
    t.reopen();
    CHECK(titles(t.project()) == QStringList{QStringLiteral("Before 0"), QStringLiteral("Before 1")});

    // The state before the restore was kept, so the restore itself can be undone.
    REQUIRE_FALSE(restored.path.isEmpty());
    CHECK(t.project().backups().list().first().reason == QStringLiteral("before-restore"));
    REQUIRE(t.project().backups().restore(restored.path).ok());
    CHECK(titles(t.project()).size() == 5);
}

TEST_CASE("a restore from a bad file is refused in words and changes nothing", "[operations][backup]")
{
    gloss::test::TempProject t;
    addArticles(t, 2, QStringLiteral("Kept"));
    auto &backups = t.project().backups();

    const QString notAProject = QDir(t.dir()).filePath(QStringLiteral("notes.gloss"));
    {
        QFile f(notAProject);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("These are my notes, not a Gloss project.\n").repeated(200));
    }
    const auto refused = backups.restore(notAProject);
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.contains(notAProject));
    CHECK(refused.path.isEmpty());

    const QString missing = QDir(t.dir()).filePath(QStringLiteral("gone.gloss"));
    const auto absent = Backups::restore(t.path(), missing);
    CHECK_FALSE(absent.ok());
    CHECK(absent.error.contains(missing));

    CHECK(titles(t.project()) == QStringList{QStringLiteral("Kept 0"), QStringLiteral("Kept 1")});
    CHECK(backups.list().isEmpty()); // nothing to undo: no "before-restore" copy either
}

TEST_CASE("a read-only project is not restored over", "[operations][backup]")
{
    gloss::test::TempProject t;
    addArticles(t, 1, QStringLiteral("Only"));
    const auto taken = t.project().backups().take();
    REQUIRE(taken.ok());
    addArticles(t, 1, QStringLiteral("Second"));
    t.close();
    auto opened = Project::open(t.path(), Project::Access::ReadOnly);
    REQUIRE(opened.project);
    const auto refused = opened.project->backups().restore(taken.path);
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.contains(QStringLiteral("read-only")));
    CHECK(opened.project->library().count() == 2);
}

TEST_CASE("the daily backup through operations is taken once, from a path alone", "[operations][backup]")
{
    gloss::test::TempProject t;
    CHECK(Backups::dailyIfDue(t.path()).skipped); // nothing to lose yet
    addArticles(t, 1, QStringLiteral("Daily"));
    CHECK(Backups::dailyDue(t.path()));
    const auto daily = Backups::dailyIfDue(t.path());
    REQUIRE(daily.ok());
    REQUIRE_FALSE(daily.skipped);
    CHECK(Backups::verify(daily.path).isEmpty());
    CHECK_FALSE(Backups::dailyDue(t.path()));
    CHECK(Backups::dailyIfDue(t.path()).skipped);
    CHECK(t.project().backups().list().first().reason == QStringLiteral("daily"));
}

TEST_CASE("what an open project holds is written to a file of its own (how a deleted project is written back)",
    "[operations][backup]")
{
    gloss::test::TempProject t;
    addArticles(t, 3, QStringLiteral("Held"));
    const QString target = QDir(t.dir()).filePath(QStringLiteral("written.gloss"));
    REQUIRE(t.project().backups().writeTo(target).isEmpty());
    CHECK(Backups::verify(target).isEmpty());
    auto copy = Project::open(target, Project::Access::ReadOnly);
    REQUIRE(copy.project);
    CHECK(copy.project->library().count() == 3);

    CHECK_FALSE(
        t.project().backups().writeTo(QDir(t.dir()).filePath(QStringLiteral("no/such/folder.gloss"))).isEmpty());
}
