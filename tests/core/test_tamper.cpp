// A project changed behind Gloss's back (sqlite3 on the file): tag parents in a cycle, triggers and
// views planted with their type in another case, spans that no longer fit their article. Every
// reader ends, the open refuses what must not run, and `gloss check` names each problem.
#include "model/articlefilter.h"
#include "storage/exportrepository.h"
#include "storage/sqlite/backupmanager.h"
#include "storage/sqlite/checker.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/sqlitestore.h"
#include "support/tempproject.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <sqlite3.h>

using gloss::Project;
using gloss::model::Tag;
using gloss::storage::sqlite::Database;

namespace {

void execRaw(Project &p, const QByteArray &sql)
{
    gloss::test::sqliteDb(p).exec(sql);
}

// What a tamperer with the sqlite3 shell can do to a closed project file.
void tamper(const QString &path, const char *sql, const QList<QByteArray> &binds = {})
{
    sqlite3 *raw = nullptr;
    REQUIRE(sqlite3_open(QFile::encodeName(path).constData(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "PRAGMA writable_schema=ON", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr) == SQLITE_OK);
    for (int i = 0; i < binds.size(); ++i)
        sqlite3_bind_text(stmt, i + 1, binds.at(i).constData(), int(binds.at(i).size()), SQLITE_TRANSIENT);
    CHECK(sqlite3_step(stmt) == SQLITE_DONE);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
}

QString problems(Project &p)
{
    return gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(p)).problems.join(u'\n');
}

// The tree a reader got: every tag once, each parent listed before its children.
void checkTree(const QList<Tag> &tags, const QSet<qint64> &expected)
{
    QSet<qint64> seen;
    for (const Tag &t : tags) {
        INFO("tag " << t.id << " under " << t.parentId);
        CHECK_FALSE(seen.contains(t.id));
        CHECK((t.parentId == 0 || seen.contains(t.parentId)));
        seen.insert(t.id);
    }
    CHECK(seen == expected);
}

} // namespace

TEST_CASE("tags whose parents form a cycle are each listed once, and every reader of the tree ends",
    "[storage][tags][hostile]")
{
    gloss::test::TempProject tp;
    auto &tags = tp.project().store().tags();
    const qint64 actors = tags.create(QStringLiteral("Actors"));
    const qint64 officials = tags.create(QStringLiteral("Officials"), actors);
    const qint64 police = tags.create(QStringLiteral("Police"), officials);
    const qint64 self = tags.create(QStringLiteral("Self"));
    const qint64 other = tags.create(QStringLiteral("Other"));
    const qint64 article = tp.addArticle(QStringLiteral("A"), QStringLiteral("The police and officials met."));
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 4;
    h.end = 10;
    h.tagIds = {police, officials};
    tp.project().store().highlights().add(h);
    // Actors -> Officials -> Actors, and Self under itself: what `UPDATE tags SET parent_id` can do.
    execRaw(tp.project(),
        "UPDATE tags SET parent_id = " + QByteArray::number(officials) + " WHERE id = " + QByteArray::number(actors));
    execRaw(tp.project(), "UPDATE tags SET parent_id = id WHERE id = " + QByteArray::number(self));
    const QSet<qint64> everyTag{actors, officials, police, self, other};

    const QList<Tag> all = tags.all();
    checkTree(all, everyTag);
    checkTree(tags.allWithoutCounts(), everyTag);
    checkTree(gloss::storage::sqlite::ExportRepository(gloss::test::sqliteDb(tp.project())).codebook(), everyTag);
    // Each path ends, and it is the path of the tree the lists show.
    QHash<qint64, QString> paths;
    for (const Tag &t : all) {
        paths.insert(t.id, t.parentId ? paths.value(t.parentId) + QStringLiteral(" > ") + t.name : t.name);
        CHECK(tags.path(t.id) == paths.value(t.id));
    }
    CHECK(tags.path(self) == QStringLiteral("Self"));
    CHECK(tags.path(police).endsWith(QStringLiteral("Officials > Police")));

    // A filter by a tag in the cycle, moves and a delete all end.
    gloss::model::ArticleFilter filter;
    filter.tagId = actors;
    CHECK(tp.project().store().articles().ids(filter) == QList<qint64>{article});
    CHECK_THROWS(tags.move(actors, police)); // under its own descendant
    tags.move(other, police);
    CHECK(tags.path(other) == paths.value(police) + QStringLiteral(" > Other"));
    const auto snapshot = tags.removeWithSnapshot(officials);
    CHECK_FALSE(tags.get(police));
    CHECK_FALSE(tags.get(other));
    tags.restore(snapshot); // undo of the delete: the cycle comes back as it was
    checkTree(tags.all(), everyTag);

    // gloss check names both cycles.
    const QString found = problems(tp.project());
    INFO(found.toStdString());
    CHECK(found.count(QStringLiteral("cycle of parents")) == 2);
    CHECK(found.contains(QStringLiteral("\"Actors\"")));
    CHECK(found.contains(QStringLiteral("\"Officials\"")));
    CHECK(found.contains(QStringLiteral("\"Self\"")));
}

