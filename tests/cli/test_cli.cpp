#include "operations/entities.h"
#include "support/glossprocess.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using gloss::test::Run;

namespace {

Run glossRun(const QStringList &args, const QString &project = {})
{
    return gloss::test::runGloss(args, project);
}

} // namespace

TEST_CASE("gloss --version and --help", "[cli]")
{
    const Run v = glossRun({QStringLiteral("--version")});
    CHECK(v.code == 0);
    CHECK(v.out.trimmed() == QStringLiteral("gloss " GLOSS_VERSION));
    const Run h = glossRun({QStringLiteral("--help")});
    CHECK(h.code == 0);
    for (const char *command : {"import", "articles", "show", "highlight add", "check"})
        CHECK(h.out.contains(QStringLiteral("gloss ") + QString::fromUtf8(command)));
    const Run bad = glossRun({QStringLiteral("frobnicate")});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("unknown command")));
}

TEST_CASE("gloss check on a new project is clean, on a non-database fails untouched", "[cli]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gloss"));
    {
        auto opened = gloss::Project::open(project);
        REQUIRE(opened.project);
    }
    const Run ok = glossRun({QStringLiteral("check")}, project);
    CHECK(ok.code == 0);
    CHECK(ok.out.contains(QStringLiteral("clean")));

    const QString text = dir.filePath(QStringLiteral("text.gloss"));
    QFile f(text);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("just some text\n");
    f.close();
    const Run bad = glossRun({QStringLiteral("check")}, text);
    CHECK(bad.code == 1);
    CHECK(bad.err.trimmed().count(u'\n') == 0);
    CHECK(bad.err.contains(text));
    CHECK(bad.err.contains(QStringLiteral("not an SQLite database")));
    f.open(QIODevice::ReadOnly);
    CHECK(f.readAll() == QByteArray("just some text\n"));
}

TEST_CASE("highlight add, show --format json and articles on articles inserted through core", "[cli][engines]")
{
    gloss::test::TempProject tp;
    const QString body = QStringLiteral("Fans posted 😀 and 🇵🇰 as Núñez arrived in Zürich.");
    const qint64 id = tp.addArticle(QStringLiteral("Arrival"), body, QDate(2018, 6, 9), QStringLiteral("AFP"));
    tp.close();

    // "Núñez" starts after 2 emoji-ish sequences: offsets are code points.
    const qsizetype startUtf16 = body.indexOf(QStringLiteral("Núñez"));
    const qint64 start = gloss::text::toCodePoints(body, startUtf16);
    const Run add = glossRun(
        {QStringLiteral("highlight"), QStringLiteral("add"), QStringLiteral("--article"), QString::number(id),
            QStringLiteral("--start"), QString::number(start), QStringLiteral("--end"), QString::number(start + 5),
            QStringLiteral("--tag"), QStringLiteral("Actors > Officials"), QStringLiteral("--tag"),
            QStringLiteral("Arrival"), QStringLiteral("--note"), QStringLiteral("who arrives\nand when")},
        tp.path());
    REQUIRE(add.code == 0);
    const qint64 highlightId = add.out.trimmed().toLongLong();
    CHECK(highlightId > 0);

    const Run show = glossRun(
        {QStringLiteral("show"), QString::number(id), QStringLiteral("--format"), QStringLiteral("json")}, tp.path());
    REQUIRE(show.code == 0);
    const QJsonObject obj = QJsonDocument::fromJson(show.out.toUtf8()).object();
    CHECK(obj.value(QStringLiteral("title")).toString() == QStringLiteral("Arrival"));
    CHECK(obj.value(QStringLiteral("published")).toString() == QStringLiteral("2018-06-09"));
    CHECK(obj.value(QStringLiteral("retrieved")).isNull());
    CHECK(obj.value(QStringLiteral("body")).toString() == body);
    const QJsonArray hl = obj.value(QStringLiteral("highlights")).toArray();
    REQUIRE(hl.size() == 1);
    const QJsonObject h = hl.first().toObject();
    CHECK(h.value(QStringLiteral("id")).toInteger() == highlightId);
    CHECK(h.value(QStringLiteral("start")).toInteger() == start);
    CHECK(h.value(QStringLiteral("end")).toInteger() == start + 5);
    CHECK(h.value(QStringLiteral("text")).toString() == QStringLiteral("Núñez"));
    CHECK(h.value(QStringLiteral("note")).toString() == QStringLiteral("who arrives\nand when"));
    const QJsonArray tags = h.value(QStringLiteral("tags")).toArray();
    REQUIRE(tags.size() == 2);
    CHECK(tags.at(0).toString() == QStringLiteral("Actors > Officials"));
    CHECK(tags.at(1).toString() == QStringLiteral("Arrival"));

    const Run list
        = glossRun({QStringLiteral("articles"), QStringLiteral("--format"), QStringLiteral("json")}, tp.path());
    REQUIRE(list.code == 0);
    const QJsonArray articles = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(articles.size() == 1);
    CHECK(articles.first().toObject().value(QStringLiteral("source")).toString() == QStringLiteral("AFP"));
    CHECK(articles.first().toObject().value(QStringLiteral("words")).toInt() > 5);

    const Run outside = glossRun(
        {QStringLiteral("highlight"), QStringLiteral("add"), QStringLiteral("--article"), QString::number(id),
            QStringLiteral("--start"), QStringLiteral("40"), QStringLiteral("--end"), QStringLiteral("400")},
        tp.path());
    CHECK(outside.code == 1);
    CHECK(outside.err.contains(QStringLiteral("not inside")));
    const Run missing
        = glossRun({QStringLiteral("highlight"), QStringLiteral("add"), QStringLiteral("--start"), QStringLiteral("1")},
            tp.path());
    CHECK(missing.code == 2);
    if (!gloss::test::onPostgres()) { // gloss check reads a project file (the checker is SQLite's)
        const Run check = glossRun({QStringLiteral("check")}, tp.path());
        CHECK(check.code == 0);
    }
}

