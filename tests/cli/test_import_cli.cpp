// gloss import on the command line: refusals on stderr, the summary on stdout, the exit status.
#include "support/glossprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("gloss import on a mixed folder imports the good, names the bad and exits 1", "[cli][import]")
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in"));
    writeFile(in + QStringLiteral("/03-us-wants-pakistan.txt"),
        "Tuesday September 26, 2023\n\nUS wants Pakistan, allies help impose Taliban ceasefire\n\nJune 09, 2018\n\n"
        "WASHINGTON: The Trump administration seeks support from Pakistan.\n");
    writeFile(in + QStringLiteral("/page.html"),
        "<html><head><meta property=\"og:title\" content=\"Eid truce holds\">"
        "<meta property=\"article:published_time\" content=\"2018-06-17T10:32:00+04:30\"></head>"
        "<body><nav>Home</nav><article><p>KABUL, Afghanistan (Reuters) - Fighters "
        "embraced.</p></article></body></html>");
    writeFile(in + QStringLiteral("/binary.dat"), QByteArray("GIF89a\x00\x01\x00\x01", 10));
    writeFile(in + QStringLiteral("/empty.txt"), QByteArray());
    writeFile(in + QStringLiteral("/feed.jsonl"),
        "{\"headline\": \"Wire one\", \"text\": \"BRUSSELS \xE2\x80\x94 One.\", \"published\": \"2018-07-17\"}\n"
        "{\"headline\": \"Wire two\", \"text\": \n");
    writeFile(in + QStringLiteral("/cp1252.txt"),
        "Olive growers march\r\n\r\nJuly 16, 2018\r\n\r\n"
        "SEVILLE, Spain (Reuters) - \x93Our olives are not dumping\x94.\r\n");
    const QString project = dir.filePath(QStringLiteral("p.gloss"));

    const Run run = runGloss({QStringLiteral("import"), in}, project);
    CHECK(run.code == 1);
    CHECK(run.out == QStringLiteral("imported 4, duplicates 0, refused 3\n"));
    const QStringList errLines = run.err.split(u'\n', Qt::SkipEmptyParts);
    CHECK(errLines.contains(in + QStringLiteral("/binary.dat: not an article (looks like a GIF image)")));
    CHECK(errLines.contains(in + QStringLiteral("/empty.txt: empty file")));
    bool brokenLine = false;
    for (const QString &line : errLines)
        brokenLine = brokenLine || line.startsWith(in + QStringLiteral("/feed.jsonl: line 2: not valid JSON"));
    CHECK(brokenLine);
    CHECK(errLines.contains(in + QStringLiteral("/cp1252.txt: warning: decoded as Windows-1252 (not valid UTF-8)")));
    CHECK(errLines.size() == 4);

    const Run check = runGloss({QStringLiteral("check")}, project);
    CHECK(check.code == 0);

    const Run list
        = runGloss({QStringLiteral("articles"), QStringLiteral("--format"), QStringLiteral("json")}, project);
    REQUIRE(list.code == 0);
    const QJsonArray articles = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(articles.size() == 4);
    QHash<QString, QJsonObject> byTitle;
    for (const QJsonValue &v : articles)
        byTitle.insert(v.toObject().value(QStringLiteral("title")).toString(), v.toObject());
    const QJsonObject us = byTitle.value(QStringLiteral("US wants Pakistan, allies help impose Taliban ceasefire"));
    CHECK(us.value(QStringLiteral("published")).toString() == QStringLiteral("2018-06-09"));
    CHECK(us.value(QStringLiteral("retrieved")).toString() == QStringLiteral("2023-09-26"));
    CHECK(us.value(QStringLiteral("dateline")).toString() == QStringLiteral("WASHINGTON"));
    CHECK(us.value(QStringLiteral("path")).toString() == in + QStringLiteral("/03-us-wants-pakistan.txt"));
    CHECK(us.value(QStringLiteral("words")).toInt() == 8);
    const QJsonObject wire = byTitle.value(QStringLiteral("Wire one"));
    CHECK(wire.value(QStringLiteral("published")).toString() == QStringLiteral("2018-07-17"));
    CHECK(wire.value(QStringLiteral("retrieved")).isNull());
    CHECK(wire.value(QStringLiteral("dateline")).toString() == QStringLiteral("BRUSSELS"));
    CHECK(byTitle.value(QStringLiteral("Eid truce holds")).value(QStringLiteral("published")).toString()
        == QStringLiteral("2018-06-17"));
    CHECK(byTitle.contains(QStringLiteral("Olive growers march")));

    // Importing again: everything is a duplicate, the same files are refused again.
    const Run again = runGloss({QStringLiteral("import"), in}, project);
    CHECK(again.code == 1);
    CHECK(again.out == QStringLiteral("imported 0, duplicates 4, refused 3\n"));
}

TEST_CASE("gloss import of the sample corpus exits 0, missing paths and no paths are errors", "[cli][import]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gloss"));
    const Run run
        = runGloss({QStringLiteral("import"), QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples")}, project);
    CHECK(run.code == 0);
    CHECK(run.out == QStringLiteral("imported 34, duplicates 0, refused 0\n"));
    CHECK(runGloss({QStringLiteral("check")}, project).code == 0);

    const QString missing = dir.filePath(QStringLiteral("nowhere.txt"));
    const Run nothing = runGloss({QStringLiteral("import"), missing}, project);
    CHECK(nothing.code == 1);
    CHECK(nothing.err == missing + QStringLiteral(": no such file or folder\n"));
    CHECK(nothing.out == QStringLiteral("imported 0, duplicates 0, refused 1\n"));

    const Run usage = runGloss({QStringLiteral("import")}, project);
    CHECK(usage.code == 2);
    const Run badSize
        = runGloss({QStringLiteral("import"), QStringLiteral("--max-size"), QStringLiteral("lots"), missing}, project);
    CHECK(badSize.code == 2);
}
