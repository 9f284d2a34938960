// Backups, restore, two processes on one project, and faults, through the built gloss.
#include "storage/sqlite/backupmanager.h"
#include "support/glossprocess.h"
#include "support/tempproject.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

QString arg(const char *s)
{
    return QString::fromUtf8(s);
}

// A closed project with `n` articles of a few kilobytes each; returns the first article's id.
qint64 makeProject(gloss::test::TempProject &tp, int n)
{
    qint64 first = 0;
    for (int i = 0; i < n; ++i) {
        const qint64 id = tp.addArticle(QStringLiteral("Article %1").arg(i),
            QStringLiteral("Paragraph %1 of a long article about floods and elections. ").arg(i).repeated(60),
            QDate(2021, 1, 1).addDays(i));
        if (!first)
            first = id;
    }
    tp.close();
    return first;
}

// N lines of highlights for --from-tsv, each with its own note so they can be told apart.
QByteArray highlightLines(qint64 article, int n, const QString &who)
{
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5 #%6\n")
                   .arg(article)
                   .arg(i % 500)
                   .arg(i % 500 + 10)
                   .arg(i % 2 ? QStringLiteral("Water;Politics") : QStringLiteral("Water"), who)
                   .arg(i)
                   .toUtf8();
    return out;
}

// What `gloss check` counts of `things` ("articles", "highlights", said in the singular for one);
// -1 when it does not say.
int checkedCount(const QString &project, const char *things)
{
    const Run r = runGloss({arg("check")}, project);
    const QString one = arg(things).chopped(1);
    const auto m = QRegularExpression(QStringLiteral("(\\d+) ") + one + QStringLiteral("s?\\b")).match(r.out);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

int highlightCount(const QString &project)
{
    return checkedCount(project, "highlights");
}

// A small disk: a tmpfs of `megabytes` when we may mount one (root), else nothing (the caller
// limits the file size of the child instead). Unmounted when it goes.
struct SmallDisk
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("small"));
    bool mounted = false;

    explicit SmallDisk(int megabytes)
    {
        QDir().mkpath(path);
        if (geteuid() == 0)
            mounted = QProcess::execute(QStringLiteral("mount"),
                          {arg("-t"), arg("tmpfs"), arg("-o"), QStringLiteral("size=%1M").arg(megabytes), arg("tmpfs"),
                              path})
                == 0;
    }
    ~SmallDisk()
    {
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), {path});
    }
    void grow(int megabytes) const
    {
        QProcess::execute(
            QStringLiteral("mount"), {arg("-o"), QStringLiteral("remount,size=%1M").arg(megabytes), path});
    }
    QString file(const char *name) const { return QDir(path).filePath(QString::fromUtf8(name)); }
};

// gloss with `args`; on a disk that is not mounted small, with files limited to `blocks` of 512
// bytes (SIGXFSZ ignored, so that write() fails with EFBIG as on a full disk).
Run runOnSmallDisk(const SmallDisk &disk, const QStringList &args, int blocks, const QByteArray &stdinData = {})
{
    QProcess p;
    if (disk.mounted) {
        p.start(QStringLiteral(GLOSS_EXECUTABLE), args);
    } else {
        p.start(QStringLiteral("/bin/sh"),
            QStringList{arg("-c"), QStringLiteral("trap '' XFSZ; ulimit -f %1; exec \"$0\" \"$@\"").arg(blocks),
                QStringLiteral(GLOSS_EXECUTABLE)}
                + args);
    }
    Run r;
    if (!p.waitForStarted())
        return r;
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(300000))
        return r;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

