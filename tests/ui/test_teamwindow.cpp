// The window on a team project (issue 21), in the postgresql pass only ([postgres]): what a coder
// sees when the server goes away under an open window and comes back.
#include "document.h"
#include "mainwindow.h"
#include "model/highlight.h"
#include "operations/annotations.h"
#include "operations/project.h"
#include "reader/readerview.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/postgresstore.h"
#include "support/windowfixture.h"

#include <QLabel>
#include <QStatusBar>
#include <QTest>

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

namespace pg = gloss::storage::postgres;

namespace {

qint64 backendOf(pg::Connection &c)
{
    pg::Query q = c.query("SELECT pg_backend_pid()");
    REQUIRE(q.step());
    return q.int64(0);
}

// What a server restart does to the window's connection: the server ends its backend.
void endBackend(pg::Connection &admin, qint64 pid)
{
    admin.query("SELECT pg_terminate_backend($1::int)").bind(1, pid).exec();
    for (int i = 0; i < 500; ++i) {
        pg::Query q = admin.query("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int");
        q.bind(1, pid);
        if (q.step() && q.int64(0) == 0)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("the backend did not end");
}

} // namespace

TEST_CASE("the server goes away under an open window: the status bar says so, and the window comes back by "
          "itself with what others did meanwhile",
    "[ui][postgres]")
{
    gloss::test::CodingFixture f; // opened on its article
    auto *store = dynamic_cast<pg::Store *>(&f.project().store());
    REQUIRE(store);
    pg::Connection &c = store->connection();
    auto admin = pg::Connection::open(qEnvironmentVariable("GLOSS_TEST_POSTGRES")); // the server's own database
    REQUIRE(admin.connection);
    const QByteArray database = c.database().toUtf8();

    REQUIRE(c.depth() == 0); // the window holds no transaction open between events
    // The server stops taking connections, and the window's is ended.
    admin.connection->execute(QByteArray("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false").constData());
    endBackend(*admin.connection, backendOf(c));
    // The poll finds the connection closed once the server's goodbye has arrived (within a tick or two).
    const auto connectionLabel = [&] { return f.window->findChild<QLabel *>(QStringLiteral("connectionState")); };
    for (int tick = 0; tick < 250 && !connectionLabel(); ++tick) {
        CHECK_FALSE(f.window->pollForChanges());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    QLabel *state = connectionLabel();
    REQUIRE(state);
    CHECK(state->isVisible());
    CHECK(state->text().contains(QStringLiteral("Not connected")));
    CHECK(f.window->statusBar()->currentMessage().startsWith(QStringLiteral("Lost the connection to the team server")));
    CHECK(state->toolTip().contains(QString::fromUtf8(database)));
    // The next ticks keep trying, and say it once.
    f.window->statusBar()->clearMessage();
    CHECK_FALSE(f.window->pollForChanges());
    CHECK(f.window->statusBar()->currentMessage().isEmpty());
    CHECK(state->isVisible());

    // The server is back; another coder adds a highlight before the window reconnects.
    admin.connection->execute(QByteArray("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true").constData());
    {
        auto other = gloss::Project::open(f.tp.path());
        REQUIRE(other.project);
        gloss::model::Highlight h;
        h.articleId = f.articleId;
        h.start = 0;
        h.end = 3;
        h.tagIds = {f.tagA};
        h.coder = QStringLiteral("cli");
        other.project->annotations().addHighlight(h);
    }
    CHECK(f.window->pollForChanges()); // reconnected, and reloaded: what was said meanwhile was not heard
    CHECK_FALSE(state->isVisible());
    INFO(f.window->statusBar()->currentMessage().toStdString());
    CHECK(f.window->statusBar()->currentMessage().startsWith(QStringLiteral("Reconnected to database ")));
    CHECK(f.project().annotations().highlights(f.articleId).size() == 1);

    // And coding goes on: a highlight made with the keyboard is stored.
    gloss::test::selectWithKeyboard(f.reader(), QStringLiteral("Núñez"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);
    CHECK(f.project().annotations().highlights(f.articleId).size() == 2);
    CHECK(c.reconnections() == 1);
}
