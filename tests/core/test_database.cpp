#include "storage/error.h"
#include "storage/highlightrepository.h"
#include "storage/sqlite/checker.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/transaction.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <sqlite3.h>

using gloss::storage::StorageError;
using gloss::storage::sqlite::Database;
using gloss::storage::sqlite::Transaction;

namespace {

QByteArray sha(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int scalar(Database &db, const char *sql)
{
    auto s = db.prepare(sql);
    s.step();
    return s.integer(0);
}

} // namespace

TEST_CASE("a new project is created at the current schema version with Gloss's pragmas", "[storage]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.gloss"));
    auto opened = Database::open(path);
    REQUIRE(opened.db);
    CHECK(opened.backupPath.isEmpty());
    Database &db = *opened.db;
    CHECK(db.userVersion() == Database::schemaVersion());
    CHECK(scalar(db, "PRAGMA application_id") == Database::ApplicationId);
    CHECK(scalar(db, "PRAGMA foreign_keys") == 1);
    auto mode = db.prepare("PRAGMA journal_mode");
    mode.step();
    CHECK(mode.text(0) == QStringLiteral("wal"));
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'") == 1);
    CHECK(gloss::storage::sqlite::checkProject(db).clean());
}

TEST_CASE("a version 1 project is migrated after a backup", "[storage]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.gloss"));
    {
        auto v1 = Database::openAtVersion(path, 1);
        REQUIRE(v1.db);
        CHECK(v1.db->userVersion() == 1);
        v1.db->exec(
            "INSERT INTO articles(title, content_hash, imported, body) VALUES('Old', 'h1', '2018-01-01', 'Old body')");
        CHECK_THROWS_AS(v1.db->exec("SELECT count(*) FROM entities"), StorageError);
    }
    auto opened = Database::open(path);
    REQUIRE(opened.db);
    CHECK(opened.db->userVersion() == Database::schemaVersion());
    CHECK(scalar(*opened.db, "SELECT count(*) FROM entities") == 0);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM articles") == 1);
    REQUIRE_FALSE(opened.backupPath.isEmpty());
    auto backup = Database::openAtVersion(opened.backupPath, 1);
    REQUIRE(backup.db);
    CHECK(backup.db->userVersion() == 1);
    CHECK(scalar(*backup.db, "SELECT count(*) FROM articles") == 1);
}

TEST_CASE("a version 2 project loses the range index no query used, and keeps its dates", "[storage]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.gloss"));
    {
        auto v2 = Database::openAtVersion(path, 2);
        REQUIRE(v2.db);
        CHECK(scalar(*v2.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'timerefs_range'") == 1);
        v2.db->exec("INSERT INTO articles(title, content_hash, imported, body) VALUES('Old', 'h1', '2018-01-01', "
                    "'It rained on Monday.')");
        v2.db->exec("INSERT INTO timerefs(article_id, start, end, text, value, granularity, range_start, range_end) "
                    "VALUES(1, 12, 18, 'Monday', '2018-06-04', 'day', '2018-06-04', '2018-06-04')");
    }
    auto opened = Database::open(path);
    REQUIRE(opened.db);
    CHECK(opened.db->userVersion() == Database::schemaVersion());
    CHECK(scalar(*opened.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'timerefs_range'") == 0);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM timerefs WHERE range_start = '2018-06-04'") == 1);
}

TEST_CASE("a version 4 project gains coders and done marks, and keeps its article tags and notes", "[storage]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.gloss"));
    {
        auto v4 = Database::openAtVersion(path, 4);
        REQUIRE(v4.db);
        v4.db->exec("INSERT INTO articles(title, content_hash, imported, body) VALUES('Old', 'h1', '2018-01-01', "
                    "'It rained on Monday.')");
        v4.db->exec("INSERT INTO tags(name, created) VALUES('Weather', '2018-01-01')");
        v4.db->exec("INSERT INTO article_tags(article_id, tag_id) VALUES(1, 1)");
        v4.db->exec("INSERT INTO notes(article_id, body, modified) VALUES(1, 'Check the date', '2018-01-01')");
        v4.db->exec("INSERT INTO timeref_overrides(article_id, start, end, value, modified) "
                    "VALUES(1, 12, 18, '2018-06-04', '2018-01-01')");
    }
    auto opened = Database::open(path);
    REQUIRE(opened.db);
    CHECK(opened.db->userVersion() == Database::schemaVersion());
    CHECK_FALSE(opened.backupPath.isEmpty());
    CHECK(scalar(*opened.db, "SELECT count(*) FROM article_tags WHERE article_id = 1 AND tag_id = 1 AND coder = ''")
        == 1);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM notes WHERE body = 'Check the date' AND coder = ''") == 1);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM timeref_overrides WHERE coder = ''") == 1);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM done_marks") == 0);
    // Two coders may now apply the same tag to the article, and keep a note each.
    opened.db->exec("INSERT INTO article_tags(article_id, tag_id, coder) VALUES(1, 1, 'ann')");
    opened.db->exec("INSERT INTO notes(article_id, body, modified, coder) VALUES(1, 'Mine', '2019-01-01', 'ann')");
    CHECK(scalar(*opened.db, "SELECT count(*) FROM article_tags") == 2);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM notes") == 2);
    CHECK_THROWS_AS(
        opened.db->exec("INSERT INTO notes(article_id, body, modified, coder) VALUES(1, 'Again', '2019-01-01', 'ann')"),
        StorageError);
}