// gloss with `args`, stopped after `seconds`: code -1 when it had to be.
Run runWithin(const QStringList &args, const QString &project, int seconds)
{
    QProcess p;
    p.start(QStringLiteral(GLOSS_EXECUTABLE), args + QStringList{arg("--project"), project});
    Run r;
    if (!p.waitForStarted())
        return r;
    p.closeWriteChannel();
    if (!p.waitForFinished(seconds * 1000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("still running after %1 s").arg(seconds);
        return r;
    }
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

// SQL run on a closed project with sqlite3, as a tamperer can.
void execOn(const QString &path, const QByteArray &sql)
{
    sqlite3 *raw = nullptr;
    REQUIRE(sqlite3_open(QFile::encodeName(path).constData(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

// The file's SHA-256 in hex: compared, not printed whole when a check fails.
std::string fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return "(cannot read)";
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex().toStdString();
}

} // namespace

TEST_CASE("gloss backup and gloss restore", "[cli][backup]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 3);
    const QString project = tp.path();

    const Run backup = runGloss({arg("backup")}, project);
    REQUIRE(backup.code == 0);
    const QString file = backup.out.trimmed();
    CHECK(file.startsWith(QFileInfo(project + QStringLiteral(".backups")).absoluteFilePath()));
    CHECK(file.endsWith(QStringLiteral("-manual.gloss")));

    const Run added = runGloss({arg("highlight"), arg("add"), arg("--article"), QString::number(article),
                                   arg("--start"), arg("0"), arg("--end"), arg("9")},
        project);
    REQUIRE(added.code == 0);
    CHECK(highlightCount(project) == 1);

    const Run listed = runGloss({arg("restore")}, project);
    CHECK(listed.code == 0);
    CHECK(listed.out.contains(QStringLiteral("manual")));
    INFO(listed.out.toStdString() << file.toStdString());
    CHECK(listed.out.contains(QFileInfo(file).fileName()));
    CHECK(listed.out.contains(QStringLiteral("restore NUMBER|FILE")));

    const Run restored = runGloss({arg("restore"), arg("1")}, project);
    REQUIRE(restored.code == 0);
    CHECK(restored.out.contains(QStringLiteral("Restored")));
    CHECK(restored.out.contains(QStringLiteral("before-restore")));
    CHECK(highlightCount(project) == 0);
    // The state before the restore is a backup too: restoring it brings the highlight back.
    const Run undo = runGloss({arg("restore"), arg("latest")}, project);
    REQUIRE(undo.code == 0);
    CHECK(highlightCount(project) == 1);
    CHECK(runGloss({arg("check")}, project).code == 0);

    const Run bad = runGloss({arg("restore"), arg("99")}, project);
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("no backup number 99")));

    QTemporaryDir other;
    const QString copy = other.filePath(QStringLiteral("copy.gloss"));
    const Run to = runGloss({arg("backup"), arg("--to"), copy}, project);
    CHECK(to.code == 0);
    CHECK(gloss::storage::sqlite::BackupManager::verify(copy).isEmpty());
    const Run missing
        = runGloss({arg("backup"), arg("--to"), other.filePath(QStringLiteral("no/such/folder/x.gloss"))}, project);
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(QStringLiteral("does not exist")));
}

TEST_CASE("a writing command on a damaged project sets it aside and names the backup to restore", "[cli][backup]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 60);
    const QString project = tp.path();
    REQUIRE(runGloss({arg("backup")}, project).code == 0);
    {
        QFile f(project);
        REQUIRE(f.open(QIODevice::ReadWrite));
        f.seek(4096 * 2);
        f.write(QByteArray(int(f.size()) - 4096 * 2, '\x5a'));
    }
    const QStringList add = {arg("highlight"), arg("add"), arg("--article"), QString::number(article), arg("--start"),
        arg("0"), arg("--end"), arg("9")};
    const Run r = runGloss(add, project);
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("damaged")));
    CHECK(r.err.contains(QStringLiteral(".damaged")));
    CHECK(r.err.contains(QStringLiteral("restore")));
    CHECK(QFileInfo::exists(project + QStringLiteral(".damaged")));
    CHECK_FALSE(QFileInfo::exists(project));

    REQUIRE(runGloss({arg("restore"), arg("latest")}, project).code == 0);
    CHECK(runGloss(add, project).code == 0);
    CHECK(runGloss({arg("check")}, project).code == 0);
}

