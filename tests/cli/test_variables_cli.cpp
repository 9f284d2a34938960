#include "support/glossprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return path;
}

} // namespace

TEST_CASE("a CSV's extra columns become variables that filter, export and round-trip", "[cli][variables]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gloss"));
    const QString csv = writeFile(dir, QStringLiteral("corpus.csv"),
        "title,body,date,Section,page\n"
        "Summit ends,Leaders met in Paris on Monday.,2024-01-02,World,A1\n"
        "Cup final,The final was played in Rome.,2024-01-03,Sport,B4\n"
        "Weather,Rain all day.,2024-01-04,world,C2\n");
    REQUIRE(runGloss({QStringLiteral("import"), csv}, project).code == 0);

    const Run names
        = runGloss({QStringLiteral("variables"), QStringLiteral("--format"), QStringLiteral("csv")}, project);
    REQUIRE(names.code == 0);
    // "World" and "world" are one value, as the filter takes them.
    CHECK(names.out.contains(QStringLiteral("section,3,2")));
    CHECK(names.out.contains(QStringLiteral("page,3,3")));

    // --var compares without case: "world" and "World" both match.
    const Run world = runGloss({QStringLiteral("articles"), QStringLiteral("--var"), QStringLiteral("section=WORLD"),
                                   QStringLiteral("--format"), QStringLiteral("json")},
        project);
    REQUIRE(world.code == 0);
    const QJsonArray rows = QJsonDocument::fromJson(world.out.toUtf8()).array();
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(0).toObject().value(QStringLiteral("variables")).toObject().value(QStringLiteral("page")).toString()
        == QStringLiteral("A1"));

    REQUIRE(runGloss({QStringLiteral("variables"), QStringLiteral("set"), QStringLiteral("2"), QStringLiteral("page"),
                         QStringLiteral("B5, late edition")},
                project)
                .code
        == 0);
    const Run bad = runGloss({QStringLiteral("variables"), QStringLiteral("set"), QStringLiteral("2"),
                                 QStringLiteral("bad name;"), QStringLiteral("x")},
        project);
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("bad_name")));
    const Run missing = runGloss({QStringLiteral("variables"), QStringLiteral("set"), QStringLiteral("99"),
                                     QStringLiteral("page"), QStringLiteral("x")},
        project);
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(QStringLiteral("99")));

    // The articles layout writes a var_ column per variable; importing it into a new project gives
    // the same variables back.
    const QString exported = dir.filePath(QStringLiteral("articles.csv"));
    REQUIRE(runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("articles"),
                         QStringLiteral("--with-body"), QStringLiteral("-o"), exported},
                project)
                .code
        == 0);
    QFile f(exported);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString header = QString::fromUtf8(f.readLine());
    CHECK(header.contains(QStringLiteral("var_page")));
    CHECK(header.contains(QStringLiteral("var_section")));

    const QString second = dir.filePath(QStringLiteral("second.gloss"));
    REQUIRE(runGloss({QStringLiteral("import"), exported}, second).code == 0);
    const Run shown = runGloss(
        {QStringLiteral("variables"), QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")}, second);
    REQUIRE(shown.code == 0);
    const QJsonObject vars = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    CHECK(vars.value(QStringLiteral("page")).toString() == QStringLiteral("B5, late edition"));
    CHECK(vars.value(QStringLiteral("section")).toString() == QStringLiteral("Sport"));
    // Computed export columns are not read back as variables.
    CHECK_FALSE(vars.contains(QStringLiteral("highlights")));
    CHECK_FALSE(vars.contains(QStringLiteral("words")));

    REQUIRE(
        runGloss({QStringLiteral("variables"), QStringLiteral("remove"), QStringLiteral("2"), QStringLiteral("page")},
            second)
            .code
        == 0);
    const Run after = runGloss(
        {QStringLiteral("variables"), QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")}, second);
    CHECK_FALSE(QJsonDocument::fromJson(after.out.toUtf8()).object().contains(QStringLiteral("page")));
}