TEST_CASE("a version 5 project keeps its entity decisions, now with no coder named", "[storage]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v5.gloss"));
    {
        auto v5 = Database::openAtVersion(path, 5);
        REQUIRE(v5.db);
        v5.db->exec("INSERT INTO articles(title, content_hash, imported, body) VALUES('Old', 'h1', '2018-01-01', "
                    "'Mike Pompeo met Ghani.')");
        v5.db->exec("INSERT INTO entities(name, type, confirmed, created) VALUES('Mike Pompeo', 'person', 1, "
                    "'2018-01-01')");
        v5.db->exec("INSERT INTO entity_aliases(alias_key, entity_id, alias, manual) VALUES('pompeo', 1, 'Pompeo', 1)");
        v5.db->exec("INSERT INTO rejected_names(name_key, name) VALUES('shr', 'Shr')");
        CHECK_THROWS_AS(v5.db->exec("SELECT decided_by FROM entities"), StorageError);
    }
    auto opened = Database::open(path);
    REQUIRE(opened.db);
    CHECK(opened.db->userVersion() == Database::schemaVersion());
    REQUIRE_FALSE(opened.backupPath.isEmpty());
    CHECK(scalar(*opened.db,
              "SELECT count(*) FROM entities WHERE name = 'Mike Pompeo' AND confirmed = 1 "
              "AND decided_by = ''")
        == 1);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM entity_aliases WHERE alias = 'Pompeo' AND manual = 1") == 1);
    CHECK(scalar(*opened.db, "SELECT count(*) FROM rejected_names WHERE name = 'Shr' AND coder = ''") == 1);
    auto backup = Database::openAtVersion(opened.backupPath, 5);
    REQUIRE(backup.db);
    CHECK(backup.db->userVersion() == 5);
    CHECK(scalar(*backup.db, "SELECT count(*) FROM rejected_names") == 1);
}

TEST_CASE("a project from a newer Gloss is refused and left as it was", "[storage]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.gloss"));
    {
        auto opened = Database::open(path);
        REQUIRE(opened.db);
        opened.db->exec("PRAGMA user_version=" + QByteArray::number(Database::schemaVersion() + 1));
        opened.db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const QByteArray before = sha(path);
    auto again = Database::open(path);
    CHECK_FALSE(again.db);
    CHECK(again.error.contains(QStringLiteral("newer version of Gloss")));
    CHECK(again.error.contains(path));
    CHECK(sha(path) == before);
}