TEST_CASE("two processes adding 2,000 highlights each lose none and never report a lock", "[cli][concurrency]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 2);
    const QString project = tp.path();
    constexpr int PerProcess = 2000;

    QElapsedTimer timer;
    timer.start();
    QProcess a;
    QProcess b;
    const QStringList args = {arg("--project"), project, arg("highlight"), arg("add"), arg("--from-tsv"), arg("-")};
    a.start(QStringLiteral(GLOSS_EXECUTABLE), args);
    b.start(QStringLiteral(GLOSS_EXECUTABLE), args);
    REQUIRE(a.waitForStarted());
    REQUIRE(b.waitForStarted());
    a.write(highlightLines(article, PerProcess, QStringLiteral("first")));
    b.write(highlightLines(article, PerProcess, QStringLiteral("second")));
    a.closeWriteChannel();
    b.closeWriteChannel();
    REQUIRE(a.waitForFinished(300000));
    REQUIRE(b.waitForFinished(300000));
    const QString errA = QString::fromUtf8(a.readAllStandardError());
    const QString errB = QString::fromUtf8(b.readAllStandardError());
    INFO("first: " << errA.toStdString() << "\nsecond: " << errB.toStdString());
    CHECK(a.exitCode() == 0);
    CHECK(b.exitCode() == 0);
    CHECK_FALSE(errA.contains(QStringLiteral("locked")));
    CHECK_FALSE(errB.contains(QStringLiteral("locked")));
    // Every id reported is distinct, and every one is there.
    const QStringList idsA = QString::fromUtf8(a.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    const QStringList idsB = QString::fromUtf8(b.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    CHECK(idsA.size() == PerProcess);
    CHECK(idsB.size() == PerProcess);
    QSet<QString> all(idsA.begin(), idsA.end());
    all.unite(QSet<QString>(idsB.begin(), idsB.end()));
    CHECK(all.size() == 2 * PerProcess);
    WARN("two processes, " << 2 * PerProcess << " highlights: " << timer.elapsed() << " ms");

    const Run check = runGloss({arg("check")}, project);
    CHECK(check.code == 0);
    CHECK(check.out.contains(QStringLiteral("%1 highlights").arg(2 * PerProcess)));
}

TEST_CASE("a batch of highlights reports bad lines by number and keeps the rest", "[cli]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 1);
    const QByteArray lines = QStringLiteral("%1\t0\t5\tWater\n"
                                            "not a number\t0\t5\n"
                                            "%1\t3\t8\n"
                                            "999999\t0\t5\n")
                                 .arg(article)
                                 .toUtf8();
    const Run r = runGloss({arg("highlight"), arg("add"), arg("--from-tsv"), arg("-")}, tp.path(), lines);
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("stdin:2:")));
    CHECK(r.err.contains(QStringLiteral("stdin:4:")));
    CHECK(r.out.split(u'\n', Qt::SkipEmptyParts).size() == 2);
    CHECK(highlightCount(tp.path()) == 2);
}

TEST_CASE("a full disk stops a batch with a clear message and loses nothing stored", "[cli][faults]")
{
    SmallDisk disk(2);
    const QString project = disk.file("full.gloss");
    qint64 article = 0;
    {
        auto opened = gloss::Project::open(project);
        REQUIRE(opened.project);
        gloss::model::Article a;
        a.title = QStringLiteral("Small");
        a.body = QStringLiteral("A short article that notes fill up. ").repeated(20);
        article = opened.project->store().articles().insert(a);
    }
    // Highlights with 4 KB notes until the disk (or the limit) is full.
    QByteArray lines;
    const QString note = QStringLiteral("n").repeated(4000);
    for (int i = 0; i < 2000; ++i)
        lines += QStringLiteral("%1\t0\t5\t\t%2 %3\n").arg(article).arg(i).arg(note).toUtf8();
    // 1,500 blocks of 512 bytes when no tmpfs could be mounted.
    const Run r = runOnSmallDisk(
        disk, {arg("--project"), project, arg("highlight"), arg("add"), arg("--from-tsv"), arg("-")}, 1500, lines);
    const QString &err = r.err;
    const int reported = int(r.out.split(u'\n', Qt::SkipEmptyParts).size());
    INFO(err.toStdString());
    CHECK(r.code == 1);
    CHECK(reported > 0);
    CHECK(reported < 2000);
    CHECK((err.contains(QStringLiteral("disk is full")) || err.contains(QStringLiteral("cannot write to the disk"))));
    CHECK(err.contains(QStringLiteral("stopped at line")));
    CHECK_FALSE(err.contains(QStringLiteral("locked")));

    // Everything reported is there, the project is clean, and still usable once there is room.
    const Run check = runGloss({arg("check")}, project);
    INFO(check.out.toStdString() << check.err.toStdString());
    CHECK(check.code == 0);
    CHECK(check.out.contains(QStringLiteral("%1 highlights").arg(reported)));
    WARN((disk.mounted ? "2 MB tmpfs" : "RLIMIT_FSIZE 750 KB")
        << ": " << reported << " highlights stored before the disk was full");
}

