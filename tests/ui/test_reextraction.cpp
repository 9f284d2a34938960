// "Re-extract … of all articles" from the window: on a worker thread, with a progress dialog
// whose Cancel keeps the articles done so far and leaves the others as they were.
#include "document.h"
#include "entities/entitypanel.h"
#include "mainwindow.h"
#include "operations/entities.h"
#include "operations/project.h"
#include "operations/timeline.h"
#include "support/tempproject.h"
#include "timeline/timelinepanel.h"
#include "work/reextractor.h"

#include <QProgressDialog>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <catch2/catch.hpp>

using gloss::ui::Reextractor;

namespace {

const QString Body = QStringLiteral("WASHINGTON: Secretary of State Mike Pompeo met President Ashraf Ghani on Sunday. "
                                    "Pompeo flew on to Pakistan next Monday.");

// Lets the worker go on however the test ends, so the window's destruction never waits forever.
struct Release
{
    QSemaphore &semaphore;
    ~Release() { semaphore.release(1000); }
};

} // namespace

TEST_CASE("re-extracting every article shows progress, and Cancel stops it between articles", "[ui][reextract]")
{
    const bool entities = GENERATE(true, false);
    INFO((entities ? "entities" : "dates"));
    gloss::test::TempProject tp;
    QList<qint64> articles;
    for (int i = 0; i < 12; ++i)
        articles << tp.addArticle(QStringLiteral("Article %1").arg(i), Body, QDate(2018, 6, 18));
    gloss::ui::Document document(tp.take());
    gloss::ui::MainWindow window(document);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    Reextractor *reextractor = entities ? window.findChild<gloss::ui::EntityPanel *>()->reextractor()
                                        : window.findChild<gloss::ui::TimelinePanel *>()->reextractor();
    REQUIRE(reextractor);

    // The worker waits after its 5th article until the test has pressed Cancel; the test presses
    // it only once the worker has got there.
    QSemaphore arrived;
    QSemaphore pressed;
    const Release release{pressed};
    reextractor->setWorkerHook([&](int done, int) {
        if (done == 5) {
            arrived.release();
            pressed.acquire();
        }
    });
    QSignalSpy finished(reextractor, &Reextractor::finished);
    if (entities)
        window.findChild<gloss::ui::EntityPanel *>()->reextract(true);
    else
        window.findChild<gloss::ui::TimelinePanel *>()->reextract(true);
    REQUIRE(reextractor->isRunning());
    QProgressDialog *progress = reextractor->progressDialog();
    REQUIRE(progress);
    REQUIRE(arrived.tryAcquire(1, 30000));
    // The window keeps painting while the worker waits: the dialog appears after its delay.
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 10000);
    QPushButton *cancel = progress->findChild<QPushButton *>();
    REQUIRE(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    pressed.release();
    REQUIRE(finished.wait(30000));

    CHECK_FALSE(reextractor->isRunning());
    CHECK_FALSE(reextractor->progressDialog());
    CHECK(reextractor->lastError().isEmpty());
    CHECK(reextractor->lastResult().cancelled);
    CHECK(reextractor->lastResult().total == 12);
    CHECK(reextractor->lastResult().articles == 5);
    gloss::Project &p = document.project();
    for (int i = 0; i < articles.size(); ++i) {
        INFO("article " << i);
        const bool done = entities ? !p.entities().articleMentions(articles.at(i)).isEmpty()
                                   : !p.timeline().forArticle(articles.at(i)).isEmpty();
        CHECK(done == (i < 5));
    }
}