TEST_CASE(
    "a trigger or view planted with its type in any case is refused on open and named by check", "[storage][hostile]")
{
    // SQLite loads a trigger whatever the case of its type (and runs it, in sqlite3); a view whose
    // type is not "view" it calls a malformed schema. Either way Gloss refuses the file.
    const char *const planted[][4] = {
        {"Trigger", "evil", "CREATE TRIGGER evil AFTER INSERT ON highlights BEGIN DELETE FROM articles; END",
            "triggers or views"},
        {"TRIGGER", "evil",
            "create/* a comment */trigger evil after insert on highlights begin delete from articles; end",
            "triggers or views"},
        {"tRiGgEr", "evil", "CrEaTe\n-- a comment\nTeMp TrIgGeR evil AFTER INSERT ON highlights BEGIN SELECT 1; END",
            "triggers or views"},
        {"View", "peek", "CREATE VIEW peek AS SELECT * FROM articles", "malformed database schema (peek)"},
        {"VIEW", "peek", "create view peek as select * from articles", "malformed database schema (peek)"},
    };
    for (const auto &row : planted) {
        INFO(row[0] << ": " << row[2]);
        gloss::test::TempProject tp;
        tp.addArticle(QStringLiteral("Kept"), QStringLiteral("Kept body text"));
        tamper(tp.path(), "INSERT INTO sqlite_schema VALUES(?1, ?2, 'highlights', 0, ?3)",
            {QByteArray(row[0]), QByteArray(row[1]), QByteArray(row[2])});
        // Planted while the project was open: it never runs in Gloss, and check names it.
        const QString found = problems(tp.project());
        CHECK(found.contains(QStringLiteral("\"%1\" was not created by Gloss").arg(QString::fromUtf8(row[1]))));
        tp.close();
        // Opened afterwards: refused, and a backup holding it is not a good one.
        auto opened = Database::open(tp.path());
        CHECK_FALSE(opened.db);
        CHECK(opened.error.contains(QString::fromUtf8(row[3])));
        CHECK_FALSE(gloss::storage::sqlite::BackupManager::verify(tp.path()).isEmpty());
    }
}

TEST_CASE("check finds every span that does not fit its article, counting code points", "[storage][hostile]")
{
    gloss::test::TempProject tp;
    // Code points, not UTF-16 units: the emoji is one, and the spans after it must still match.
    const QString body = QStringLiteral("Crowds 😀 cheered as Núñez spoke in São Paulo on Thursday.");
    const qint64 article = tp.addArticle(QStringLiteral("Rally"), body);
    gloss::model::Highlight good;
    good.articleId = article;
    good.start = 20; // "Núñez"
    good.end = 25;
    tp.project().store().highlights().add(good);
    REQUIRE(good.quote == QStringLiteral("Núñez"));
    auto &db = gloss::test::sqliteDb(tp.project());
    const QByteArray a = QByteArray::number(article);
    db.exec("INSERT INTO entities(id, name, type, created) VALUES(1, 'São Paulo', 'place', '2024-01-01')");
    db.exec("INSERT INTO mentions(entity_id, article_id, start, end, text) VALUES(1, " + a + ", 35, 44, 'São Paulo')");
    db.exec("INSERT INTO timerefs(article_id, start, end, text, value, granularity) VALUES(" + a
        + ", 48, 56, 'Thursday', '2024-01-04', 'day')");
    CHECK(gloss::storage::sqlite::checkProject(db).clean());

    // One of each kind out of place: past the end, a quote that differs, and (CHECK constraints
    // off, as a tamperer may) a negative start and an end before its start; and integers at
    // the limits of 64 bits.
    db.exec("PRAGMA ignore_check_constraints=ON");
    db.exec("INSERT INTO highlights(id, article_id, start, end, quote, created, modified) VALUES(101, " + a
        + ", 50, 70, 'x', '', '')");
    db.exec("INSERT INTO highlights(id, article_id, start, end, quote, created, modified) VALUES(102, " + a
        + ", 0, 6, 'Crowdz', '', '')");
    db.exec("INSERT INTO highlights(id, article_id, start, end, quote, created, modified) VALUES(103, " + a
        + ", -9223372036854775808, 9223372036854775807, 'x', '', '')");
    db.exec("INSERT INTO mentions(id, entity_id, article_id, start, end, text) VALUES(201, 1, " + a + ", 10, 4, 'x')");
    db.exec("INSERT INTO mentions(id, entity_id, article_id, start, end, text) VALUES(202, 1, " + a
        + ", 9223372036854775806, 9223372036854775807, 'x')");
    db.exec("INSERT INTO mentions(id, entity_id, article_id, start, end, text) VALUES(203, 1, " + a
        + ", 'x1', 1e300, 'x')");
    db.exec("INSERT INTO timerefs(id, article_id, start, end, text, value, granularity) VALUES(301, " + a
        + ", -1, 3, 'Cro', '', 'day')");
    db.exec("INSERT INTO timerefs(id, article_id, start, end, text, value, granularity) VALUES(302, " + a
        + ", 48, 56, 'Friday', '', 'day')");
    db.exec("PRAGMA ignore_check_constraints=OFF");
    const auto report = gloss::storage::sqlite::checkProject(db);
    const QString found = report.problems.join(u'\n');
    INFO(found.toStdString());
    for (const char *which : {"highlight 101:", "highlight 102:", "highlight 103:", "entity mention 201:",
             "entity mention 202:", "entity mention 203: span x1..1.0e+300 is not two whole numbers",
             "time reference 301:", "time reference 302:"})
        CHECK(found.contains(QString::fromUtf8(which)));
    CHECK_FALSE(found.contains(QStringLiteral("highlight %1:").arg(good.id)));
    CHECK_FALSE(found.contains(QStringLiteral("entity mention 1:")));
    CHECK(found.contains(QStringLiteral("highlight 101: span 50..70 is outside article")));
}