TEST_CASE("a full disk during import keeps the whole articles before it, and a rerun completes it", "[cli][faults]")
{
    // 400 articles of about 3 KB, imported in batches of 200: a 5 MB disk holds the first batch with
    // its search index, entities, dates and write-ahead log, not the second.
    QTemporaryDir corpus;
    for (int i = 0; i < 400; ++i) {
        QFile f(corpus.filePath(QStringLiteral("article-%1.txt").arg(i, 3, 10, QLatin1Char('0'))));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Floods number %1 close the valley road\n\nJune 9, 2018\n\nKABUL: ").arg(i).toUtf8()
            + QStringLiteral("Residents of district %1 said on Tuesday that the water rose again. ")
                  .arg(i)
                  .repeated(45)
                  .toUtf8());
    }
    SmallDisk disk(5);
    const QString project = disk.file("import.gloss");
    const Run full = runOnSmallDisk(disk, {arg("--project"), project, arg("import"), corpus.path()}, 3000);
    INFO(full.out.toStdString() << full.err.toStdString());
    CHECK(full.code == 1);
    CHECK((full.err.contains(QStringLiteral("disk is full")) || full.err.contains(QStringLiteral("cannot write"))));
    CHECK_FALSE(full.err.contains(QStringLiteral("locked")));
    const auto m = QRegularExpression(QStringLiteral("imported (\\d+)")).match(full.out);
    REQUIRE(m.hasMatch());
    const int imported = m.captured(1).toInt();
    CHECK(imported < 400);
    CHECK(imported % 200 == 0); // whole batches
    // What it reported is there, whole (gloss check compares each article with its search entry).
    const Run check = runGloss({arg("check")}, project);
    INFO(check.out.toStdString() << check.err.toStdString());
    CHECK(check.code == 0);
    CHECK(checkedCount(project, "articles") == imported);

    // With room again the same import completes it.
    if (disk.mounted)
        disk.grow(64);
    const Run again = disk.mounted
        ? runGloss({arg("import"), corpus.path()}, project)
        : runOnSmallDisk(disk, {arg("--project"), project, arg("import"), corpus.path()}, 200000);
    INFO(again.out.toStdString() << again.err.toStdString());
    CHECK(again.code == 0);
    CHECK(again.out.contains(QStringLiteral("imported %1, duplicates %2").arg(400 - imported).arg(imported)));
    CHECK(checkedCount(project, "articles") == 400);
    CHECK(runGloss({arg("check")}, project).code == 0);
    WARN((disk.mounted ? "5 MB tmpfs" : "RLIMIT_FSIZE 1.5 MB")
        << ": " << imported << " articles stored before the disk was full");
}

TEST_CASE("a full disk during export says so and leaves no partial file", "[cli][faults]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 3);
    const Run added = runGloss({arg("highlight"), arg("add"), arg("--from-tsv"), arg("-")}, tp.path(),
        highlightLines(article, 3000, arg("coder")));
    REQUIRE(added.code == 0);
    SmallDisk disk(1);
    if (disk.mounted) {
        // Most of the disk taken already: the export (about 1 MB) cannot fit.
        QFile filler(disk.file("filler"));
        REQUIRE(filler.open(QIODevice::WriteOnly));
        filler.write(QByteArray(900 * 1024, 'x'));
    }
    const QString out = disk.file("highlights.csv");
    const Run r = runOnSmallDisk(
        disk, {arg("--project"), tp.path(), arg("export"), arg("--layout"), arg("highlights"), arg("-o"), out}, 200);
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.code != 0);
    CHECK(r.code != -1);
    CHECK(r.err.contains(out));
    CHECK(r.err.contains(QStringLiteral("cannot write")));
    CHECK_FALSE(QFileInfo::exists(out)); // the partial file is removed, not left looking complete
    CHECK(highlightCount(tp.path()) == 3000); // the project is untouched
}

