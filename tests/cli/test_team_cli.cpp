// gloss team: setting up a team project on PostgreSQL, coders as roles, and moving a project
// between a file and the server (issue 21). Runs in the postgresql pass of ctest ([postgres]),
// against the private server ./test.sh starts.
#include "model/entity.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/project.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/schema.h"
#include "support/glossprocess.h"
#include "support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString read(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

// A project file with two coders' work on the sample articles: highlights with tags and a note,
// an article tag, a done mark, a set.
QString codedProject(const QTemporaryDir &dir)
{
    const QString file = dir.filePath(s("study.gloss"));
    REQUIRE(runGloss({s("import"), s(GLOSS_SOURCE_DIR "/resources/samples")}, file).code == 0);
    REQUIRE(runGloss({s("--coder"), s("ann"), s("highlight"), s("add"), s("--article"), s("1"), s("--start"), s("0"),
                         s("--end"), s("20"), s("--tag"), s("Frame > Conflict"), s("--note"), s("opening 🙂")},
                file)
                .code
        == 0);
    REQUIRE(runGloss({s("--coder"), s("ben"), s("highlight"), s("add"), s("--article"), s("1"), s("--start"), s("5"),
                         s("--end"), s("30"), s("--tag"), s("Frame > Economy")},
                file)
                .code
        == 0);
    REQUIRE(runGloss({s("--coder"), s("ann"), s("done"), s("1")}, file).code == 0);
    return file;
}

QString exportOf(const QString &project, const QStringList &args)
{
    const Run run = runGloss(QStringList{s("export")} + args, project);
    REQUIRE(run.code == 0);
    return run.out;
}

} // namespace

TEST_CASE("team push and team pull are inverses: the exports of both are identical", "[postgres]")
{
    QTemporaryDir dir;
    const QString file = codedProject(dir);
    gloss::test::TestDatabase db;

    const Run push = runGloss({s("team"), s("push"), file, db.target});
    INFO(push.err.toStdString());
    REQUIRE(push.code == 0);
    const QString copy = dir.filePath(s("pulled.gloss"));
    const Run pull = runGloss({s("team"), s("pull"), db.target, s("-o"), copy});
    INFO(pull.err.toStdString());
    REQUIRE(pull.code == 0);
    CHECK_FALSE(QFile::exists(copy + s(".part")));

    for (const QString &layout : {s("highlights"), s("articles"), s("codebook"), s("entities")}) {
        INFO(layout.toStdString());
        CHECK(exportOf(copy, {s("--layout"), layout}) == exportOf(file, {s("--layout"), layout}));
    }
    const Run timelineThere = runGloss({s("timeline"), s("--format"), s("csv")}, copy);
    CHECK(timelineThere.out == runGloss({s("timeline"), s("--format"), s("csv")}, file).out);
    CHECK(runGloss({s("articles"), s("--done-by"), s("ann"), s("--format"), s("csv")}, copy).out
        == runGloss({s("articles"), s("--done-by"), s("ann"), s("--format"), s("csv")}, file).out);
    const Run check = runGloss({s("check")}, copy);
    CHECK(check.code == 0);
    CHECK(check.out.contains(s("clean")));

    SECTION("a second push into the same project is refused, nothing changed")
    {
        const Run again = runGloss({s("team"), s("push"), file, db.target});
        CHECK(again.code == 1);
        CHECK(again.err.contains(s("already holds articles")));
    }
    SECTION("pull does not overwrite a file without --force")
    {
        const QString before = read(copy);
        const Run again = runGloss({s("team"), s("pull"), db.target, s("-o"), copy});
        CHECK(again.code == 1);
        CHECK(again.err.contains(s("--force")));
        const Run forced = runGloss({s("team"), s("pull"), db.target, s("-o"), copy, s("--force")});
        CHECK(forced.code == 0);
        CHECK(exportOf(copy, {s("--layout"), s("highlights")}) == exportOf(file, {s("--layout"), s("highlights")}));
    }
}

