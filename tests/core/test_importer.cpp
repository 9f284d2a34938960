// Imports (the operation) on files written here: whole articles or nothing, duplicates, refusals with their
// reasons, cancel, batching, a worker thread with its own connection, the sample corpus.
#include "import/importer.h"
#include "operations/imports.h"
#include "operations/project.h"
#include "storage/error.h"
#include "storage/postgres/postgresstore.h"
#include "storage/sqlite/checker.h"
#include "storage/sqlite/sqlitestore.h"
#include "storage/sqlite/transaction.h"
#include "support/tempproject.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

using namespace gloss;
using import::ImportOptions;
using import::ImportReport;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

QByteArray newsText(int i)
{
    return QStringLiteral("Tuesday September 26, 2023\n\nStory number %1 about the ceasefire\n\nJune %2, 2018\n\n"
                          "KABUL, Afghanistan (Reuters) - Paragraph one of story %1 says the truce held.\n\n"
                          "Paragraph two of story %1 quotes an official.\n")
        .arg(i)
        .arg(1 + i % 28)
        .toUtf8();
}

QString reasonFor(const ImportReport &report, const QString &fileName)
{
    for (const import::ImportProblem &p : report.refused)
        if (QFileInfo(p.path).fileName() == fileName)
            return p.reason;
    return {};
}

bool clean(Project &project)
{
    // The team server enforces its constraints itself; what it cannot: every article searchable.
    if (storage::postgres::Connection *pg = storage::postgres::connectionOf(project.store())) {
        storage::postgres::Query q = pg->query("SELECT count(*) FROM articles WHERE search IS NULL");
        REQUIRE(q.step());
        if (q.int64(0) > 0)
            WARN(q.int64(0) << " articles are missing from the search index");
        return q.int64(0) == 0;
    }
    const storage::sqlite::CheckReport check = storage::sqlite::checkProject(gloss::test::sqliteDb(project));
    for (const QString &p : check.problems)
        WARN(p.toStdString());
    return check.clean();
}

} // namespace