TEST_CASE("a first argument naming a .gloss file is the project, as a double-click gives it", "[cli]")
{
    gloss::test::TempProject tp;
    tp.addArticle(QStringLiteral("Floods in Sindh"), QStringLiteral("Rain fell for a week."), QDate(2022, 8, 25));
    tp.close();

    const Run list
        = glossRun({tp.path(), QStringLiteral("articles"), QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(list.code == 0);
    CHECK(list.out.contains(QStringLiteral("Floods in Sindh")));
    const Run check = glossRun({tp.path(), QStringLiteral("check")});
    CHECK(check.code == 0);
    CHECK(check.out.startsWith(tp.path() + QStringLiteral(": clean (1 article, ")));

    // Only a .gloss file is taken for a project; anything else is still an unknown command.
    const QString other = tp.dir() + QStringLiteral("/notes.txt");
    const Run bad = glossRun({other, QStringLiteral("check")});
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("unknown command")));
}

TEST_CASE("gloss entities lists the project's entities and an article's spans in code points", "[cli][engines]")
{
    gloss::test::TempProject tp;
    const QString body
        = QStringLiteral("WASHINGTON: Fans posted 😀 as Secretary of State Mike Pompeo met officials from "
                         "the U.S. and Pakistan. Pompeo left.");
    const qint64 id = tp.addArticle(QStringLiteral("Visit"), body, QDate(2018, 6, 9));
    tp.project().entities().extract(*tp.project().store().articles().get(id));
    tp.close();

    const Run json = glossRun({QStringLiteral("entities"), QStringLiteral("--article"), QString::number(id),
                                  QStringLiteral("--format"), QStringLiteral("json")},
        tp.path());
    REQUIRE(json.code == 0);
    const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QJsonObject pompeo;
    for (const QJsonValue &v : list)
        if (v.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Mike Pompeo"))
            pompeo = v.toObject();
    REQUIRE_FALSE(pompeo.isEmpty());
    CHECK(pompeo.value(QStringLiteral("type")).toString() == QStringLiteral("person"));
    CHECK(pompeo.value(QStringLiteral("mentions")).toInt() == 2);
    CHECK(pompeo.value(QStringLiteral("articles")).toInt() == 1);
    CHECK(pompeo.value(QStringLiteral("aliases")).toArray().contains(QStringLiteral("Pompeo")));
    CHECK(pompeo.value(QStringLiteral("id")).toInteger() > 0);
    const QJsonArray spans = pompeo.value(QStringLiteral("spans")).toArray();
    REQUIRE(spans.size() == 2);
    const qint64 start = spans.at(0).toArray().at(0).toInteger();
    const qint64 end = spans.at(0).toArray().at(1).toInteger();
    CHECK(gloss::text::sliceCodePoints(body, start, end) == QStringLiteral("Mike Pompeo"));
    CHECK(start == gloss::text::toCodePoints(body, body.indexOf(QStringLiteral("Mike Pompeo"))));

    const Run all
        = glossRun({QStringLiteral("entities"), QStringLiteral("--format"), QStringLiteral("csv")}, tp.path());
    REQUIRE(all.code == 0);
    CHECK(all.out.startsWith(QStringLiteral("id,type,name,mentions,articles,aliases")));
    CHECK(all.out.contains(QStringLiteral("place,United States,1,1,")));
    const Run table = glossRun({QStringLiteral("entities")}, tp.path());
    CHECK(table.code == 0);
    CHECK(table.out.contains(QStringLiteral("Pakistan")));
    CHECK(
        glossRun({QStringLiteral("entities"), QStringLiteral("--article"), QStringLiteral("x")}, tp.path()).code == 2);
    CHECK(
        glossRun({QStringLiteral("entities"), QStringLiteral("--article"), QStringLiteral("99")}, tp.path()).code == 1);
}

// SQLite only: gloss check reads the project file.
TEST_CASE("gloss check finds every stored mention at its code point span", "[cli]")
{
    gloss::test::TempProject tp;
    const QString body
        = QStringLiteral("WASHINGTON: Fans posted 😀 as Secretary of State Mike Pompeo met officials from "
                         "the U.S. and Pakistan. Pompeo left.");
    const qint64 id = tp.addArticle(QStringLiteral("Visit"), body, QDate(2018, 6, 9));
    tp.project().entities().extract(*tp.project().store().articles().get(id));
    REQUIRE(tp.project().entities().articleMentions(id).size() >= 4);
    tp.close();
    const Run check = glossRun({QStringLiteral("check")}, tp.path());
    CHECK(check.code == 0);
    CHECK(check.out.contains(QStringLiteral("clean")));
}
