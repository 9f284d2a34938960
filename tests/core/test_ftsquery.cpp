#include "search/ftsquery.h"
#include "search/snippet.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

using gloss::search::toFtsQuery;
using gloss::search::toTsQuery;

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

TEST_CASE("hostile search text is never FTS5 syntax", "[search][engines]")
{
    gloss::test::TempProject tp;
    tp.addArticle(QStringLiteral("Talks in Kabul"),
        QStringLiteral("The State Department said talks in Kabul resumed (www.state.gov)."));
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
        QStringLiteral("kabul' & !'rain"),
        QStringLiteral("a\\' | b"),
        QStringLiteral("kabul <-> rain"),
        QStringLiteral("kabul:A"),
        QStringLiteral("!kabul"),
        QStringLiteral("kabul & | !"),
        QStringLiteral("\\"),
    };
    for (const QString &q : hostile) {
        gloss::model::ArticleFilter f;
        f.search = q;
        CHECK_NOTHROW(articles.count(f));
    }
    // Queries made of the characters each engine's syntax gives a meaning: none is an error.
    const QString alphabet = QStringLiteral("ab kabul\"'\\&|!:*()<->-^NOTOR.,🎉é\t");
    quint32 seed = 2026;
    for (int i = 0; i < 200; ++i) {
        QString q;
        const int length = 1 + int(i % 17);
        for (int k = 0; k < length; ++k) {
            seed = seed * 1664525u + 1013904223u; // a fixed sequence, the same on every run
            q += alphabet.at(qsizetype((seed >> 8) % quint32(alphabet.size())));
        }
        if (q.back().isHighSurrogate())
            q.chop(1);
        gloss::model::ArticleFilter f;
        f.search = q;
        INFO(q.toStdString());
        CHECK_NOTHROW(articles.count(f));
        CHECK_NOTHROW(articles.search(f, 5));
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
    f.search = QStringLiteral("gov"); // words as FTS5 cuts them, a host name too
    CHECK(articles.count(f) == 1);
    f.search = QStringLiteral("state.gov");
    CHECK(articles.count(f) == 1);
    f.search = QStringLiteral("o'neill");
    CHECK(articles.count(f) == 0);
    f.search = QStringLiteral("kabul 🎉"); // a term of no word matches nothing
    CHECK(articles.count(f) == 0);
    f.search = QStringLiteral("kabul OR 🎉");
    CHECK(articles.count(f) == 1);
    f.search = QStringLiteral("kabul -🎉");
    CHECK(articles.count(f) == 1);
    CHECK(articles.count({}) == 2);
}

TEST_CASE("search text becomes a PostgreSQL tsquery of quoted words", "[search]")
{
    CHECK(toTsQuery(QStringLiteral("taliban ceasefire")) == QStringLiteral("'taliban' & 'ceasefire'"));
    CHECK(toTsQuery(QStringLiteral("\"State Department\"")) == QStringLiteral("'State Department'"));
    CHECK(toTsQuery(QStringLiteral("pak*")) == QStringLiteral("'pak':*"));
    CHECK(toTsQuery(QStringLiteral("kabul OR islamabad")) == QStringLiteral("('kabul' | 'islamabad')"));
    CHECK(toTsQuery(QStringLiteral("a OR b c")) == QStringLiteral("('a' | 'b') & 'c'"));
    CHECK(toTsQuery(QStringLiteral("talks NOT ceasefire")) == QStringLiteral("('talks') & !('ceasefire')"));
    CHECK(
        toTsQuery(QStringLiteral("talks -ceasefire -truce")) == QStringLiteral("('talks') & !('ceasefire' | 'truce')"));
    CHECK(toTsQuery(QStringLiteral("São Paulo")) == QStringLiteral("'Sao' & 'Paulo'"));
    // What separates words for FTS5 separates them here: quotes, backslashes and operators typed
    // are never tsquery syntax.
    CHECK(toTsQuery(QStringLiteral("o'neill")) == QStringLiteral("'o neill'"));
    CHECK(toTsQuery(QStringLiteral("a\\b")) == QStringLiteral("'a b'"));
    CHECK(toTsQuery(QStringLiteral("a&b !c x:*")) == QStringLiteral("'a b' & 'c' & 'x':*"));
    CHECK(toTsQuery(QStringLiteral("example.com")) == QStringLiteral("'example com'"));
    CHECK(toTsQuery(QStringLiteral("   ")).isEmpty());
    CHECK(toTsQuery(QStringLiteral("NOT")).isEmpty());
    CHECK(toTsQuery(QStringLiteral("-nothing")).isEmpty()); // only a NOT: nothing to look for
    // A term with no letter or digit matches nothing, as FTS5's empty phrase.
    CHECK(toTsQuery(QStringLiteral("kabul 🎉")).isEmpty());
    CHECK(toTsQuery(QStringLiteral("kabul OR 🎉")) == QStringLiteral("'kabul'"));
    CHECK(toTsQuery(QStringLiteral("kabul -🎉")) == QStringLiteral("'kabul'"));
    CHECK(toTsQuery(QStringLiteral("𝐀lpha")) == QStringLiteral("'𝐀lpha'"));
    CHECK(toTsQuery(QString(QChar(0)) + QStringLiteral("kabul")) == QStringLiteral("'kabul'"));
}

