#include "operations/project.h"
#include "storage/error.h"
#include "storage/sqlite/backupmanager.h"
#include "storage/sqlite/checker.h"
#include "storage/sqlite/checkstamp.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/sqlitestore.h"
#include "support/tempproject.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <atomic>
#include <thread>

using gloss::Project;
using gloss::storage::sqlite::BackupInfo;
using gloss::storage::sqlite::BackupManager;
using gloss::storage::sqlite::Database;

namespace {

qint64 count(Project &p, const char *sql)
{
    auto s = gloss::test::sqliteDb(p).prepare(sql);
    s.step();
    return s.int64(0);
}

qint64 countIn(const QString &file, const char *sql)
{
    auto opened = Database::open(file, Database::Access::ReadOnly);
    REQUIRE(opened.db);
    auto s = opened.db->prepare(sql);
    s.step();
    return s.int64(0);
}

// Overwrites the pages after the first two with garbage: the header still says SQLite, the
// b-trees are broken.
void damage(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.size() > 4096 * 6);
    f.seek(4096 * 2);
    QByteArray junk(int(f.size() - 4096 * 2), '\0');
    for (qsizetype i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 7919 + 13) % 251);
    f.write(junk);
}

void fill(gloss::test::TempProject &t, int articles)
{
    static int next = 0;
    for (int i = 0; i < articles; ++i, ++next)
        t.addArticle(QStringLiteral("Article %1").arg(next),
            QStringLiteral("Body of article %1. ").arg(next).repeated(200), QDate(2020, 1, 1).addDays(next));
}

