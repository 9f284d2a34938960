#include "interchange/exporter.h"
#include "interchange/layout.h"
#include "model/variables.h"
#include "operations/error.h"
#include "operations/imports.h"
#include "operations/interchange.h"
#include "operations/library.h"
#include "operations/project.h"
#include "storage/articlerepository.h"
#include "storage/store.h"
#include "support/operationchecks.h"
#include "support/tempproject.h"

#include <QBuffer>

#include <catch2/catch.hpp>

using gloss::model::ArticleFilter;
using gloss::model::Variables;
using gloss::operations::Area;
using gloss::operations::OperationError;

namespace {

using Pair = QPair<QString, QString>;

QString csvOf(gloss::Project &project, const ArticleFilter &filter = {}, bool withBody = false)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    gloss::interchange::ExportOptions options;
    options.layout = gloss::interchange::Layout::Articles;
    options.scope.filter = filter;
    options.withBody = withBody;
    const auto result = project.interchange().exportTo(buffer, options);
    REQUIRE(result.ok());
    return QString::fromUtf8(buffer.data());
}

QStringList lines(const QString &csv)
{
    return csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("a variable's name is stored lower case with '_' between words", "[model][variables]")
{
    using gloss::model::variableName;
    using gloss::model::variableNameProblem;
    CHECK(variableName(u"Section") == QStringLiteral("section"));
    CHECK(variableName(u"  Page Number: ") == QStringLiteral("page_number"));
    CHECK(variableName(u"var_Desk") == QStringLiteral("var_desk")); // the prefix is the importer's business
    CHECK(variableName(u"Région") == QStringLiteral("région"));
    CHECK(variableName(u"--") == QString());
    CHECK(variableNameProblem(QStringLiteral("section")).isEmpty());
    CHECK(variableNameProblem(QStringLiteral("Section")).contains(QStringLiteral("\"section\"")));
    CHECK_FALSE(variableNameProblem(QString()).isEmpty());
    CHECK_FALSE(variableNameProblem(QString(65, u'a')).isEmpty());
}

TEST_CASE("the extra columns of a CSV and the extra keys of JSON and front matter become variables",
    "[operations][variables][import][engines]")
{
    gloss::test::TempProject t;
    auto &imports = t.project().imports();
    const QByteArray csv = "title,body,date,Section,Page Number,words,var_desk\r\n"
                           "Storm,Wind closed the road.,2024-03-01,Weather,A3,999,Metro\r\n"
                           "Vote,The council voted.,2024-03-02,Politics,,5,\r\n";
    const QByteArray json = R"([{"headline":"Fleet back","text":"Boats returned.","language":"en","pages":[1,2]}])";
    const QByteArray markdown = "---\ntitle: Harbour\nsection: Local\nedition: \"late\"\n---\nThe harbour reopened.\n";
    const auto report = imports.importFiles(
        {{QStringLiteral("a.csv"), csv}, {QStringLiteral("b.json"), json}, {QStringLiteral("c.md"), markdown}});
    REQUIRE(report.imported == 4);
    REQUIRE(report.refused.isEmpty());

    auto &library = t.project().library();
    const auto idOf = [&](const QString &search) {
        ArticleFilter f;
        f.search = search;
        const auto ids = library.ids(f);
        REQUIRE(ids.size() == 1);
        return ids.first();
    };
    // In the source's order; "words" is a column Gloss computes, not a variable; "var_" is dropped.
    CHECK(library.variables(idOf(QStringLiteral("wind")))
        == Variables{Pair(QStringLiteral("section"), QStringLiteral("Weather")),
            Pair(QStringLiteral("page_number"), QStringLiteral("A3")),
            Pair(QStringLiteral("desk"), QStringLiteral("Metro"))});
    // Empty cells give no variable.
    CHECK(library.variables(idOf(QStringLiteral("council")))
        == Variables{Pair(QStringLiteral("section"), QStringLiteral("Politics"))});
    CHECK(library.variables(idOf(QStringLiteral("boats")))
        == Variables{Pair(QStringLiteral("language"), QStringLiteral("en")),
            Pair(QStringLiteral("pages"), QStringLiteral("1, 2"))});
    const auto harbour = library.article(idOf(QStringLiteral("harbour")));
    REQUIRE(harbour);
    CHECK(harbour->variables
        == Variables{Pair(QStringLiteral("section"), QStringLiteral("Local")),
            Pair(QStringLiteral("edition"), QStringLiteral("late"))});

    CHECK(library.variableNames()
        == QStringList{QStringLiteral("desk"), QStringLiteral("edition"), QStringLiteral("language"),
            QStringLiteral("page_number"), QStringLiteral("pages"), QStringLiteral("section")});
    const auto sections = library.variableValueCounts(QStringLiteral("section"));
    CHECK(sections
        == QList<QPair<QString, qint64>>{
            {QStringLiteral("Local"), 1}, {QStringLiteral("Politics"), 1}, {QStringLiteral("Weather"), 1}});
}

TEST_CASE("a CSV of 300 extra columns keeps the first 100 as variables and says so once a line",
    "[operations][variables][import][engines]")
{
    gloss::test::TempProject t;
    QByteArray header = "title,body";
    QByteArray row = "Wide,A body.";
    for (int i = 0; i < 300; ++i) {
        header += ",c" + QByteArray::number(i);
        row += ",v" + QByteArray::number(i);
    }
    const auto report = t.project().imports().importFiles({{QStringLiteral("wide.csv"), header + "\n" + row + "\n"}});
    REQUIRE(report.imported == 1);
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings.first().reason.contains(QStringLiteral("more than 100 extra fields")));
    const auto ids = t.project().library().ids({});
    const Variables kept = t.project().library().variables(ids.first());
    CHECK(kept.size() == 100);
    CHECK(kept.last() == Pair(QStringLiteral("c99"), QStringLiteral("v99")));
}

