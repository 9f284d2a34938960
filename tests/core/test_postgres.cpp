// The team server's own cases (issue 21): connecting, the schema, refusals. They run only in the
// postgresql pass of ctest ([postgres]); the cases every engine shares are tagged [engines].
#include "operations/project.h"
#include "storage/error.h"
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

TEST_CASE("sets, article tags, done marks, variable counts and codings on the team server", "[postgres]")
{
    EmptyDatabase db;
    auto opened = pg::Store::open(db.target, true);
    REQUIRE(opened.store);
    storage::Store &store = *opened.store;
    pg::Connection &c = opened.store->connection();
    auto add = [&](const QString &title, const QString &body, const model::Variables &vars) {
        model::Article a;
        a.title = title;
        a.body = body;
        a.variables = vars;
        return store.articles().insert(a);
    };
    const qint64 a = add(
        QStringLiteral("Alpha"), QStringLiteral("First 😀 body."), {{QStringLiteral("desk"), QStringLiteral("World")}});
    const qint64 b = add(
        QStringLiteral("beta"), QStringLiteral("Second body."), {{QStringLiteral("desk"), QStringLiteral("world")}});
    const qint64 d = add(
        QStringLiteral("Gamma"), QStringLiteral("Third body."), {{QStringLiteral("desk"), QStringLiteral("Sport")}});

    // Sets: a restored id moves the identity on; a taken name is refused in words and the
    // transaction around goes on.
    storage::SetRepository &sets = store.sets();
    sets.restore({7, QStringLiteral("restored"), 0});
    const qint64 next = sets.create(QStringLiteral("  zeta "));
    CHECK(next == 8);
    {
        pg::Transaction tx(c);
        try {
            sets.create(QStringLiteral("zeta"));
            FAIL("a taken name was accepted");
        } catch (const storage::StorageError &e) {
            CHECK(e.message() == QStringLiteral("a set named \"zeta\" already exists"));
            CHECK(e.failure() == storage::Failure::Constraint);
        }
        sets.addArticles(next, {b, a, b});
        tx.commit();
    }
    CHECK(sets.articles(next) == QList<qint64>{a, b});
    const auto all = sets.all();
    REQUIRE(all.size() == 2);
    CHECK(all.at(0).name == QStringLiteral("restored"));
    CHECK(all.at(1).name == QStringLiteral("zeta"));
    CHECK(all.at(1).articles == 2);
    CHECK(sets.find(QStringLiteral(" zeta")) == next);

    // Article tags (tags made by hand: the tag repository is not this case's).
    c.execute("INSERT INTO tags(id, name, created) VALUES(1, 'Beta', 'x'), (2, 'alpha', 'x'), (3, 'Alpha', 'x')");
    store.articles().setArticleTags(a, QStringLiteral("ann"), {3, 1, 2, 1});
    store.articles().setArticleTags(a, QStringLiteral(""), {2});
    CHECK(store.articles().articleTags(a, QStringLiteral("ann")) == QList<qint64>{1, 2, 3});
    const auto rows = store.articles().list({}, model::ArticleOrder::Title, true, 0, 10);
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(0).id == a);
    CHECK(rows.at(0).tags == QStringLiteral("Alpha, Beta, alpha")); // names once each, in byte order
    CHECK(rows.at(1).id == b);

    // Done marks: a second mark changes nothing.
    CHECK(store.articles().setDone(a, QStringLiteral("ann"), true));
    CHECK_FALSE(store.articles().setDone(a, QStringLiteral("ann"), true));
    CHECK(store.articles().setDone(a, QStringLiteral("bea"), true));
    CHECK(store.articles().setDone(b, QStringLiteral("ann"), true));
    CHECK(store.articles().doneByAll({QStringLiteral("ann"), QStringLiteral("bea"), QStringLiteral("ann")})
        == QList<qint64>{a});
    CHECK(store.articles().doneCoders(a) == QStringList{QStringLiteral("ann"), QStringLiteral("bea")});
    model::ArticleFilter notDone;
    notDone.notDoneBy = {QStringLiteral("ann")};
    CHECK(store.articles().ids(notDone) == QList<qint64>{d});

    // Variables: values without letter case in filters and counts.
    const auto counts = store.articles().variableValueCounts(QStringLiteral("desk"));
    REQUIRE(counts.size() == 2);
    CHECK(counts.at(0).first == QStringLiteral("Sport"));
    CHECK(counts.at(1).first.compare(QStringLiteral("world"), Qt::CaseInsensitive) == 0);
    CHECK(counts.at(1).second == 2);
    model::ArticleFilter world;
    world.variables = {{QStringLiteral("desk"), QStringLiteral("WORLD")}};
    CHECK(store.articles().count(world) == 2);
    CHECK(store.articles().variableNames(world) == QStringList{QStringLiteral("desk")});

    // Codings: highlights with tags and article tags, in text order; body lengths in code points.
    c.execute(
        "INSERT INTO highlights(id, article_id, start, \"end\", quote, coder, created, modified) "
        "VALUES(1, 1, 6, 7, '😀', 'ann', 'x', 'x'); INSERT INTO highlight_tags(highlight_id, tag_id) VALUES(1, 1)");
    CHECK(store.codings().coders() == QStringList{QString(), QStringLiteral("ann")});
    CHECK(store.codings().codedArticles({QStringLiteral("ann")}) == QList<qint64>{a});
    QList<storage::CodingRepository::Coding> seen;
    store.codings().codings({QStringLiteral("ann")}, {a, b}, [&](const auto &coding) { seen.append(coding); });
    REQUIRE(seen.size() == 4);
    CHECK(seen.at(0).start == -1); // article tags first (no span), then the highlight
    CHECK(seen.at(3).highlightId == 1);
    CHECK(seen.at(3).start == 6);
    const auto lengths = store.codings().bodyLengths({a, b});
    CHECK(lengths.value(a) == 13);
    CHECK(lengths.value(b) == 12);
}