TEST_CASE("diacritics come off Latin letters only, as the SQLite index folds them", "[search]")
{
    using gloss::search::foldDiacritics;
    CHECK(foldDiacritics(QStringLiteral("São Paulo, Zürich, Łódź, café"))
        == QStringLiteral("Sao Paulo, Zurich, Łodz, cafe"));
    CHECK(foldDiacritics(QStringLiteral("cafe\u0301")) == QStringLiteral("cafe")); // a combining accent
    CHECK(foldDiacritics(QStringLiteral("Москва й")) == QStringLiteral("Москва й")); // Cyrillic keeps its marks
    CHECK(foldDiacritics(QStringLiteral("🎉 plain")) == QStringLiteral("🎉 plain"));
}

TEST_CASE("a snippet is the passage of the body around the words found, as FTS5 cuts it", "[search]")
{
    using gloss::search::snippet;
    const QChar open(u'[');
    const QChar close(u']');
    // A short body is shown whole, the words found marked.
    CHECK(snippet(QStringLiteral("Rain fell on São Paulo."), QStringLiteral("sao paulo"), open, close)
        == QStringLiteral("Rain fell on [São] [Paulo]."));
    CHECK(snippet(QStringLiteral("Rain fell on São Paulo."), QStringLiteral("\"sao paulo\""), open, close)
        == QStringLiteral("Rain fell on [São Paulo]."));
    CHECK(snippet(QStringLiteral("Talks resumed; talking helps."), QStringLiteral("talk*"), open, close)
        == QStringLiteral("[Talks] resumed; [talking] helps."));
    CHECK(snippet(QStringLiteral("Talks resumed."), QStringLiteral("talks -resumed"), open, close)
        == QStringLiteral("[Talks] resumed."));
    // A long body: a window of 24 words around the match, cut with '…'.
    QStringList words;
    for (int i = 1; i <= 60; ++i)
        words.append(QStringLiteral("w%1").arg(i));
    words[39] = QStringLiteral("ceasefire");
    const QString body = words.join(u' ');
    CHECK(snippet(body, QStringLiteral("ceasefire"), open, close)
        == QStringLiteral(
            "…w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 [ceasefire] w41 w42 w43 w44 w45 w46 w47 w48 w49 "
            "w50 w51 w52…"));
    // No match in the body (the title matched): the beginning of the body.
    CHECK(snippet(body, QStringLiteral("elsewhere"), open, close)
        == QStringLiteral("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24…"));
}

TEST_CASE("search hits show the same snippet on every engine", "[search][engines]")
{
    gloss::test::TempProject tp;
    QStringList words;
    for (int i = 1; i <= 60; ++i)
        words.append(QStringLiteral("w%1").arg(i));
    words[9] = QStringLiteral("end. Talks");
    words[39] = QStringLiteral("ceasefire");
    words[45] = QStringLiteral("Ceasefire");
    const qint64 longer = tp.addArticle(QStringLiteral("Long"), words.join(u' '));
    const qint64 shorter = tp.addArticle(
        QStringLiteral("Ceasefire in Zürich"), QStringLiteral("A ceasefire, at last: talks in Zürich."));
    tp.addArticle(QStringLiteral("Other"), QStringLiteral("Nothing here."));
    auto &articles = tp.project().store().articles();
    gloss::model::ArticleFilter f;
    f.search = QStringLiteral("ceasefire zurich");
    auto hits = articles.search(f, 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits.at(0).id == shorter);
    CHECK(hits.at(0).snippet == QStringLiteral("A ceasefire, at last: talks in Zürich."));
    REQUIRE(hits.at(0).matches.size() == 2);
    CHECK(hits.at(0).matches.at(0) == std::pair<qsizetype, qsizetype>(2, 11));
    CHECK(hits.at(0).matches.at(1) == std::pair<qsizetype, qsizetype>(31, 37));

    f.search = QStringLiteral("ceasefire OR talks");
    hits = articles.search(f, 10);
    REQUIRE(hits.size() == 2);
    QString longSnippet;
    for (const auto &h : std::as_const(hits))
        if (h.id == longer)
            longSnippet = h.snippet;
    CHECK(longSnippet
        == QStringLiteral("…Talks w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 "
                          "w32 w33…"));
}