TEST_CASE(
    "setting variables is one undoable write that validates and tells the views", "[operations][variables][engines]")
{
    gloss::test::TempProject t;
    const qint64 id = t.addArticle(QStringLiteral("Storm"), QStringLiteral("Wind closed the road."));
    auto &library = t.project().library();
    gloss::test::Heard heard(t.project());

    const auto set = library.setVariable(id, QStringLiteral("section"), QStringLiteral("Weather"));
    CHECK(heard.calls.size() == 1);
    CHECK(heard.calls.last().testFlag(Area::Variables));
    const auto page = library.setVariable(id, QStringLiteral("page"), QStringLiteral("A3"));
    const auto changed = library.setVariable(id, QStringLiteral("section"), QStringLiteral("Local"));
    // Changing a value keeps its place.
    CHECK(library.variables(id)
        == Variables{Pair(QStringLiteral("section"), QStringLiteral("Local")),
            Pair(QStringLiteral("page"), QStringLiteral("A3"))});

    const auto redo = t.project().revert(changed);
    CHECK(gloss::model::variableValue(library.variables(id), QStringLiteral("section")) == QStringLiteral("Weather"));
    t.project().revert(redo);
    CHECK(gloss::model::variableValue(library.variables(id), QStringLiteral("section")) == QStringLiteral("Local"));

    const auto removed = library.removeVariable(id, QStringLiteral("page"));
    CHECK(library.variables(id) == Variables{Pair(QStringLiteral("section"), QStringLiteral("Local"))});
    t.project().revert(removed);
    CHECK(library.variables(id).size() == 2);

    using Kind = OperationError::Kind;
    CHECK(gloss::test::errorOf([&] {
        library.setVariable(id, QStringLiteral("Page Number"), QStringLiteral("x"));
    }).kind()
        == Kind::InvalidInput);
    CHECK(gloss::test::errorOf([&] {
        library.setVariables(
            id, {Pair(QStringLiteral("a"), QStringLiteral("1")), Pair(QStringLiteral("a"), QStringLiteral("2"))});
    }).kind()
        == Kind::InvalidInput);
    CHECK(gloss::test::errorOf([&] {
        library.setVariable(id, QStringLiteral("abstract"), QString(gloss::model::MaxVariableValue + 1, u'x'));
    }).kind()
        == Kind::InvalidInput);
    CHECK(gloss::test::errorOf([&] { library.setVariable(id + 99, QStringLiteral("a"), QStringLiteral("1")); }).kind()
        == Kind::NotFound);
    CHECK(
        gloss::test::errorOf([&] { library.removeVariable(id, QStringLiteral("missing")); }).kind() == Kind::NotFound);
    // Refused writes changed nothing.
    CHECK(library.variables(id).size() == 2);
    (void)set;
    (void)page;
}

