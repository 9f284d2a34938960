// The team server's own cases (issue 21): connecting, the schema, refusals. They run only in the
// postgresql pass of ctest ([postgres]); the cases every engine shares are tagged [engines].
#include "operations/project.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/postgresstore.h"
#include "storage/postgres/schema.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

using namespace gloss;
namespace pg = gloss::storage::postgres;

namespace {

// A new empty database on the test server, dropped at the end of the test.
struct EmptyDatabase
{
    QString name;
    QString target;
    EmptyDatabase() { target = test::createTestDatabase(&name); }
    ~EmptyDatabase() { test::dropTestDatabase(name); }
};

} // namespace

TEST_CASE("a PostgreSQL target is told from a file path", "[postgres]")
{
    CHECK(pg::Connection::isTarget(QStringLiteral("postgresql://ann@db.example.org:5433/study")));
    CHECK(pg::Connection::isTarget(QStringLiteral("postgres://db.example.org/study")));
    CHECK(pg::Connection::isTarget(QStringLiteral("host=db.example.org dbname=study")));
    CHECK(pg::Connection::isTarget(QStringLiteral("dbname=study")));
    CHECK_FALSE(pg::Connection::isTarget(QStringLiteral("/home/ann/study.gloss")));
    CHECK_FALSE(pg::Connection::isTarget(QStringLiteral("study=2.gloss")));
    CHECK(pg::Connection::describe(QStringLiteral("postgresql://ann:secret@db.example.org:5433/study"))
        == QStringLiteral("database study on db.example.org:5433 as ann"));
}

TEST_CASE("an empty database becomes a project, a database of other tables is refused", "[postgres]")
{
    EmptyDatabase db;
    SECTION("Project::open does not make a project in an empty database")
    {
        auto opened = Project::open(db.target);
        REQUIRE_FALSE(opened.project);
        CHECK(opened.error.contains(QStringLiteral("holds no Gloss project")));
        CHECK(opened.error.contains(db.name));
    }
    SECTION("created, then opened again")
    {
        auto created = pg::Store::open(db.target, true);
        REQUIRE(created.store);
        CHECK(created.store->location().startsWith(QStringLiteral("database %1 on ").arg(db.name)));
        created.store.reset();
        auto opened = Project::open(db.target);
        REQUIRE(opened.project);
        CHECK(opened.project->path() == db.target);
        CHECK_FALSE(opened.project->isReadOnly());
    }
    SECTION("another application's tables")
    {
        auto connected = pg::Connection::open(db.target);
        REQUIRE(connected.connection);
        connected.connection->execute("CREATE TABLE invoices(id integer)");
        connected.connection.reset();
        auto opened = pg::Store::open(db.target, true);
        REQUIRE_FALSE(opened.store);
        CHECK(opened.error.contains(QStringLiteral("is not a Gloss project")));
    }
    SECTION("a newer schema")
    {
        REQUIRE(pg::Store::open(db.target, true).store);
        auto connected = pg::Connection::open(db.target);
        connected.connection->query("UPDATE gloss_schema SET version = $1")
            .bind(1, pg::currentSchemaVersion() + 1)
            .exec();
        connected.connection.reset();
        auto opened = Project::open(db.target);
        REQUIRE_FALSE(opened.project);
        CHECK(opened.error.contains(QStringLiteral("newer Gloss")));
    }
}