TEST_CASE("importing the sample corpus folder stores its 34 articles, and again none", "[import][importer][engines]")
{
    test::TempProject tp;
    operations::Imports &importer = tp.project().imports();
    const ImportReport report = importer.importPaths({QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples")});
    for (const auto &p : report.refused)
        WARN(p.text().toStdString());
    CHECK(report.refused.isEmpty());
    CHECK(report.imported == 34);
    CHECK(report.duplicates == 0);
    CHECK(report.articleIds.size() == 34);
    CHECK(tp.project().store().articles().count() == 34);
    // The one Windows-1252 file is said so, and only it.
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings.first().path.endsWith(QStringLiteral("21-olive-tariff-protest-cp1252.txt")));
    CHECK(report.warnings.first().reason.contains(QStringLiteral("decoded as Windows-1252")));
    CHECK(clean(tp.project()));

    // Every article has a title, a publication date and a dateline; bodies never hold U+FFFD.
    for (const qint64 id : tp.project().store().articles().ids({})) {
        const auto a = tp.project().store().articles().get(id);
        REQUIRE(a);
        INFO(a->path.toStdString());
        CHECK_FALSE(a->title.isEmpty());
        CHECK(a->published.isValid());
        CHECK_FALSE(a->dateline.isEmpty());
        CHECK_FALSE(a->body.contains(QChar(0xFFFD)));
        CHECK_FALSE(a->body.contains(u'\r'));
    }
    const QList<qint64> ids = tp.project().store().articles().ids({});
    const auto find = [&](const char *suffix) {
        for (const qint64 id : ids) {
            auto a = tp.project().store().articles().get(id);
            if (a->path.endsWith(QLatin1StringView(suffix)))
                return *a;
        }
        FAIL("no article from " << suffix);
        return model::Article{};
    };
    const model::Article cp = find("21-olive-tariff-protest-cp1252.txt");
    CHECK(cp.body.contains(QStringLiteral("“Our olives are not dumping”")));
    CHECK(cp.retrieved == QDate(2023, 9, 26));
    const model::Article u16 = find("22-sao-paulo-landslides-utf16.txt");
    CHECK(u16.title == QStringLiteral("Landslides kill four on São Paulo outskirts as summer storms return"));
    CHECK(u16.dateline == QStringLiteral("SÃO PAULO"));
    const model::Article html = find("23-imran-khan-sworn-in.html");
    CHECK(html.published == QDate(2018, 8, 18));
    CHECK(html.author == QStringLiteral("Ayesha Rahim"));
    CHECK_FALSE(html.body.contains(QStringLiteral("not article text")));
    CHECK_FALSE(html.body.contains(QStringLiteral("Related")));
    CHECK_FALSE(html.body.contains(QStringLiteral("All rights reserved")));
    const model::Article emoji = find("06-social-media-ceasefire-emoji.txt");
    CHECK(emoji.body.contains(QStringLiteral("😀🇵🇰👍")));
    CHECK(emoji.published == QDate(2018, 6, 18));

    const ImportReport again = importer.importPaths({QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples")});
    CHECK(again.imported == 0);
    CHECK(again.duplicates == 34);
    CHECK(tp.project().store().articles().count() == 34);
}

TEST_CASE(
    "a mixed folder: every good article imported, each bad file named with its reason", "[import][importer][engines]")
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/a.txt"), newsText(1));
    writeFile(root + QStringLiteral("/nested/deeper/b"), newsText(2)); // no extension
    writeFile(root + QStringLiteral("/picture.png"), QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16));
    writeFile(root + QStringLiteral("/empty.txt"), QByteArray());
    writeFile(root + QStringLiteral("/feed.jsonl"),
        "{\"title\": \"Feed one\", \"body\": \"BRUSSELS \xE2\x80\x94 One.\"}\n"
        "{\"title\": \"Feed two\", \"body\": \"Two.\"\n"
        "{\"title\": \"Feed three\", \"body\": \"Three.\"}\n");
    writeFile(root + QStringLiteral("/cp1252.txt"),
        "Olive growers march\r\n\r\nJuly 16, 2018\r\n\r\nSEVILLE, Spain (Reuters) - "
        "\x93Our olives are not dumping\x94, they said.\r\n");
    writeFile(root + QStringLiteral("/.hidden.txt"), newsText(3));
    writeFile(root + QStringLiteral("/README.md"), "# About this folder\n\nScraped in 2023.\n");
    writeFile(root + QStringLiteral("/title-only.txt"), "Just a headline\n");
    REQUIRE(QFile::link(root, root + QStringLiteral("/nested/loop"))); // a symbolic link back up

    test::TempProject tp;
    operations::Imports &importer = tp.project().imports();
    const ImportReport report = importer.importPaths({root});
    CHECK(report.imported == 5); // a, b, feed one and three, cp1252
    CHECK(report.duplicates == 0);
    CHECK(
        reasonFor(report, QStringLiteral("picture.png")) == QStringLiteral("not an article (looks like a PNG image)"));
    CHECK(reasonFor(report, QStringLiteral("empty.txt")) == QStringLiteral("empty file"));
    CHECK(reasonFor(report, QStringLiteral("feed.jsonl")).startsWith(QStringLiteral("line 2: not valid JSON")));
    INFO(reasonFor(report, QStringLiteral("title-only.txt")).toStdString());
    CHECK(reasonFor(report, QStringLiteral("title-only.txt")) == QStringLiteral("no body"));
    CHECK(report.refused.size() == 4);
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings.first().path.endsWith(QStringLiteral("cp1252.txt")));
    CHECK(report.summary() == QStringLiteral("imported 5, duplicates 0, refused 4"));
    CHECK(tp.project().store().articles().count() == 5);
    CHECK(clean(tp.project()));

    model::ArticleFilter filter;
    filter.search = QStringLiteral("dumping");
    const QList<qint64> found = tp.project().store().articles().ids(filter);
    REQUIRE(found.size() == 1); // the search index was updated as the articles went in
    const auto cp = tp.project().store().articles().get(found.first());
    CHECK(cp->body == QStringLiteral("SEVILLE, Spain (Reuters) - “Our olives are not dumping”, they said."));
    CHECK(cp->dateline == QStringLiteral("SEVILLE"));
    CHECK(cp->datelineEnd == 26);

    const ImportReport missing = importer.importPaths({root + QStringLiteral("/nope.txt")});
    REQUIRE(missing.refused.size() == 1);
    CHECK(missing.refused.first().reason == QStringLiteral("no such file or folder"));
}