QByteArray sha(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

void execOn(const QString &path, const char *sql)
{
    sqlite3 *raw = nullptr;
    REQUIRE(sqlite3_open(QFile::encodeName(path).constData(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

// The project's WAL checkpointed into the file, so that damaging the file damages the data.
void checkpoint(gloss::test::TempProject &t)
{
    gloss::test::sqliteDb(t.project()).exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace

TEST_CASE("a backup is a verified copy in the folder beside the project", "[backup]")
{
    gloss::test::TempProject t;
    fill(t, 3);
    BackupManager backups(t.path());
    CHECK(backups.folder() == t.path() + QStringLiteral(".backups"));
    const auto result = backups.backupBefore(QStringLiteral("tag-merge"));
    REQUIRE(result.error.isEmpty());
    CHECK(QFileInfo(result.path).dir().absolutePath() == QDir(backups.folder()).absolutePath());
    CHECK(BackupManager::verify(result.path).isEmpty());
    const QList<BackupInfo> all = backups.list();
    REQUIRE(all.size() == 1);
    CHECK(all.first().reason == QStringLiteral("before-tag-merge"));
    CHECK(all.first().size > 0);
    CHECK(qAbs(all.first().created.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    CHECK(countIn(result.path, "SELECT count(*) FROM articles") == 3);
    // A plain file: it opens without -wal or -shm beside it.
    CHECK_FALSE(QFileInfo::exists(result.path + QStringLiteral("-wal")));
}

TEST_CASE("rotation keeps 7 daily, 4 weekly and the latest backups taken before operations", "[backup]")
{
    gloss::test::TempProject t;
    fill(t, 1);
    BackupManager backups(t.path());
    const auto first = backups.backup(QStringLiteral("daily"));
    REQUIRE(first.error.isEmpty());
    // 60 days of daily backups, two a day, and 8 before tag merges, all in the past.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList made;
    auto plant = [&](const QDateTime &when, const QString &reason) {
        const QString name
            = QDir(backups.folder())
                  .filePath(when.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + u'-' + reason + u".gloss");
        REQUIRE(QFile::copy(first.path, name));
        made.append(name);
    };
    for (int d = 1; d <= 60; ++d) {
        plant(now.addDays(-d), QStringLiteral("daily"));
        plant(now.addDays(-d).addSecs(-3600), QStringLiteral("daily"));
    }
    for (int i = 1; i <= 8; ++i)
        plant(now.addDays(-i).addSecs(-60), QStringLiteral("before-tag-merge"));
    QFile::remove(first.path);

    const auto result = backups.backup(QStringLiteral("daily"));
    REQUIRE(result.error.isEmpty());
    const QList<BackupInfo> kept = backups.list();
    QSet<QDate> days;
    QSet<int> weeks;
    int events = 0;
    for (const BackupInfo &b : kept) {
        days.insert(b.created.date());
        int y = 0;
        weeks.insert(b.created.date().weekNumber(&y) + 100 * y);
        events += b.reason != u"daily";
    }
    CHECK(kept.first().path == result.path);
    CHECK(events == BackupManager::KeepEvents);
    // The newest of each of the last 7 days, and one in each of the last 4 weeks (some of which
    // are covered by the daily ones).
    for (int d = 0; d < 7; ++d)
        CHECK(days.contains(now.addDays(-d).date()));
    CHECK(weeks.size() >= BackupManager::KeepWeekly);
    CHECK(kept.size() <= BackupManager::KeepDaily + BackupManager::KeepWeekly + BackupManager::KeepEvents);
    CHECK(result.rotated.size() == made.size() + 1 - kept.size());
    // Nothing older than 5 weeks survives.
    for (const BackupInfo &b : kept)
        CHECK(b.created > now.addDays(-36));
}

TEST_CASE("the daily backup is due once a day while the project changes", "[backup]")
{
    gloss::test::TempProject t;
    BackupManager backups(t.path());
    // An empty project has nothing to lose.
    CHECK(backups.dailyIfDue().skipped);
    fill(t, 1);
    CHECK(backups.dailyDue());
    const auto daily = backups.dailyIfDue();
    REQUIRE_FALSE(daily.skipped);
    REQUIRE(daily.error.isEmpty());
    CHECK_FALSE(backups.dailyDue());
    t.addArticle(QStringLiteral("Later"), QStringLiteral("Later body"));
    CHECK_FALSE(backups.dailyDue()); // the newest backup is from today

    // Make the backup two days old: due when the project changed since, not when it did not.
    const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-2);
    const QString renamed
        = QDir(backups.folder())
              .filePath(old.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + QStringLiteral("-daily.gloss"));
    REQUIRE(QFile::rename(daily.path, renamed));
    CHECK(backups.dailyDue());
    t.close();
    for (const QString &f : QStringList{t.path(), t.path() + QStringLiteral("-wal")}) {
        QFile file(f);
        if (file.open(QIODevice::ReadWrite))
            file.setFileTime(old.addSecs(-60), QFileDevice::FileModificationTime);
    }
    CHECK_FALSE(backups.dailyDue());
}

TEST_CASE("a damaged backup fails verification and is passed over", "[backup]")
{
    gloss::test::TempProject t;
    fill(t, 40);
    BackupManager backups(t.path());
    const auto older = backups.backupBefore(QStringLiteral("tag-merge"));
    const auto newer = backups.backup(QStringLiteral("manual"));
    REQUIRE(older.error.isEmpty());
    REQUIRE(newer.error.isEmpty());
    damage(newer.path);
    CHECK_FALSE(BackupManager::verify(newer.path).isEmpty());
    const auto good = backups.newestValid();
    REQUIRE(good);
    CHECK(good->path == older.path);
    // Restoring the damaged one is refused, the project unchanged.
    const auto refused = backups.restore(newer.path);
    CHECK(refused.error.contains(QStringLiteral("damaged")));
    CHECK(count(t.project(), "SELECT count(*) FROM articles") == 40);
}

TEST_CASE("restore replaces the content of a project in use, after a backup of the current state", "[backup]")
{
    gloss::test::TempProject t;
    fill(t, 2);
    BackupManager backups(t.path());
    const auto taken = backups.backup(QStringLiteral("manual"));
    REQUIRE(taken.error.isEmpty());
    fill(t, 3); // now 5

    const auto restored = backups.restore(taken.path);
    REQUIRE(restored.error.isEmpty());
    // The open connection sees the restored content; the state before is a backup of its own.
    CHECK(count(t.project(), "SELECT count(*) FROM articles") == 2);
    REQUIRE_FALSE(restored.path.isEmpty());
    CHECK(restored.path.contains(QStringLiteral("before-restore")));
    CHECK(countIn(restored.path, "SELECT count(*) FROM articles") == 5);
    CHECK(gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(t.project())).clean());
    t.reopen();
    CHECK(count(t.project(), "SELECT count(*) FROM articles") == 2);
}

TEST_CASE("a damaged project is set aside untouched and the newest good backup offered", "[backup]")
{
    gloss::test::TempProject t;
    fill(t, 40);
    BackupManager backups(t.path());
    const auto taken = backups.backup(QStringLiteral("daily"));
    REQUIRE(taken.error.isEmpty());
    checkpoint(t);
    t.close();
    damage(t.path());
    QFile f(t.path());
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray damagedBytes = f.readAll();
    f.close();

    // Reading commands do not check; opening for work does.
    auto opened = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    REQUIRE_FALSE(opened.project);
    INFO(opened.error.toStdString());
    CHECK(opened.damagedPath == t.path() + QStringLiteral(".damaged"));
    CHECK_FALSE(QFileInfo::exists(t.path()));
    QFile aside(opened.damagedPath);
    REQUIRE(aside.open(QIODevice::ReadOnly));
    CHECK(aside.readAll() == damagedBytes);
    REQUIRE(opened.goodBackup);
    CHECK(opened.goodBackup->path == taken.path);
    CHECK(opened.error.contains(QStringLiteral("damaged")));
    CHECK(opened.error.contains(taken.path));
    CHECK(opened.error.contains(QStringLiteral("gloss --project")));

    // Restoring where the project was: a whole, clean project again.
    const auto restored = backups.restore(opened.goodBackup->path);
    REQUIRE(restored.error.isEmpty());
    auto again = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    REQUIRE(again.project);
    CHECK(count(*again.project, "SELECT count(*) FROM articles") == 40);
    CHECK(gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(*again.project)).clean());

    // A second damage is set aside beside the first, not over it.
    again.project.reset();
    damage(t.path());
    auto second = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    REQUIRE_FALSE(second.project);
    CHECK(second.damagedPath.endsWith(QStringLiteral(".damaged")));
    CHECK(second.damagedPath != opened.damagedPath);
    CHECK(QFileInfo::exists(opened.damagedPath));
}

TEST_CASE("an upgrade backup lands in the backup folder", "[backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.gloss"));
    {
        auto v1 = Database::openAtVersion(path, 1);
        REQUIRE(v1.db);
    }
    auto opened = Database::open(path);
    REQUIRE(opened.db);
    REQUIRE_FALSE(opened.backupPath.isEmpty());
    CHECK(
        QFileInfo(opened.backupPath).absolutePath() == QFileInfo(path + QStringLiteral(".backups")).absoluteFilePath());
    const auto all = BackupManager(path).list();
    REQUIRE(all.size() == 1);
    CHECK(all.first().reason.startsWith(QStringLiteral("before-format-")));
}

TEST_CASE("a trigger or view planted while the project is open never runs and is reported", "[backup][storage]")
{
    gloss::test::TempProject t;
    const qint64 article = t.addArticle(QStringLiteral("Kept"), QStringLiteral("Kept body text"));
    {
        sqlite3 *raw = nullptr;
        sqlite3_open(QFile::encodeName(t.path()).constData(), &raw);
        REQUIRE(sqlite3_exec(raw,
                    "CREATE TRIGGER evil AFTER INSERT ON highlights BEGIN DELETE FROM articles; END;"
                    "CREATE VIEW peek AS SELECT * FROM articles;",
                    nullptr, nullptr, nullptr)
            == SQLITE_OK);
        sqlite3_close(raw);
    }
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 0;
    h.end = 4;
    t.project().store().highlights().add(h);
    CHECK(count(t.project(), "SELECT count(*) FROM articles") == 1);
    CHECK_THROWS_AS(gloss::test::sqliteDb(t.project()).exec("SELECT * FROM peek"), gloss::storage::StorageError);
    const auto report = gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(t.project()));
    CHECK(report.problems.join(u'\n').contains(QStringLiteral("trigger \"evil\"")));
    CHECK(report.problems.join(u'\n').contains(QStringLiteral("view \"peek\"")));
}

TEST_CASE("data_version tells one connection that another wrote", "[backup][storage]")
{
    gloss::test::TempProject t;
    auto other = Project::open(t.path());
    REQUIRE(other.project);
    const qint64 before = gloss::test::sqliteDb(t.project()).dataVersion();
    CHECK(gloss::test::sqliteDb(t.project()).dataVersion() == before);
    other.project->store().tags().ensure(QStringLiteral("From elsewhere"));
    CHECK(gloss::test::sqliteDb(t.project()).dataVersion() != before);
}

TEST_CASE("restoring the oldest backup survives the rotation of the backup taken before it", "[backup]")
{
    gloss::test::TempProject t;
    fill(t, 1);
    BackupManager backups(t.path());
    const auto oldest = backups.backupBefore(QStringLiteral("tag-merge"));
    REQUIRE(oldest.error.isEmpty());
    for (int i = 0; i < BackupManager::KeepEvents - 1; ++i) {
        fill(t, 1);
        REQUIRE(backups.backupBefore(QStringLiteral("tag-merge")).error.isEmpty());
    }
    REQUIRE(backups.list().size() == BackupManager::KeepEvents);
    const auto restored = backups.restore(oldest.path);
    REQUIRE(restored.error.isEmpty());
    CHECK(count(t.project(), "SELECT count(*) FROM articles") == 1);
    // It goes at the next rotation, not under the restore's feet.
    CHECK(QFileInfo::exists(oldest.path));
}

TEST_CASE("opening again skips the quick check only while the file is as Gloss left it", "[backup][storage]")
{
    gloss::test::TempProject t;
    fill(t, 20);
    t.close();
    const gloss::storage::sqlite::CheckStamp stamp(t.path());

    // The first open for work checks; closing records what the file looks like.
    auto first = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    REQUIRE(first.project);
    CHECK(first.checked);
    first.project->store().meta().setValue(QStringLiteral("note"), QStringLiteral("written before closing"));
    first.project.reset();
    REQUIRE(QFileInfo::exists(stamp.path()));
    REQUIRE(stamp.lastCleanCheck());

    // Unchanged since: no check, and the work carries on as usual.
    auto second = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    REQUIRE(second.project);
    CHECK_FALSE(second.checked);
    CHECK(second.project->store().meta().value(QStringLiteral("note")) == QStringLiteral("written before closing"));
    second.project->store().meta().setValue(QStringLiteral("note"), QStringLiteral("not yet in the file"));

    // Changes still in the log (what a crash leaves, or another window's work) are checked.
    auto third = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    REQUIRE(third.project);
    CHECK(third.checked);
    third.project.reset();
    second.project.reset();

    // Another program's write changes the file: checked again.
    REQUIRE(stamp.lastCleanCheck());
    {
        sqlite3 *raw = nullptr;
        REQUIRE(sqlite3_open(QFile::encodeName(t.path()).constData(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(
                    raw, "UPDATE meta SET value = 'changed elsewhere' WHERE key = 'note'", nullptr, nullptr, nullptr)
            == SQLITE_OK);
        sqlite3_close(raw);
    }
    auto fourth = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    REQUIRE(fourth.project);
    CHECK(fourth.checked);
    fourth.project.reset();

    // A check more than a day old is done again, and damage after a clean close is found.
    const auto checkedAt = stamp.lastCleanCheck();
    REQUIRE(checkedAt);
    CHECK_FALSE(stamp.lastCleanCheck(checkedAt->addSecs(gloss::storage::sqlite::CheckStamp::MaxAgeSeconds + 1)));
    damage(t.path());
    auto damaged = Project::open(t.path(), Project::Access::ReadWrite, Project::Verify::Quick);
    CHECK_FALSE(damaged.project);
    CHECK(damaged.damagedPath == t.path() + QStringLiteral(".damaged"));
}

TEST_CASE("restore replaces only a Gloss project or a missing file, and says why not", "[backup][hostile]")
{
    gloss::test::TempProject t;
    fill(t, 2);
    const auto good = BackupManager(t.path()).backup(QStringLiteral("manual"));
    REQUIRE(good.error.isEmpty());
    QTemporaryDir dir;

    // A text file, another program's database, and a project of the user's marked read-only.
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    writeBytes(text, "My notes, not a project.\n");
    const QString otherDb = dir.filePath(QStringLiteral("other.db"));
    execOn(otherDb, "CREATE TABLE t(x); INSERT INTO t VALUES(1)");
    const QString readOnly = dir.filePath(QStringLiteral("kept.gloss"));
    REQUIRE(BackupManager::copy(t.path(), readOnly).isEmpty());
    REQUIRE(QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QString empty = dir.filePath(QStringLiteral("empty.gloss"));
    writeBytes(empty, {});
    const struct
    {
        QString path;
        const char *reason;
    } refused[] = {{text, "not a Gloss project"}, {otherDb, "not a Gloss project"}, {readOnly, "read-only"},
        {empty, "not a Gloss project"}};
    for (const auto &r : refused) {
        INFO(r.path.toStdString());
        const QByteArray before = sha(r.path);
        const auto result = BackupManager(r.path).restore(good.path);
        INFO(result.error.toStdString());
        CHECK(result.error.contains(QString::fromUtf8(r.reason)));
        CHECK(result.error.contains(QStringLiteral("nothing was restored")));
        CHECK(sha(r.path) == before);
        CHECK_FALSE(QFileInfo::exists(r.path + QStringLiteral(".damaged")));
        CHECK_FALSE(QFileInfo::exists(r.path + QStringLiteral(".backups")));
    }
    QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::WriteOwner);

    // A missing path is restored to.
    const QString missing = dir.filePath(QStringLiteral("gone.gloss"));
    REQUIRE(BackupManager(missing).restore(good.path).error.isEmpty());
    CHECK(countIn(missing, "SELECT count(*) FROM articles") == 2);
}

TEST_CASE("a backup Gloss would refuse to open is not restored", "[backup][hostile]")
{
    gloss::test::TempProject t;
    fill(t, 3);
    BackupManager backups(t.path());
    QTemporaryDir dir;
    const QString trigger = dir.filePath(QStringLiteral("trigger.gloss"));
    const QString newer = dir.filePath(QStringLiteral("newer.gloss"));
    const QString older = dir.filePath(QStringLiteral("older.gloss"));
    REQUIRE(BackupManager::copy(t.path(), trigger).isEmpty());
    REQUIRE(BackupManager::copy(t.path(), newer).isEmpty());
    execOn(trigger, "CREATE TRIGGER evil AFTER INSERT ON highlights BEGIN DELETE FROM articles; END");
    execOn(newer, QStringLiteral("PRAGMA user_version=%1").arg(Database::schemaVersion() + 1).toUtf8().constData());
    {
        auto v1 = Database::openAtVersion(older, 1);
        REQUIRE(v1.db);
    }
    for (const auto &[file, reason] : {std::pair{trigger, "triggers or views"}, std::pair{newer, "newer version"}}) {
        INFO(file.toStdString());
        CHECK_FALSE(BackupManager::verify(file).isEmpty());
        const auto result = backups.restore(file);
        INFO(result.error.toStdString());
        CHECK(result.error.contains(QString::fromUtf8(reason)));
        CHECK(count(t.project(), "SELECT count(*) FROM articles") == 3);
    }
    // An older format is fine: Gloss upgrades it when it opens the project.
    REQUIRE(backups.restore(older).error.isEmpty());
    CHECK(count(t.project(), "SELECT count(*) FROM articles") == 0);
    t.reopen();
    CHECK(gloss::test::sqliteDb(t.project()).userVersion() == Database::schemaVersion());
}

TEST_CASE("restoring from a project file in WAL mode leaves nothing beside it", "[backup]")
{
    gloss::test::TempProject t;
    fill(t, 2);
    QTemporaryDir dir;
    // Another project, closed (WAL mode, no -wal left): what a user copies and restores from.
    const QString source = dir.filePath(QStringLiteral("copy.gloss"));
    {
        gloss::test::TempProject other;
        fill(other, 4);
        other.close();
        REQUIRE(QFile::copy(other.path(), source));
    }
    REQUIRE_FALSE(QFileInfo::exists(source + QStringLiteral("-wal")));
    const QByteArray before = sha(source);
    const auto restored = BackupManager(t.path()).restore(source);
    REQUIRE(restored.error.isEmpty());
    CHECK(count(t.project(), "SELECT count(*) FROM articles") == 4);
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{QStringLiteral("copy.gloss")});
    CHECK(sha(source) == before);

    // The same into a missing project.
    const QString missing = dir.filePath(QStringLiteral("sub/new.gloss"));
    QDir().mkpath(dir.filePath(QStringLiteral("sub")));
    REQUIRE(BackupManager(missing).restore(source).error.isEmpty());
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{QStringLiteral("copy.gloss")});
}

TEST_CASE("backups taken at the same moment each get a file of their own", "[backup][concurrency]")
{
    gloss::test::TempProject t;
    fill(t, 3);
    constexpr int Takers = 4;
    for (int round = 0; round < 15; ++round) {
        std::atomic<int> ready = 0;
        BackupManager::Result results[Takers];
        std::thread takers[Takers];
        for (int i = 0; i < Takers; ++i)
            takers[i] = std::thread([&, i] {
                ++ready;
                while (ready < Takers) { }
                results[i] = BackupManager(t.path()).backup(QStringLiteral("daily"));
            });
        QSet<QString> paths;
        for (int i = 0; i < Takers; ++i) {
            takers[i].join();
            INFO("round " << round << ": " << results[i].error.toStdString());
            CHECK(results[i].error.isEmpty());
            paths.insert(results[i].path);
        }
        CHECK(paths.size() == Takers);
        // No temporary file is left behind.
        CHECK(QDir(BackupManager(t.path()).folder()).entryList({QStringLiteral("*.part")}, QDir::Files).isEmpty());
    }
}