TEST_CASE("a file that is not a database is refused untouched", "[storage]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.gloss"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("These are my notes, not a database.\n");
    f.close();
    const QByteArray before = sha(path);
    auto opened = Database::open(path);
    CHECK_FALSE(opened.db);
    CHECK(opened.error.contains(QStringLiteral("not an SQLite database")));
    CHECK(sha(path) == before);
    CHECK(QDir(dir.path()).entryList(QDir::Files).size() == 1); // no journal or WAL beside it
}

TEST_CASE("another program's SQLite database and planted triggers are refused", "[storage]")
{
    QTemporaryDir dir;
    const QString foreign = dir.filePath(QStringLiteral("other.db"));
    {
        sqlite3 *raw = nullptr;
        sqlite3_open(QFile::encodeName(foreign).constData(), &raw);
        sqlite3_exec(raw, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
        sqlite3_close(raw);
    }
    auto opened = Database::open(foreign);
    CHECK_FALSE(opened.db);
    CHECK(opened.error.contains(QStringLiteral("another program")));

    const QString planted = dir.filePath(QStringLiteral("planted.gloss"));
    {
        auto db = Database::open(planted);
        REQUIRE(db.db);
    }
    {
        sqlite3 *raw = nullptr;
        sqlite3_open(QFile::encodeName(planted).constData(), &raw);
        sqlite3_exec(raw, "CREATE TRIGGER evil AFTER INSERT ON highlights BEGIN DELETE FROM articles; END", nullptr,
            nullptr, nullptr);
        sqlite3_close(raw);
    }
    auto refused = Database::open(planted);
    CHECK_FALSE(refused.db);
    CHECK(refused.error.contains(QStringLiteral("triggers")));
}

TEST_CASE("a transaction rolls back everything unless committed", "[storage]")
{
    gloss::test::TempProject tp;
    Database &db = gloss::test::sqliteDb(tp.project());
    {
        Transaction tx(db);
        tp.addArticle(QStringLiteral("One"), QStringLiteral("First body"));
        {
            Transaction inner(db);
            tp.addArticle(QStringLiteral("Two"), QStringLiteral("Second body"));
            // no commit: the savepoint rolls back
        }
        CHECK(tp.project().store().articles().count() == 1);
        // an error inside an operation leaves nothing of it behind
        gloss::model::Highlight h;
        h.articleId = tp.project().store().articles().ids({}).first();
        h.start = 0;
        h.end = 500; // past the end of the body
        CHECK_THROWS_AS(tp.project().store().highlights().add(h), StorageError);
        CHECK(tp.project().store().highlights().count() == 0);
        // no commit of the outer transaction either
    }
    CHECK(tp.project().store().articles().count() == 0);
    CHECK(gloss::storage::sqlite::checkProject(db).clean());
}

TEST_CASE("10,000 highlights round trip with their offsets, tags and notes", "[storage]")
{
    gloss::test::TempProject tp;
    QString body;
    for (int i = 0; i < 2000; ++i)
        body += QStringLiteral("Word%1 😀 é ").arg(i);
    const qint64 article = tp.addArticle(QStringLiteral("Long"), body);
    auto &project = tp.project();
    const qint64 tagA = project.store().tags().create(QStringLiteral("Conflict"));
    // A child tag: " > " separates a tag from its parent and cannot be part of a name.
    const qint64 tagB = project.store().tags().ensure(QStringLiteral("Diplomacy > Talks"));
    constexpr int N = 10000;
    {
        Transaction tx(gloss::test::sqliteDb(project));
        for (int i = 0; i < N; ++i) {
            gloss::model::Highlight h;
            h.articleId = article;
            h.start = (i * 7) % 20000;
            h.end = h.start + 1 + (i % 13);
            h.tagIds = i % 3 == 0 ? QList<qint64>{tagA, tagB} : QList<qint64>{tagA};
            if (i % 10 == 0)
                h.note = QStringLiteral("note %1\nsecond line").arg(i);
            project.store().highlights().add(h);
        }
        tx.commit();
    }
    tp.reopen();
    const QList<gloss::model::Highlight> back = tp.project().store().highlights().forArticle(article);
    REQUIRE(back.size() == N);
    int withNotes = 0;
    int twoTags = 0;
    for (const auto &h : back) {
        CHECK(h.quote == gloss::text::sliceCodePoints(body, h.start, h.end));
        withNotes += h.note.isEmpty() ? 0 : 1;
        twoTags += h.tagIds.size() == 2 ? 1 : 0;
    }
    CHECK(withNotes == N / 10);
    CHECK(twoTags == (N + 2) / 3);
    CHECK(gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(tp.project())).clean());
}