TEST_CASE("exact duplicates are skipped and counted, within one file and across imports", "[import][importer][engines]")
{
    test::TempProject tp;
    operations::Imports &importer = tp.project().imports();
    const QByteArray one = newsText(7);
    const ImportReport first
        = importer.importFiles({{QStringLiteral("one.txt"), one}, {QStringLiteral("copy.txt"), one}});
    CHECK(first.imported == 1);
    CHECK(first.duplicates == 1);
    // Same title and body in another format and encoding is still the same article.
    QStringEncoder encoder(QStringConverter::Utf16BE, QStringConverter::Flag::WriteBom);
    const QByteArray utf16 = encoder.encode(QString::fromUtf8(one).replace(u'\n', QStringLiteral("\r\n")));
    const ImportReport second = importer.importFiles({{QStringLiteral("again.txt"), utf16}});
    CHECK(second.imported == 0);
    CHECK(second.duplicates == 1);
    // A different title makes a different article.
    const ImportReport third
        = importer.importFiles({{QStringLiteral("other.txt"), QByteArray(one).replace("Story number", "Tale number")}});
    CHECK(third.imported == 1);
    CHECK(tp.project().store().articles().count() == 2);
}

TEST_CASE("files over the size limit are refused before they are read", "[import][importer][engines]")
{
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.txt"));
    {
        QFile f(big);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.resize(qint64(64) * 1024 * 1024 + 1)); // sparse: no disk used
    }
    const QString small = dir.filePath(QStringLiteral("small.txt"));
    writeFile(small, newsText(1) + QByteArray(3000, 'x'));

    test::TempProject tp;
    const ImportReport report = tp.project().imports().importPaths({big});
    REQUIRE(report.refused.size() == 1);
    CHECK(report.refused.first().reason.startsWith(QStringLiteral("file too large")));
    CHECK(report.refused.first().reason.contains(QStringLiteral("the limit is 64 MiB")));

    ImportOptions options;
    options.maxFileBytes = 1024;
    const ImportReport limited = tp.project().imports().importPaths({small}, options);
    REQUIRE(limited.refused.size() == 1);
    CHECK(limited.refused.first().reason.startsWith(QStringLiteral("file too large")));
    const ImportReport memory
        = tp.project().imports().importFiles({{QStringLiteral("mem.txt"), QByteArray(2048, 'a')}}, options);
    REQUIRE(memory.refused.size() == 1);
    CHECK(memory.refused.first().reason.startsWith(QStringLiteral("file too large")));
    CHECK(tp.project().store().articles().count() == 0);
}

TEST_CASE("cancel mid-import keeps exactly the finished articles", "[import][importer][engines]")
{
    QList<import::InMemoryFile> files;
    for (int i = 0; i < 100; ++i)
        files.append({QStringLiteral("story-%1.txt").arg(i), newsText(i)});
    test::TempProject tp;
    std::atomic_bool cancel = false;
    ImportOptions options;
    options.batchSize = 7; // cancel lands inside a batch
    options.cancel = &cancel;
    int calls = 0;
    options.progress = [&](const import::ImportProgress &p) {
        ++calls;
        CHECK(p.filesTotal == 100);
        if (p.filesDone == 40)
            cancel = true;
    };
    const ImportReport report = tp.project().imports().importFiles(files, options);
    CHECK(report.cancelled);
    CHECK(report.imported == 40);
    CHECK(calls > 40);
    CHECK(tp.project().store().articles().count() == 40);
    QList<qint64> stored = tp.project().store().articles().ids({}, model::ArticleOrder::Id);
    QList<qint64> reported = report.articleIds;
    std::sort(reported.begin(), reported.end());
    CHECK(stored == reported);
    tp.reopen();
    CHECK(tp.project().store().articles().count() == 40);
    CHECK(clean(tp.project()));
}