TEST_CASE("a read-only project opens read-only, reads work, and writes say read-only", "[cli][faults]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 2);
    // Root writes through file permissions: use a read-only bind mount then; else chmod.
    QTemporaryDir mountDir;
    QString project = tp.path();
    bool mounted = false;
    if (geteuid() == 0) {
        mounted = QProcess::execute(QStringLiteral("mount"), {arg("--bind"), tp.dir(), mountDir.path()}) == 0
            && QProcess::execute(QStringLiteral("mount"), {arg("-o"), arg("remount,ro,bind"), mountDir.path()}) == 0;
        if (!mounted) {
            QProcess::execute(QStringLiteral("umount"), {mountDir.path()});
            WARN("cannot make a read-only mount: read-only project not tested");
            return;
        }
        project = QDir(mountDir.path()).filePath(QFileInfo(tp.path()).fileName());
    } else {
        QFile::setPermissions(tp.path(), QFile::ReadOwner);
    }
    const Run list = runGloss({arg("articles"), arg("--format"), arg("csv")}, project);
    CHECK(list.code == 0);
    CHECK(list.out.contains(QStringLiteral("Article 1")));
    const Run add = runGloss({arg("highlight"), arg("add"), arg("--article"), QString::number(article), arg("--start"),
                                 arg("0"), arg("--end"), arg("9")},
        project);
    CHECK(add.code == 1);
    CHECK(add.err.contains(QStringLiteral("read-only")));
    CHECK(add.err.contains(QStringLiteral("nothing was changed")));
    const Run check = runGloss({arg("check")}, project);
    CHECK(check.code == 0);
    if (mounted)
        QProcess::execute(QStringLiteral("umount"), {mountDir.path()});
    else
        QFile::setPermissions(tp.path(), QFile::ReadOwner | QFile::WriteOwner);
}

TEST_CASE("a writing command takes the daily backup when none is from the last day", "[cli][backup]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 2);
    gloss::storage::sqlite::BackupManager backups(tp.path());
    CHECK(backups.list().isEmpty());
    const QStringList add = {arg("highlight"), arg("add"), arg("--article"), QString::number(article), arg("--start"),
        arg("0"), arg("--end"), arg("9")};
    REQUIRE(runGloss(add, tp.path()).code == 0);
    REQUIRE(backups.list().size() == 1);
    CHECK(backups.list().first().reason == QStringLiteral("daily"));
    // Not again the same day.
    REQUIRE(runGloss(add, tp.path()).code == 0);
    CHECK(backups.list().size() == 1);
    // Reading commands take none.
    QDir(backups.folder()).removeRecursively();
    REQUIRE(runGloss({arg("articles")}, tp.path()).code == 0);
    CHECK(backups.list().isEmpty());
}

TEST_CASE("three processes creating the same new project at once all open it", "[cli][concurrency]")
{
    QTemporaryDir dir;
    for (int round = 0; round < 10; ++round) {
        const QString project = dir.filePath(QStringLiteral("new%1.gloss").arg(round));
        QProcess p[3];
        for (QProcess &one : p)
            one.start(QStringLiteral(GLOSS_EXECUTABLE), {arg("--project"), project, arg("tags")});
        for (QProcess &one : p) {
            REQUIRE(one.waitForFinished(60000));
            const QString err = QString::fromUtf8(one.readAllStandardError());
            INFO("round " << round << ": " << err.toStdString());
            CHECK(one.exitCode() == 0);
            CHECK(err.isEmpty());
        }
        CHECK(runGloss({arg("check")}, project).code == 0);
    }
}

TEST_CASE(
    "tag parents in a cycle: show, tags and export end and list both tags, check names the cycle", "[cli][hostile]")
{
    gloss::test::TempProject tp;
    const qint64 article = makeProject(tp, 1);
    const QString project = tp.path();
    REQUIRE(runGloss({arg("highlight"), arg("add"), arg("--article"), QString::number(article), arg("--start"),
                         arg("0"), arg("--end"), arg("9"), arg("--tag"), arg("Actors > Officials")},
                project)
                .code
        == 0);
    // Actors -> Officials -> Actors.
    execOn(project, "UPDATE tags SET parent_id = (SELECT id FROM tags WHERE name = 'Officials') WHERE name = 'Actors'");

    const Run show = runWithin({arg("show"), QString::number(article)}, project, 60);
    INFO(show.err.toStdString());
    CHECK(show.code == 0);
    CHECK(show.out.contains(QStringLiteral("Officials")));
    // Both tags listed (each at the top level: in a cycle, neither is the other's parent).
    for (const QStringList &command :
        {QStringList{arg("tags")}, QStringList{arg("export"), arg("--layout"), arg("codebook")}}) {
        const Run r = runWithin(command, project, 60);
        INFO(command.join(u' ').toStdString() << ": " << r.err.toStdString());
        CHECK(r.code == 0);
        CHECK(r.out.contains(QStringLiteral("Actors")));
        CHECK(r.out.contains(QStringLiteral("Officials")));
    }
    const Run highlights = runWithin({arg("export"), arg("--layout"), arg("highlights")}, project, 60);
    CHECK(highlights.code == 0);
    CHECK(highlights.out.contains(QStringLiteral(",Officials,")));
    const Run check = runWithin({arg("check")}, project, 60);
    CHECK(check.code == 1);
    CHECK(check.out.contains(QStringLiteral("cycle of parents")));
}