TEST_CASE("a damaged header is named for what it is: no \"not an error\", no failed upgrade", "[storage][hostile]")
{
    QTemporaryDir dir;
    // A negative format number, as `PRAGMA user_version=-3` writes: SQLite reads it without error.
    const QString negative = dir.filePath(QStringLiteral("negative.gloss"));
    {
        auto opened = Database::open(negative);
        REQUIRE(opened.db);
        opened.db->exec("PRAGMA user_version=-3");
    }
    auto refused = Database::open(negative);
    CHECK_FALSE(refused.db);
    INFO(refused.error.toStdString());
    CHECK_FALSE(refused.error.contains(QStringLiteral("not an error")));
    CHECK(refused.error.contains(QStringLiteral("-3")));

    // The first 50 bytes of a project: a file cut short, which no upgrade could have mended.
    QFile whole(negative);
    REQUIRE(whole.open(QIODevice::ReadOnly));
    const QString cutPath = dir.filePath(QStringLiteral("cut.gloss"));
    QFile cut(cutPath);
    REQUIRE(cut.open(QIODevice::WriteOnly));
    cut.write(whole.read(50));
    cut.close();
    const QByteArray before = sha(cutPath);
    auto shortOpen = Database::open(cutPath);
    CHECK_FALSE(shortOpen.db);
    INFO(shortOpen.error.toStdString());
    CHECK_FALSE(shortOpen.error.contains(QStringLiteral("upgrade")));
    CHECK(shortOpen.error.contains(QStringLiteral("cut short")));
    CHECK(sha(cutPath) == before);
}

TEST_CASE("a highlight in a long article reads the article's body once", "[storage]")
{
    // Each mention of the body in the query made SQLite read the whole body: a highlight made in a
    // 60 MiB article took 240 MB at once in the window (issue 15).
    gloss::test::TempProject tp;
    QString body;
    body.reserve(4'000'010);
    while (body.size() < 4'000'000)
        body += QStringLiteral("The council met again on Monday and talks went on. ");
    const qint64 id = tp.addArticle(QStringLiteral("Long"), body);
    const qint64 bodyBytes = body.toUtf8().size();

    gloss::model::Highlight h;
    h.articleId = id;
    h.start = 2'000'000;
    h.end = 2'000'030;
    sqlite3_int64 current = 0;
    sqlite3_int64 highest = 0;
    sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 1); // the peak starts again here
    const sqlite3_int64 before = current;
    tp.project().store().highlights().add(h);
    sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 0);
    INFO("SQLite's peak during the add grew by " << (highest - before) << " bytes; the body has " << bodyBytes);
    CHECK(highest - before < 2 * bodyBytes);

    const auto stored = tp.project().store().highlights().get(h.id);
    REQUIRE(stored);
    CHECK(stored->quote == gloss::text::sliceCodePoints(body, 2'000'000, 2'000'030));
    CHECK(stored->prefix
        == gloss::text::sliceCodePoints(
            body, 2'000'000 - gloss::storage::HighlightRepository::ContextLength, 2'000'000));
    CHECK(stored->suffix
        == gloss::text::sliceCodePoints(
            body, 2'000'030, 2'000'030 + gloss::storage::HighlightRepository::ContextLength));
}