TEST_CASE("afterInsert runs in the article's transaction: a failure leaves nothing of that article",
    "[import][importer][engines]")
{
    test::TempProject tp;
    ImportOptions options;
    options.batchSize = 3;
    options.afterInsert = [](Project &project, const model::Article &article) {
        project.store().meta().setValue(QStringLiteral("extracted:%1").arg(article.id), article.title);
        if (article.title.contains(QStringLiteral("number 2 ")))
            throw std::runtime_error("the extractor failed");
    };
    QList<import::InMemoryFile> files;
    for (int i = 1; i <= 4; ++i)
        files.append({QStringLiteral("s%1.txt").arg(i), newsText(i)});
    const ImportReport report = tp.project().imports().importFiles(files, options);
    CHECK(report.imported == 3);
    REQUIRE(report.refused.size() == 1);
    CHECK(report.refused.first().path == QStringLiteral("s2.txt"));
    CHECK(report.refused.first().reason.contains(QStringLiteral("the extractor failed")));
    CHECK(tp.project().store().articles().count() == 3);
    for (const qint64 id : report.articleIds)
        CHECK(tp.project().store().meta().value(QStringLiteral("extracted:%1").arg(id)).has_value());
    // Whatever id the failed article had, its extraction note is gone with it.
    int notes = 0;
    for (qint64 id = 1; id <= 10; ++id)
        notes += tp.project().store().meta().value(QStringLiteral("extracted:%1").arg(id)).has_value() ? 1 : 0;
    CHECK(notes == 3);
    CHECK(clean(tp.project()));
}

TEST_CASE("analyse runs beside the writer, and what it returns is stored in the article's transaction",
    "[import][importer][engines]")
{
    test::TempProject tp;
    ImportOptions options;
    options.batchSize = 3;
    const std::thread::id writer = std::this_thread::get_id();
    std::atomic_int onWriter = 0;
    options.analyse = [&](const model::Article &article) -> std::function<void(Project &, const model::Article &)> {
        if (std::this_thread::get_id() == writer || article.id != 0) // Catch2 asserts on this thread only
            ++onWriter;
        if (article.title.contains(QStringLiteral("number 2 ")))
            throw std::runtime_error("the analysis failed");
        const QString found = article.title.section(u' ', 0, 2); // "Story number N"
        return [found](Project &project, const model::Article &stored) {
            CHECK(stored.id > 0);
            project.store().meta().setValue(QStringLiteral("analysed:%1").arg(stored.id), found);
            if (found.endsWith(u'3'))
                throw std::runtime_error("storing the analysis failed");
        };
    };
    QList<import::InMemoryFile> files;
    for (int i = 1; i <= 5; ++i)
        files.append({QStringLiteral("s%1.txt").arg(i), newsText(i)});
    const ImportReport report = tp.project().imports().importFiles(files, options);
    CHECK(onWriter == 0); // every article analysed on another thread, before it was stored
    CHECK(report.imported == 3);
    REQUIRE(report.refused.size() == 2);
    CHECK(report.refused.at(0).path == QStringLiteral("s2.txt"));
    CHECK(report.refused.at(0).reason.contains(QStringLiteral("the analysis failed")));
    CHECK(report.refused.at(1).path == QStringLiteral("s3.txt"));
    CHECK(report.refused.at(1).reason.contains(QStringLiteral("storing the analysis failed")));
    for (const qint64 id : report.articleIds) {
        const auto title = tp.project().store().articles().get(id)->title;
        CHECK(tp.project().store().meta().value(QStringLiteral("analysed:%1").arg(id)) == title.section(u' ', 0, 2));
    }
    CHECK(clean(tp.project()));
}