TEST_CASE("a wrong password or an unknown host is an error naming the server", "[postgres]")
{
    const QString port = qEnvironmentVariable("GLOSS_TEST_PGPORT");
    REQUIRE_FALSE(port.isEmpty());
    auto wrong
        = Project::open(QStringLiteral("postgresql://gloss_admin:not-the-password@127.0.0.1:%1/postgres").arg(port));
    REQUIRE_FALSE(wrong.project);
    CHECK(wrong.error.contains(QStringLiteral("password authentication failed")));
    CHECK(wrong.error.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    CHECK_FALSE(wrong.error.contains(QStringLiteral("not-the-password")));

    auto unknown = Project::open(QStringLiteral("postgresql://ann@no-such-host.invalid/study?connect_timeout=5"));
    REQUIRE_FALSE(unknown.project);
    CHECK(unknown.error.contains(QStringLiteral("no-such-host.invalid")));
    CHECK(unknown.error.contains(QStringLiteral("cannot connect")));
}

TEST_CASE("a write is committed whole or not at all, savepoints included", "[postgres]")
{
    EmptyDatabase db;
    auto opened = pg::Store::open(db.target, true);
    REQUIRE(opened.store);
    pg::Connection &c = opened.store->connection();
    {
        pg::Transaction outer(c);
        c.query("INSERT INTO meta(key, value) VALUES('a', '1')").exec();
        {
            pg::Transaction inner(c);
            c.query("INSERT INTO meta(key, value) VALUES('b', '2')").exec();
            CHECK_THROWS(c.query("INSERT INTO meta(key, value) VALUES('b', '3')").exec()); // a duplicate key
        } // rolled back to the savepoint: the outer transaction goes on
        c.query("INSERT INTO meta(key, value) VALUES('c', '3')").exec();
        outer.commit();
    }
    pg::Query q = c.query("SELECT string_agg(key, ',' ORDER BY key) FROM meta");
    REQUIRE(q.step());
    CHECK(q.text(0) == QStringLiteral("a,c"));
}

TEST_CASE("an article with emoji and variables is stored and read back whole", "[postgres]")
{
    EmptyDatabase db;
    auto opened = pg::Store::open(db.target, true);
    REQUIRE(opened.store);
    storage::ArticleRepository &articles = opened.store->articles();
    model::Article a;
    a.title = QStringLiteral("Café 🎉 opens");
    a.body = QStringLiteral("The 👩‍👩‍👧 family came to São Paulo. 😀 Done.");
    a.published = QDate(2024, 3, 1);
    a.source = QStringLiteral("Folha");
    a.variables = {{QStringLiteral("region"), QStringLiteral("south")},
        {QStringLiteral("coder note"), QStringLiteral("✓ checked")}, {QStringLiteral("region"), QStringLiteral("sul")}};
    const qint64 id = articles.insert(a);
    CHECK(id > 0);
    CHECK(a.id == id);
    CHECK(articles.exists(id));
    CHECK_FALSE(articles.exists(id + 1));
    CHECK(articles.findByHash(a.contentHash) == id);
    CHECK_FALSE(articles.findByHash(QStringLiteral("no such hash")));

    const auto back = articles.get(id);
    REQUIRE(back);
    CHECK(back->title == a.title);
    CHECK(back->body == a.body);
    CHECK(back->body.size() == a.body.size());
    CHECK(back->published == QDate(2024, 3, 1));
    CHECK_FALSE(back->retrieved.isValid());
    CHECK(back->source == QStringLiteral("Folha"));
    CHECK(back->words == a.words);
    CHECK(back->imported.isValid());
    // A name given twice keeps its first place and its last value.
    const model::Variables expected = {
        {QStringLiteral("region"), QStringLiteral("sul")}, {QStringLiteral("coder note"), QStringLiteral("✓ checked")}};
    CHECK(back->variables == expected);

    // Indexed with diacritics folded; an unindexed article waits for addToIndex.
    pg::Connection &c = opened.store->connection();
    pg::Query v = c.query("SELECT search @@ to_tsquery('simple', 'sao <-> paulo') FROM articles WHERE id = $1");
    v.bind(1, id);
    REQUIRE(v.step());
    CHECK(v.int64(0) == 1);
    model::Article later;
    later.title = QStringLiteral("Later");
    later.body = QStringLiteral("Indexed afterwards");
    const qint64 laterId = articles.insertUnindexed(later);
    pg::Query n = c.query("SELECT search IS NULL FROM articles WHERE id = $1");
    n.bind(1, laterId);
    REQUIRE(n.step());
    CHECK(n.int64(0) == 1);
    articles.addToIndex(laterId, later.title, later.body);
    pg::Query m = c.query("SELECT search @@ to_tsquery('simple', 'afterwards') FROM articles WHERE id = $1");
    m.bind(1, laterId);
    REQUIRE(m.step());
    CHECK(m.int64(0) == 1);

    articles.remove(id);
    CHECK_FALSE(articles.exists(id));
    CHECK_FALSE(articles.get(id));
    pg::Query left = c.query("SELECT count(*) FROM article_variables");
    REQUIRE(left.step());
    CHECK(left.int64(0) == 0);

    opened.store->meta().setValue(QStringLiteral("coder"), QStringLiteral("Ann 🙂"));
    opened.store->meta().setValue(QStringLiteral("coder"), QStringLiteral("Bea"));
    CHECK(opened.store->meta().value(QStringLiteral("coder")) == QStringLiteral("Bea"));
    CHECK_FALSE(opened.store->meta().value(QStringLiteral("missing")));
}

TEST_CASE("a cursor reads a large result a page at a time, other statements running between", "[postgres]")
{
    EmptyDatabase db;
    auto opened = pg::Store::open(db.target, true);
    REQUIRE(opened.store);
    pg::Connection &c = opened.store->connection();
    c.execute("INSERT INTO meta(key, value) SELECT lpad(n::text, 5, '0'), n::text FROM generate_series(1, 2500) n");
    SECTION("every row, in order, never more than a page held")
    {
        pg::Cursor cursor(c, "SELECT key, value FROM meta WHERE value::int > $1::int ORDER BY key", 1000);
        cursor.bind(1, 10);
        qint64 rows = 0, last = 10;
        while (cursor.step()) {
            CHECK(cursor.row().rowCount() <= 1000);
            const qint64 n = cursor.row().int64(1);
            CHECK(n == last + 1);
            last = n;
            ++rows;
            if (rows == 1500) { // a statement between two pages
                pg::Query q = c.query("SELECT count(*) FROM meta");
                REQUIRE(q.step());
                CHECK(q.int64(0) == 2500);
            }
        }
        cursor.close();
        CHECK(rows == 2490);
        CHECK(c.depth() == 0);
    }
    SECTION("stopped early inside a transaction, which goes on")
    {
        pg::Transaction tx(c);
        c.query("INSERT INTO meta(key, value) VALUES('zzz', '0')").exec();
        {
            pg::Cursor cursor(c, "SELECT key FROM meta ORDER BY key", 100);
            REQUIRE(cursor.step());
            CHECK(cursor.row().text(0) == QStringLiteral("00001"));
            cursor.close();
        }
        CHECK(c.depth() == 1);
        tx.commit();
        pg::Query q = c.query("SELECT count(*) FROM meta");
        REQUIRE(q.step());
        CHECK(q.int64(0) == 2501);
    }
    SECTION("a cursor not closed (an exception) is rolled back")
    {
        {
            pg::Cursor cursor(c, "SELECT key FROM meta ORDER BY key", 100);
            REQUIRE(cursor.step());
        }
        CHECK(c.depth() == 0);
        pg::Query q = c.query("SELECT count(*) FROM pg_cursors WHERE name LIKE 'gloss_cursor%'");
        REQUIRE(q.step());
        CHECK(q.int64(0) == 0);
    }
}