TEST_CASE("backup --to overwrites an existing file only with --force", "[cli][backup]")
{
    gloss::test::TempProject small;
    makeProject(small, 1);
    gloss::test::TempProject big;
    makeProject(big, 5);
    QTemporaryDir dir;
    const QString notes = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(notes);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Not a backup.\n");
    }
    for (const QString &target : {big.path(), notes}) {
        INFO(target.toStdString());
        const std::string before = fileHash(target);
        const Run r = runGloss({arg("backup"), arg("--to"), target}, small.path());
        CHECK(r.code == 1);
        CHECK(r.err.contains(QStringLiteral("--force")));
        CHECK(fileHash(target) == before);
    }
    CHECK(checkedCount(big.path(), "articles") == 5);
    const Run forced = runGloss({arg("backup"), arg("--to"), notes, arg("--force")}, small.path());
    CHECK(forced.code == 0);
    CHECK(gloss::storage::sqlite::BackupManager::verify(notes).isEmpty());
}

TEST_CASE(
    "restore refuses to replace what is not a Gloss project, and a backup Gloss would refuse", "[cli][backup][hostile]")
{
    gloss::test::TempProject tp;
    makeProject(tp, 2);
    const Run backup = runGloss({arg("backup")}, tp.path());
    REQUIRE(backup.code == 0);
    const QString good = backup.out.trimmed();

    QTemporaryDir dir;
    const QString notes = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(notes);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Not a project.\n");
    }
    const QString otherDb = dir.filePath(QStringLiteral("other.db"));
    execOn(otherDb, "CREATE TABLE t(x)");
    for (const QString &target : {notes, otherDb}) {
        INFO(target.toStdString());
        const std::string before = fileHash(target);
        const Run r = runGloss({arg("restore"), good}, target);
        CHECK(r.code == 1);
        CHECK(r.err.contains(QStringLiteral("not a Gloss project")));
        CHECK_FALSE(r.out.contains(QStringLiteral("Restored")));
        CHECK(fileHash(target) == before);
        CHECK_FALSE(QFileInfo::exists(target + QStringLiteral(".damaged")));
    }

    const QString planted = dir.filePath(QStringLiteral("planted.gloss"));
    REQUIRE(QFile::copy(good, planted));
    execOn(planted, "CREATE TRIGGER evil AFTER INSERT ON highlights BEGIN DELETE FROM articles; END");
    const Run r = runGloss({arg("restore"), planted}, tp.path());
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("triggers or views")));
    CHECK_FALSE(r.out.contains(QStringLiteral("Restored")));
    CHECK(checkedCount(tp.path(), "articles") == 2);
}

TEST_CASE(
    "two imports of the same files at once count each article once, as imported or duplicate", "[cli][concurrency]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("articles"));
    QDir().mkpath(folder);
    for (int i = 0; i < 120; ++i) {
        QFile f(QDir(folder).filePath(QStringLiteral("story-%1.txt").arg(i, 3, 10, QChar(u'0'))));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Story %1 of the wire\n\nParagraph of story %1 about the harbour.\n").arg(i).toUtf8());
    }
    for (int round = 0; round < 3; ++round) {
        // A project with an article and no backup: both imports take the daily backup too.
        gloss::test::TempProject tp;
        makeProject(tp, 1);
        QProcess p[2];
        for (QProcess &one : p)
            one.start(QStringLiteral(GLOSS_EXECUTABLE), {arg("--project"), tp.path(), arg("import"), folder});
        int imported = 0;
        int duplicates = 0;
        for (QProcess &one : p) {
            REQUIRE(one.waitForFinished(180000));
            const QString out = QString::fromUtf8(one.readAllStandardOutput());
            const QString err = QString::fromUtf8(one.readAllStandardError());
            INFO("round " << round << ": " << out.toStdString() << err.toStdString());
            CHECK(one.exitCode() == 0);
            CHECK(err.isEmpty());
            const auto m
                = QRegularExpression(QStringLiteral("imported (\\d+), duplicates (\\d+), refused 0")).match(out);
            CHECK(m.hasMatch());
            imported += m.captured(1).toInt();
            duplicates += m.captured(2).toInt();
        }
        CHECK(imported == 120);
        CHECK(duplicates == 120);
        CHECK(checkedCount(tp.path(), "articles") == 121);
    }
}