TEST_CASE("a worker thread imports with its own connection while the first one reads", "[import][importer][engines]")
{
    test::TempProject tp;
    QTemporaryDir dir;
    QByteArray jsonl;
    for (int i = 0; i < 450; ++i)
        jsonl += QStringLiteral(
            "{\"title\": \"Wire %1\", \"body\": \"BRUSSELS — Item %1 of the feed.\", \"date\": \"2018-07-%2\"}\n")
                     .arg(i)
                     .arg(1 + i % 28, 2, 10, QChar(u'0'))
                     .toUtf8();
    writeFile(dir.filePath(QStringLiteral("wire.jsonl")), jsonl);

    ImportReport report;
    QString error;
    std::thread worker([&] {
        auto opened = Project::open(tp.path());
        if (!opened.project) {
            error = opened.error;
            return;
        }
        ImportOptions options; // 200 per batch: three transactions
        report = opened.project->imports().importPaths({dir.path()}, options);
    });
    worker.join();
    REQUIRE(error.isEmpty());
    CHECK(report.imported == 450);
    CHECK(report.refused.isEmpty());
    CHECK(tp.project().store().articles().count() == 450);
    CHECK(clean(tp.project()));
}

TEST_CASE("meta values: the seeded mark", "[import][meta][engines]")
{
    test::TempProject tp;
    CHECK_FALSE(tp.project().store().meta().value(QStringLiteral("seeded")).has_value());
    tp.project().store().meta().setValue(QStringLiteral("seeded"), QStringLiteral("1"));
    tp.project().store().meta().setValue(QStringLiteral("seeded"), QStringLiteral("2"));
    tp.reopen();
    CHECK(tp.project().store().meta().value(QStringLiteral("seeded")) == QStringLiteral("2"));
}

