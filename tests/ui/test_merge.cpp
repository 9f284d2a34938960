// File > Merge Coder's Project…: another coder's copy merged on a worker, the panels refreshed,
// a report saying what came in.
#include "document.h"
#include "mainwindow.h"
#include "operations/annotations.h"
#include "operations/backups.h"
#include "operations/library.h"
#include "operations/project.h"
#include "support/windowfixture.h"
#include "work/coderprojectmerger.h"

#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

TEST_CASE("File > Merge Coder's Project… brings a coder's copy in on a worker and reports it", "[ui][merge]")
{
    gloss::test::WindowFixture f;
    QList<qint64> ids;
    for (int i = 1; i <= 3; ++i)
        ids.append(f.tp.addArticle(QStringLiteral("Story %1").arg(i),
            QStringLiteral("The minister met the envoy in Doha on Tuesday."), QDate(2018, 6, i)));
    QTemporaryDir dir;
    const QString ann = dir.filePath(QStringLiteral("ann.gloss"));
    REQUIRE(gloss::operations::Backups::copy(f.tp.path(), ann).isEmpty());
    {
        auto opened = gloss::Project::open(ann);
        REQUIRE(opened.project);
        opened.project->setCoder(QStringLiteral("ann"));
        gloss::model::Highlight h;
        h.articleId = ids.at(1);
        h.start = 4;
        h.end = 12;
        opened.project->annotations().addHighlight(h);
        opened.project->library().setDone({ids.at(1)}, true);
    }
    f.open(ids.at(1));

    QStringList menu;
    for (QAction *a : f.window->menuBar()->findChildren<QMenu *>().value(0)->actions())
        menu.append(a->text());
    CHECK(menu.contains(QStringLiteral("&Merge Coder's Project…")));

    auto *merger = f.window->findChild<gloss::ui::CoderProjectMerger *>();
    REQUIRE(merger);
    QSignalSpy finished(merger, &gloss::ui::CoderProjectMerger::finished);
    REQUIRE(merger->start({ann}, false));
    REQUIRE(finished.wait(20000));
    REQUIRE(merger->lastResults().size() == 1);
    CHECK(merger->lastResults().first().highlightsAdded == 1);
    CHECK(merger->lastResults().first().doneMarksAdded == 1);
    const auto highlights = f.project().annotations().highlights(ids.at(1));
    REQUIRE(highlights.size() == 1);
    CHECK(highlights.first().coder == QStringLiteral("ann"));
    QMessageBox *report = merger->reportBox();
    REQUIRE(report);
    CHECK(report->isVisible());
    CHECK(report->text().contains(QStringLiteral("ann.gloss: 3 article(s) matched; 1 highlight(s) added")));
    report->close();

    // Again: nothing new, said so.
    REQUIRE(merger->start({ann}, false));
    REQUIRE(finished.wait(20000));
    CHECK(merger->lastResults().first().highlightsThere == 1);
    CHECK(f.project().annotations().highlights(ids.at(1)).size() == 1);
}
