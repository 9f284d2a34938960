#include "search/ftsquery.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

using gloss::search::toFtsQuery;

TEST_CASE("search text becomes quoted FTS5 terms", "[search]")
{
    CHECK(toFtsQuery(QStringLiteral("taliban ceasefire")) == QStringLiteral("\"taliban\" AND \"ceasefire\""));
    CHECK(toFtsQuery(QStringLiteral("\"State Department\"")) == QStringLiteral("\"State Department\""));
    CHECK(toFtsQuery(QStringLiteral("pak*")) == QStringLiteral("\"pak\"*"));
    CHECK(toFtsQuery(QStringLiteral("kabul OR islamabad")) == QStringLiteral("(\"kabul\" OR \"islamabad\")"));
    CHECK(toFtsQuery(QStringLiteral("talks NOT ceasefire")) == QStringLiteral("(\"talks\") NOT (\"ceasefire\")"));
    CHECK(toFtsQuery(QStringLiteral("talks -ceasefire")) == QStringLiteral("(\"talks\") NOT (\"ceasefire\")"));
    CHECK(toFtsQuery(QStringLiteral("   ")).isEmpty());
    CHECK(toFtsQuery(QStringLiteral("NOT")).isEmpty());
}

TEST_CASE("hostile search text is never FTS5 syntax", "[search]")
{
    gloss::test::TempProject tp;
    tp.addArticle(
        QStringLiteral("Talks in Kabul"), QStringLiteral("The State Department said talks in Kabul resumed."));
    tp.addArticle(QStringLiteral("Floods"), QStringLiteral("Rain fell on São Paulo for a week."));
    auto &articles = tp.project().store().articles();
    const QStringList hostile = {
        QStringLiteral("\""),
        QStringLiteral("title:kabul"),
        QStringLiteral("NEAR(a b)"),
        QStringLiteral("a AND"),
        QStringLiteral("*"),
        QStringLiteral("^kabul"),
        QStringLiteral("'); DROP TABLE articles; --"),
        QStringLiteral("(((("),
        QStringLiteral("OR OR"),
        QStringLiteral("\"unclosed phrase"),
    };
    for (const QString &q : hostile) {
        gloss::model::ArticleFilter f;
        f.search = q;
        CHECK_NOTHROW(articles.count(f));
    }
    gloss::model::ArticleFilter f;
    f.search = QStringLiteral("\"state department\"");
    CHECK(articles.count(f) == 1);
    f.search = QStringLiteral("sao paulo"); // diacritics folded
    CHECK(articles.count(f) == 1);
    f.search = QStringLiteral("kab*");
    CHECK(articles.count(f) == 1);
    f.search = QStringLiteral("kabul OR rain");
    CHECK(articles.count(f) == 2);
    f.search = QStringLiteral("talks NOT rain");
    CHECK(articles.count(f) == 1);
    f.search = QStringLiteral("title:kabul");
    CHECK(articles.count(f) == 0); // the phrase "title kabul", not FTS5's column filter
    CHECK(articles.count({}) == 2);
}