TEST_CASE("team init and add-coder: coders log in with a password, and a refusal says why", "[postgres]")
{
    gloss::test::TestDatabase db;
    const Run init = runGloss({s("team"), s("init"), db.target});
    INFO(init.err.toStdString());
    REQUIRE(init.code == 0);
    const Run added = runGloss({s("team"), s("add-coder"), s("cora"), s("--password")}, db.target, "pass-cora\n");
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    CHECK(added.out.contains(s("cora added as a coder")));

    SECTION("the coder reads the project; a wrong password is refused without showing it")
    {
        CHECK(runGloss({s("articles"), s("--format"), s("csv")}, db.as(s("cora"), s("pass-cora"))).code == 0);
        const Run wrong = runGloss({s("articles")}, db.as(s("cora"), s("not-hers")));
        CHECK(wrong.code == 1);
        CHECK(wrong.err.contains(s("password authentication failed")));
        CHECK(wrong.err.contains(s("database %1").arg(db.name)));
        CHECK_FALSE(wrong.err.contains(s("not-hers")));
    }
    SECTION("a coder codes as their role, and may not write as another coder or change the codebook")
    {
        REQUIRE(runGloss({s("import"), s(GLOSS_SOURCE_DIR "/resources/samples/01-ghani-offers-taliban-talks.txt")},
                    db.target)
                    .code
            == 0);
        const QString cora = db.as(s("cora"), s("pass-cora"));
        const Run own = runGloss({s("highlight"), s("add"), s("--article"), s("1"), s("--start"), s("0"), s("--end"),
                                     s("10"), s("--tag"), s("Frame")},
            cora);
        INFO(own.err.toStdString());
        CHECK(own.code == 1); // the tag does not exist, and a coder may not create it
        CHECK(own.err.contains(s("only a lead changes the codebook")));
        REQUIRE(runGloss({s("highlight"), s("add"), s("--article"), s("1"), s("--start"), s("0"), s("--end"), s("10"),
                             s("--tag"), s("Frame")},
                    db.target)
                    .code
            == 0);
        const Run tagged = runGloss({s("highlight"), s("add"), s("--article"), s("1"), s("--start"), s("2"), s("--end"),
                                        s("12"), s("--tag"), s("Frame")},
            cora);
        INFO(tagged.err.toStdString());
        CHECK(tagged.code == 0);
        const Run asBen = runGloss({s("--coder"), s("ben"), s("highlight"), s("add"), s("--article"), s("1"),
                                       s("--start"), s("3"), s("--end"), s("9")},
            cora);
        CHECK(asBen.code == 1);
        CHECK(asBen.err.contains(s("may change only their own coding")));
        const Run exported = runGloss({s("export"), s("--layout"), s("highlights")}, db.target);
        CHECK(exported.out.count(s(",cora,")) == 1);
        CHECK_FALSE(exported.out.contains(s(",ben,")));
    }
    SECTION("a coder of one project does not open another on the same server until added to it, and adding "
            "keeps their password")
    {
        gloss::test::TestDatabase other;
        REQUIRE(runGloss({s("team"), s("init"), other.target}).code == 0);
        const Run refused = runGloss({s("articles")}, other.as(s("cora"), s("pass-cora")));
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(s("database %1").arg(other.name)));
        CHECK(refused.err.contains(s("permission denied for database")));
        const Run addedThere = runGloss({s("team"), s("add-coder"), s("cora")}, other.target);
        INFO(addedThere.err.toStdString());
        REQUIRE(addedThere.code == 0);
        CHECK(runGloss({s("articles")}, other.as(s("cora"), s("pass-cora"))).code == 0);
        CHECK(runGloss({s("articles")}, db.as(s("cora"), s("pass-cora"))).code == 0);
    }
    SECTION("a coder changes any entity decision in their own name, never in another's")
    {
        REQUIRE(runGloss({s("import"), s(GLOSS_SOURCE_DIR "/resources/samples/01-ghani-offers-taliban-talks.txt")},
                    db.target)
                    .code
            == 0);
        auto opened = gloss::Project::open(db.as(s("cora"), s("pass-cora")));
        INFO(opened.error.toStdString());
        REQUIRE(opened.project);
        gloss::Project &cora = *opened.project;
        CHECK(cora.coder() == s("cora"));
        const QList<gloss::model::Entity> found = cora.entities().list();
        REQUIRE(found.size() >= 2);
        const qint64 first = found.at(0).id;
        const qint64 second = found.at(1).id;
        const gloss::operations::Undo confirmed = cora.entities().confirm(first);
        CHECK(cora.entities().get(first)->decidedBy == s("cora"));
        cora.entities().reject(second);
        REQUIRE(cora.entities().rejections().size() >= 1);
        CHECK(cora.entities().rejections().first().coder == s("cora"));
        cora.revert(confirmed);
        CHECK(cora.entities().get(first)->decidedBy.isEmpty());
        cora.setCoder(s("ben"));
        CHECK_THROWS_AS(cora.entities().confirm(first), gloss::operations::OperationError);
        CHECK(cora.entities().get(first)->decidedBy.isEmpty());
        CHECK_FALSE(cora.entities().get(first)->confirmed);
        // The team's view, on the command line.
        const Run listed = runGloss({s("entities"), s("--rejected"), s("--format"), s("csv")}, db.target);
        INFO(listed.err.toStdString());
        CHECK(listed.out.startsWith(s("name,rejected_by\r\n")));
        CHECK(listed.out.contains(s(",cora\r\n")));
    }
    SECTION("a team project from before entity decisions had coders is upgraded, its rights with it")
    {
        {
            auto connected = gloss::storage::postgres::Connection::open(db.target);
            REQUIRE(connected.connection);
            auto &c = *connected.connection;
            c.execute("DROP POLICY shared_decisions ON entities");
            c.execute("DROP POLICY shared_decisions ON rejected_names");
            c.execute("ALTER TABLE entities DISABLE ROW LEVEL SECURITY");
            c.execute("ALTER TABLE entities DROP COLUMN decided_by");
            c.execute("ALTER TABLE rejected_names DROP COLUMN coder");
            c.execute("UPDATE gloss_schema SET version = 1");
        }
        REQUIRE(runGloss({s("import"), s(GLOSS_SOURCE_DIR "/resources/samples/01-ghani-offers-taliban-talks.txt")},
                    db.target)
                    .code
            == 0);
        auto connected = gloss::storage::postgres::Connection::open(db.target);
        REQUIRE(connected.connection);
        auto version = connected.connection->query("SELECT max(version) FROM gloss_schema");
        REQUIRE(version.step());
        CHECK(version.integer(0) == gloss::storage::postgres::currentSchemaVersion());
        auto policies
            = connected.connection->query("SELECT count(*) FROM pg_policies WHERE policyname = 'shared_decisions'");
        REQUIRE(policies.step());
        CHECK(policies.integer(0) == 2);
        auto opened = gloss::Project::open(db.as(s("cora"), s("pass-cora")));
        REQUIRE(opened.project);
        const qint64 first = opened.project->entities().list().at(0).id;
        opened.project->setCoder(s("ben"));
        CHECK_THROWS_AS(opened.project->entities().confirm(first), gloss::operations::OperationError);
    }
    SECTION("a name that cannot be a role is refused")
    {
        const Run bad = runGloss({s("team"), s("add-coder"), s("bob; DROP TABLE articles")}, db.target);
        CHECK(bad.code == 1);
        CHECK(bad.err.contains(s("cannot be a coder's login name")));
    }
    SECTION("commands that need a file say so on a team project")
    {
        const Run backup = runGloss({s("backup")}, db.as(s("cora"), s("pass-cora")));
        CHECK(backup.code == 1);
        CHECK(backup.err.contains(s("its server keeps its backups")));
        CHECK_FALSE(backup.err.contains(s("pass-cora")));
    }
}

TEST_CASE("a database that is not a Gloss project or a server that is not there: exit 1, nothing made", "[postgres]")
{
    gloss::test::TestDatabase db;
    const Run none = runGloss({s("articles")}, db.target);
    CHECK(none.code == 1);
    CHECK(none.err.contains(s("holds no Gloss project")));
    const Run unknown = runGloss({s("articles")}, s("postgresql://ann@no-such-host.invalid/study?connect_timeout=5"));
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains(s("cannot connect")));
    const Run notServer = runGloss({s("team"), s("init"), s("/tmp/some.gloss")});
    CHECK(notServer.code == 2);
    CHECK(notServer.err.contains(s("is not a PostgreSQL server")));
}