TEST_CASE(
    "imported bodies hold every gold entity and time expression in text order", "[import][importer][gold][engines]")
{
    test::TempProject tp;
    const ImportReport report
        = tp.project().imports().importPaths({QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples")});
    REQUIRE(report.imported == 34);
    QHash<QString, model::Article> articles; // by file name
    for (const qint64 id : tp.project().store().articles().ids({})) {
        const auto a = tp.project().store().articles().get(id);
        articles.insert(QFileInfo(a->path).fileName(), *a);
    }
    int files = 0;
    for (const char *kind : {"entities", "timex"}) {
        const QDir dir(QStringLiteral(GLOSS_TEST_DATA "/gold/") + QLatin1StringView(kind));
        for (const QFileInfo &gold : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile f(gold.filePath());
            REQUIRE(f.open(QIODevice::ReadOnly));
            const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
            const QString file = doc.value(QStringLiteral("file")).toString();
            INFO(file.toStdString());
            REQUIRE(articles.contains(file));
            const QString body = articles.value(file).body;
            if (doc.contains(QStringLiteral("anchor"))) // the publication date the expressions are read against
                CHECK(articles.value(file).published.toString(Qt::ISODate)
                    == doc.value(QStringLiteral("anchor")).toString());
            const QJsonArray items = doc.value(doc.contains(QStringLiteral("mentions")) ? QStringLiteral("mentions")
                                                                                        : QStringLiteral("expressions"))
                                         .toArray();
            CHECK_FALSE(items.isEmpty());
            qsizetype from = 0;
            for (const QJsonValue &item : items) {
                const QString text = item.toObject().value(QStringLiteral("text")).toString();
                const qsizetype at = body.indexOf(text, from);
                INFO(text.toStdString());
                CHECK(at >= 0);
                if (at >= 0)
                    from = at + text.size();
            }
            ++files;
        }
    }
    CHECK(files == 40);
}

TEST_CASE("a named pipe given as a path is refused at once, as one inside a folder is skipped",
    "[import][importer][hostile][engines]")
{
    QTemporaryDir dir;
    const QString pipe = dir.filePath(QStringLiteral("pipe.txt"));
    const QString inner = dir.filePath(QStringLiteral("folder/inner-pipe.txt"));
    writeFile(dir.filePath(QStringLiteral("folder/story.txt")), newsText(1));
    REQUIRE(mkfifo(QFile::encodeName(pipe).constData(), 0600) == 0);
    REQUIRE(mkfifo(QFile::encodeName(inner).constData(), 0600) == 0);
    // Should the import open a pipe to read it, it would wait for a writer for ever: after 10 s
    // one comes (and writes nothing), so that this test fails instead of hanging.
    std::atomic_bool done = false;
    std::thread writer([&] {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!done && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        while (!done) {
            for (const QString &p : {pipe, inner}) {
                const int fd = ::open(QFile::encodeName(p).constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0)
                    ::close(fd);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    test::TempProject tp;
    const auto started = std::chrono::steady_clock::now();
    const ImportReport report = tp.project().imports().importPaths({pipe, dir.filePath(QStringLiteral("folder"))});
    const auto took = std::chrono::steady_clock::now() - started;
    done = true;
    writer.join();
    INFO(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
        << " ms; " << report.summary().toStdString() << "; "
        << (report.refused.isEmpty() ? "" : report.refused.first().reason.toStdString()));
    CHECK(took < std::chrono::seconds(5));
    CHECK(report.imported == 1);
    REQUIRE(report.refused.size() == 1);
    CHECK(report.refused.first().path == pipe);
    CHECK(report.refused.first().reason.contains(QStringLiteral("not a regular file")));
}

TEST_CASE(
    "a loop of symbolic links is named as a loop, a dangling link as a link to nothing", "[import][importer][engines]")
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("loop-a.txt"));
    const QString b = dir.filePath(QStringLiteral("loop-b.txt"));
    const QString dangling = dir.filePath(QStringLiteral("dangling.txt"));
    REQUIRE(QFile::link(QStringLiteral("loop-b.txt"), a));
    REQUIRE(QFile::link(QStringLiteral("loop-a.txt"), b));
    REQUIRE(QFile::link(QStringLiteral("gone.txt"), dangling));
    QList<import::ImportProblem> refused;
    CHECK(import::collectFiles({a, dangling}, refused).isEmpty());
    REQUIRE(refused.size() == 2);
    CHECK(refused.at(0).reason == QStringLiteral("a loop of symbolic links"));
    CHECK(refused.at(1).reason == QStringLiteral("a symbolic link to nothing"));
}

TEST_CASE("an article another process stores while this import waits for the lock counts as a duplicate",
    "[import][importer][concurrency]")
{
    // What the file becomes, learnt from an import into a project of its own.
    const QByteArray file = newsText(3);
    model::Article article;
    {
        test::TempProject scratch;
        const ImportReport r = scratch.project().imports().importFiles({{QStringLiteral("story.txt"), file}});
        REQUIRE(r.articleIds.size() == 1);
        article = *scratch.project().store().articles().get(r.articleIds.first());
        article.id = 0;
    }
    test::TempProject tp;
    auto other = Project::open(tp.path());
    REQUIRE(other.project);
    // The other process holds the write lock with the same article stored, not yet committed: the
    // import finds no such article, waits for the lock, and gets it once the other commits.
    std::optional<storage::sqlite::Transaction> held;
    held.emplace(gloss::test::sqliteDb(*other.project));
    other.project->store().articles().insert(article);
    std::thread committer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        held->commit();
    });
    const ImportReport report = tp.project().imports().importFiles({{QStringLiteral("story.txt"), file}});
    committer.join();
    for (const import::ImportProblem &p : report.refused)
        WARN(p.text().toStdString());
    CHECK(report.refused.isEmpty());
    CHECK(report.duplicates == 1);
    CHECK(report.imported == 0);
    CHECK(tp.project().store().articles().count() == 1);
}