TEST_CASE("the list filters by variables, without letter case, and deleting an article takes its variables",
    "[operations][variables][engines]")
{
    gloss::test::TempProject t;
    const qint64 a = t.addArticle(QStringLiteral("A"), QStringLiteral("Alpha text."));
    const qint64 b = t.addArticle(QStringLiteral("B"), QStringLiteral("Beta text."));
    const qint64 c = t.addArticle(QStringLiteral("C"), QStringLiteral("Gamma text."));
    auto &library = t.project().library();
    library.setVariables(a,
        {Pair(QStringLiteral("section"), QStringLiteral("Business")),
            Pair(QStringLiteral("lang"), QStringLiteral("en"))});
    library.setVariables(b,
        {Pair(QStringLiteral("section"), QStringLiteral("business")),
            Pair(QStringLiteral("lang"), QStringLiteral("de"))});
    library.setVariables(c, {Pair(QStringLiteral("section"), QStringLiteral("Sport"))});

    ArticleFilter business;
    business.variables = {Pair(QStringLiteral("section"), QStringLiteral("BUSINESS"))};
    CHECK(library.ids(business) == QList<qint64>{a, b});
    business.variables.append(Pair(QStringLiteral("lang"), QStringLiteral("de")));
    CHECK(library.ids(business) == QList<qint64>{b});
    CHECK(library.count(business) == 1);
    CHECK(library.variableValues(QStringLiteral("lang"), {a, b, c})
        == QHash<qint64, QString>{{a, QStringLiteral("en")}, {b, QStringLiteral("de")}});

    t.project().store().articles().remove(c);
    CHECK(library.variableNames() == QStringList{QStringLiteral("lang"), QStringLiteral("section")});
    CHECK(library.variableValueCounts(QStringLiteral("section")).size() == 1); // Business and business: one value
}

TEST_CASE("the articles export has a var_ column per variable, and importing it gives the variables back",
    "[operations][variables][export]")
{
    gloss::test::TempProject t;
    const qint64 a = t.addArticle(QStringLiteral("Storm"), QStringLiteral("Wind closed the road."), QDate(2024, 3, 1));
    const qint64 b = t.addArticle(QStringLiteral("Vote"), QStringLiteral("The council voted."), QDate(2024, 3, 2));
    auto &library = t.project().library();
    library.setVariables(a,
        {Pair(QStringLiteral("section"), QStringLiteral("Weather")),
            Pair(QStringLiteral("page"), QStringLiteral("=A3"))});
    library.setVariables(b, {Pair(QStringLiteral("section"), QStringLiteral("Politics, local"))});

    const QStringList rows = lines(csvOf(t.project(), {}, true));
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(0)
        == QStringLiteral(
            "article_id,title,published,retrieved,dateline,source,url,words,tags,note,highlights,entities,"
            "var_page,var_section,body"));
    // The formula guard covers variables too; a comma is quoted.
    CHECK(rows.at(1).contains(QStringLiteral(",'=A3,Weather,Wind closed the road.")));
    CHECK(rows.at(2).contains(QStringLiteral(",,\"Politics, local\",The council voted.")));
    // Only the variables of the articles exported get a column.
    ArticleFilter vote;
    vote.search = QStringLiteral("council");
    CHECK(lines(csvOf(t.project(), vote)).at(0).endsWith(QStringLiteral("entities,var_section")));

    // A second project imports the export with the variables (the guard's quote is the export's,
    // so it is read back as written: "'=A3").
    gloss::test::TempProject other;
    const auto report = other.project().imports().importFiles(
        {{QStringLiteral("articles.csv"), csvOf(t.project(), {}, true).toUtf8()}});
    REQUIRE(report.imported == 2);
    ArticleFilter storm;
    storm.search = QStringLiteral("wind");
    const auto ids = other.project().library().ids(storm);
    REQUIRE(ids.size() == 1);
    CHECK(other.project().library().variables(ids.first())
        == Variables{Pair(QStringLiteral("page"), QStringLiteral("'=A3")),
            Pair(QStringLiteral("section"), QStringLiteral("Weather"))});
}

TEST_CASE("line ranges of a table are written and read back, and a hand-edited value never breaks the reader",
    "[model][variables]")
{
    using gloss::model::LineRanges;
    const LineRanges ranges{{4, 6}, {9, 9}, {12, 15}};
    CHECK(gloss::model::formatLineRanges(ranges) == QStringLiteral("4-6, 9, 12-15"));
    CHECK(gloss::model::parseLineRanges(QStringLiteral("4-6, 9, 12-15")) == ranges);
    CHECK(gloss::model::parseLineRanges(QStringLiteral("4 - 6,9")) == LineRanges{{4, 6}, {9, 9}});
    // Parts a researcher mistyped are skipped, the rest kept.
    CHECK(gloss::model::parseLineRanges(QStringLiteral("x, 7-3, 0, -2, 1-2-3, 8")) == LineRanges{{8, 8}});
    CHECK(gloss::model::parseLineRanges(QString()).isEmpty());
}
