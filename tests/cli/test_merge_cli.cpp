// gloss merge and gloss split: two coders' copies brought together, a copy handed out.
#include "support/glossprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

Run coderRun(const QString &coder, const QStringList &args, const QString &project)
{
    return runGloss(QStringList{s("--coder"), coder} + args, project);
}

} // namespace

TEST_CASE("gloss merge brings two coders' copies together once, and gloss split hands a copy out", "[cli][merge]")
{
    QTemporaryDir dir;
    const QString texts = dir.filePath(s("texts"));
    QDir().mkpath(texts);
    for (int i = 1; i <= 3; ++i)
        write(QStringLiteral("%1/a%2.txt").arg(texts).arg(i),
            QStringLiteral("Talks %1\n\nJune 0%1, 2018\n\nThe minister met the envoy in Doha on Tuesday.\n")
                .arg(i)
                .toUtf8());
    const QString base = dir.filePath(s("study.gloss"));
    Run r = runGloss({s("import"), texts}, base);
    REQUIRE(r.code == 0);
    const QString ann = dir.filePath(s("ann.gloss"));
    const QString ben = dir.filePath(s("ben.gloss"));
    REQUIRE(runGloss({s("split"), s("-o"), ann}, base).code == 0);
    REQUIRE(runGloss({s("split"), s("-o"), ben}, base).code == 0);

    r = coderRun(s("ann"),
        {s("highlight"), s("add"), s("--article"), s("1"), s("--start"), s("4"), s("--end"), s("12"), s("--tag"),
            s("Actors > Officials")},
        ann);
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    REQUIRE(coderRun(s("ann"), {s("done"), s("1"), s("2")}, ann).code == 0);
    REQUIRE(coderRun(s("ben"),
                {s("highlight"), s("add"), s("--article"), s("2"), s("--start"), s("30"), s("--end"), s("34"),
                    s("--tag"), s("Places"), s("--note"), s("the capital")},
                ben)
                .code
        == 0);

    r = runGloss({s("merge"), ann, ben, s("--format"), s("json")}, base);
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QJsonArray results = QJsonDocument::fromJson(r.out.toUtf8()).array();
    REQUIRE(results.size() == 2);
    CHECK(results.at(0)[s("highlights_added")].toInt() == 1);
    CHECK(results.at(0)[s("done_marks")].toInt() == 2);
    CHECK(results.at(0)[s("tags_created")].toInt() == 2);
    CHECK(results.at(0)[s("coders")].toArray() == QJsonArray{s("ann")});
    CHECK(results.at(1)[s("highlights_added")].toInt() == 1);
    CHECK(results.at(1)[s("articles")].toInt() == 3);
    CHECK(results.at(1)[s("backup")].toString().contains(s("before-merge")));

    r = runGloss({s("show"), s("2"), s("--format"), s("json")}, base);
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
    REQUIRE(shown[s("highlights")].toArray().size() == 1);
    CHECK(shown[s("highlights")].toArray().at(0)[s("coder")] == s("ben"));
    CHECK(shown[s("highlights")].toArray().at(0)[s("note")] == s("the capital"));
    CHECK(shown[s("highlights")].toArray().at(0)[s("text")] == s("Doha"));

    // Again: nothing changes.
    r = runGloss({s("merge"), ann, ben}, base);
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(s("already")));
    const QString exported = runGloss({s("export"), s("--layout"), s("highlights")}, base).out;
    CHECK(exported.count(u'\n') == 3); // the header and two highlights

    // A file that is not a project: refused, exit 1, the project unchanged.
    const QString notes = dir.filePath(s("notes.gloss"));
    write(notes, "my notes");
    r = runGloss({s("merge"), notes}, base);
    CHECK(r.code == 1);
    CHECK(r.err.contains(notes + s(": not a Gloss project")));
    CHECK(runGloss({s("export"), s("--layout"), s("highlights")}, base).out == exported);
    CHECK(runGloss({s("merge")}, base).code == 2);

    // Split: no coding, or one coder's.
    const QString blank = dir.filePath(s("new.gloss"));
    r = runGloss({s("split"), s("-o"), blank}, base);
    REQUIRE(r.code == 0);
    CHECK(r.out == blank + s(": 3 articles, 3 tags; no coding\n"));
    CHECK(runGloss({s("export"), s("--layout"), s("highlights")}, blank).out.count(u'\n') == 1);
    r = runGloss({s("split"), s("-o"), blank}, base);
    CHECK(r.code == 1);
    CHECK(r.err.contains(s("the file exists")));
    r = coderRun(s("ann"), {s("split"), s("-o"), blank, s("--force")}, base);
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(s("ann's 1 highlight, 0 article notes, 0 article tags, 2 done marks")));
    const QString annOnly = runGloss({s("export"), s("--layout"), s("highlights")}, blank).out;
    CHECK(annOnly.count(u'\n') == 2);
    CHECK_FALSE(annOnly.contains(s("the capital")));
}

TEST_CASE("merging seven coders' files at once takes one backup, from before the first", "[cli][merge]")
{
    QTemporaryDir dir;
    const QString texts = dir.filePath(s("texts"));
    QDir().mkpath(texts);
    write(texts + s("/a1.txt"), "Talks\n\nJune 01, 2018\n\nThe minister met the envoy in Doha on Tuesday.\n");
    const QString base = dir.filePath(s("study.gloss"));
    REQUIRE(runGloss({s("import"), texts}, base).code == 0);
    // More files than the rotation keeps backups taken before an operation (5).
    QStringList files;
    for (int i = 1; i <= 7; ++i) {
        const QString coder = QStringLiteral("coder%1").arg(i);
        const QString file = dir.filePath(coder + s(".gloss"));
        REQUIRE(runGloss({s("split"), s("-o"), file}, base).code == 0);
        REQUIRE(coderRun(coder,
                    {s("highlight"), s("add"), s("--article"), s("1"), s("--start"), QString::number(i), s("--end"),
                        s("12")},
                    file)
                    .code
            == 0);
        files.append(file);
    }
    const Run r = runGloss(QStringList{s("merge")} + files + QStringList{s("--format"), s("json")}, base);
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    const QJsonArray results = QJsonDocument::fromJson(r.out.toUtf8()).array();
    REQUIRE(results.size() == 7);
    const QString backup = results.at(0)[s("backup")].toString();
    CHECK(backup.contains(s("before-merge")));
    for (const QJsonValue &result : results)
        CHECK(result[s("backup")].toString() == backup);
    const QStringList merges = QDir(base + s(".backups")).entryList({s("*before-merge*.gloss")}, QDir::Files);
    CHECK(merges.size() == 1);
    REQUIRE(QFile::exists(backup));
    // The copy is the project as it was before any of the seven: no highlight in it.
    CHECK(runGloss({s("export"), s("--layout"), s("highlights")}, backup).out.count(u'\n') == 1);
    CHECK(runGloss({s("export"), s("--layout"), s("highlights")}, base).out.count(u'\n') == 8);
}
