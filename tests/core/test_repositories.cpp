#include "storage/error.h"
#include "storage/sqlite/checker.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

using gloss::storage::StorageError;

TEST_CASE("the codebook is a tree with paths, merges and moves", "[storage][tags]")
{
    gloss::test::TempProject tp;
    auto &tags = tp.project().store().tags();
    const qint64 actors = tags.create(QStringLiteral("Actors"));
    const qint64 state = tags.create(QStringLiteral("State"), actors);
    const qint64 gov = tags.create(QStringLiteral("Government"), actors);
    CHECK(tags.path(state) == QStringLiteral("Actors > State"));
    CHECK(tags.find(QStringLiteral("Actors > State")) == state);
    CHECK(tags.find(QStringLiteral("State")) == state);
    CHECK_THROWS_AS(tags.create(QStringLiteral("State"), actors), StorageError);
    CHECK_THROWS_AS(tags.move(actors, state), StorageError); // under its own child
    CHECK(tags.ensure(QStringLiteral("Actors > State")) == state);
    const qint64 created = tags.ensure(QStringLiteral("Frames > Security"));
    CHECK(tags.path(created) == QStringLiteral("Frames > Security"));

    const qint64 article = tp.addArticle(QStringLiteral("A"), QStringLiteral("The government and the state agreed."));
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 4;
    h.end = 14;
    h.tagIds = {gov};
    tp.project().store().highlights().add(h);
    tags.merge(gov, state);
    CHECK_FALSE(tags.get(gov));
    CHECK(tp.project().store().highlights().get(h.id)->tagIds == QList<qint64>{state});
    const auto all = tags.all();
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto &t) { return t.id == state; });
    REQUIRE(it != all.end());
    CHECK(it->highlights == 1);
    CHECK(it->articles == 1);
    CHECK(all.first().id == actors); // parents before children
}

TEST_CASE("highlights keep their quote and context, notes are upserted", "[storage][highlights]")
{
    gloss::test::TempProject tp;
    const QString body = QStringLiteral("Crowds cheered 😀 as Núñez spoke in São Paulo on Thursday.");
    const qint64 article = tp.addArticle(QStringLiteral("Rally"), body);
    auto &hl = tp.project().store().highlights();
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 20; // "Núñez" in code points (the emoji is one)
    h.end = 25;
    hl.add(h);
    CHECK(h.quote == QStringLiteral("Núñez"));
    CHECK(h.prefix == QStringLiteral("Crowds cheered 😀 as "));
    CHECK(h.suffix.startsWith(QStringLiteral(" spoke in São Paulo")));
    hl.setNote(h.id, QStringLiteral("first"));
    hl.setNote(h.id, QStringLiteral("second"));
    CHECK(hl.note(h.id) == QStringLiteral("second"));
    hl.setNote(h.id, QString());
    CHECK(hl.note(h.id).isEmpty());
    hl.setArticleNote(article, QString(), QStringLiteral("about the rally"));
    CHECK(hl.articleNote(article, QString()) == QStringLiteral("about the rally"));
    hl.setArticleNote(article, QStringLiteral("ana"), QStringLiteral("Ana's own note"));
    CHECK(hl.articleNote(article, QString()) == QStringLiteral("about the rally"));
    CHECK(hl.articleNotes(article)
        == QList<std::pair<QString, QString>>{
            {QString(), QStringLiteral("about the rally")}, {QStringLiteral("ana"), QStringLiteral("Ana's own note")}});
    hl.setRange(h.id, 35, 44);
    CHECK(hl.get(h.id)->quote == QStringLiteral("São Paulo"));
    CHECK_THROWS_AS(hl.setRange(h.id, 50, 200), StorageError);
    CHECK(hl.get(h.id)->quote == QStringLiteral("São Paulo"));

    // remove and restore keeps the id, tags and note (what undo relies on)
    const qint64 tag = tp.project().store().tags().create(QStringLiteral("Place"));
    hl.addTag(h.id, tag);
    hl.setNote(h.id, QStringLiteral("city"));
    const auto saved = *hl.get(h.id);
    hl.remove(h.id);
    CHECK_FALSE(hl.get(h.id));
    hl.restore(saved);
    const auto back = hl.get(h.id);
    REQUIRE(back);
    CHECK(back->tagIds == QList<qint64>{tag});
    CHECK(back->note == QStringLiteral("city"));
    CHECK(gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(tp.project())).clean());
}

TEST_CASE("articles are filtered by tag, set, dates and search, and duplicates refused", "[storage][articles]")
{
    gloss::test::TempProject tp;
    auto &articles = tp.project().store().articles();
    const qint64 a
        = tp.addArticle(QStringLiteral("Ceasefire talks"), QStringLiteral("Talks in Kabul."), QDate(2018, 6, 9));
    const qint64 b = tp.addArticle(QStringLiteral("Floods"), QStringLiteral("Rain in São Paulo."), QDate(2018, 2, 1));
    tp.addArticle(QStringLiteral("Undated"), QStringLiteral("No date here."));
    CHECK_THROWS_AS(tp.addArticle(QStringLiteral("Floods"), QStringLiteral("Rain in São Paulo.")), StorageError);
    CHECK(articles.count() == 3);

    gloss::model::ArticleFilter f;
    f.from = QDate(2018, 3, 1);
    CHECK(articles.ids(f) == QList<qint64>{a});
    f = {};
    f.to = QDate(2018, 3, 1);
    CHECK(articles.ids(f) == QList<qint64>{b});

    const qint64 set = tp.project().store().sets().create(QStringLiteral("Afghanistan"));
    tp.project().store().sets().addArticles(set, {a});
    f = {};
    f.setId = set;
    CHECK(articles.ids(f) == QList<qint64>{a});

    const qint64 parent = tp.project().store().tags().create(QStringLiteral("Topics"));
    const qint64 child = tp.project().store().tags().create(QStringLiteral("Weather"), parent);
    articles.setArticleTags(b, QString(), {child});
    f = {};
    f.tagId = parent; // a parent tag selects its children's articles too
    CHECK(articles.ids(f) == QList<qint64>{b});

    // published order puts undated articles last
    const auto rows = articles.list({}, gloss::model::ArticleOrder::Published, true, 0, 10);
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(0).id == b);
    CHECK(rows.at(2).title == QStringLiteral("Undated"));
    CHECK(rows.at(0).tags == QStringLiteral("Weather"));

    articles.remove(a);
    CHECK(articles.count() == 2);
    CHECK(gloss::storage::sqlite::checkProject(gloss::test::sqliteDb(tp.project())).clean());
}

TEST_CASE(
    "search returns the best matches first, each with a snippet marking the words found", "[storage][search][engines]")
{
    gloss::test::TempProject tp;
    auto &articles = tp.project().store().articles();
    const qint64 once = tp.addArticle(QStringLiteral("Budget"),
        QStringLiteral("The council met. Ceasefire was not discussed at length by the mayor."), QDate(2018, 6, 9));
    const qint64 often = tp.addArticle(QStringLiteral("Ceasefire talks"),
        QStringLiteral("Ceasefire talks resumed; the ceasefire holds."), QDate(2018, 2, 1));
    tp.addArticle(QStringLiteral("Floods"), QStringLiteral("Rain in São Paulo."), QDate(2018, 3, 1));

    gloss::model::ArticleFilter f;
    f.search = QStringLiteral("ceasefire");
    const auto hits = articles.search(f, 50);
    REQUIRE(hits.size() == 2);
    CHECK(hits.at(0).id == often); // in the title and twice in the body
    CHECK(hits.at(1).id == once);
    CHECK(hits.at(0).title == QStringLiteral("Ceasefire talks"));
    CHECK(hits.at(1).published == QDate(2018, 6, 9));
    const auto &snippet = hits.at(1).snippet;
    CHECK(snippet.contains(QStringLiteral("Ceasefire was not discussed")));
    REQUIRE(hits.at(1).matches.size() == 1);
    const auto [start, end] = hits.at(1).matches.first();
    CHECK(snippet.mid(start, end - start) == QStringLiteral("Ceasefire"));
    CHECK(hits.at(0).matches.size() == 2);

    CHECK(articles.search(f, 1).size() == 1);
    f.from = QDate(2018, 5, 1); // the rest of the filter still applies
    const auto dated = articles.search(f, 50);
    REQUIRE(dated.size() == 1);
    CHECK(dated.first().id == once);
    f.search = QStringLiteral("\"\"");
    CHECK(articles.search(f, 50).isEmpty());
    f = {};
    f.search = QStringLiteral("paulo");
    CHECK(articles.search(f, 50).size() == 1);
}

TEST_CASE("tags without counts come in the same tree order as with them", "[storage][tags]")
{
    gloss::test::TempProject tp;
    auto &tags = tp.project().store().tags();
    const qint64 actors = tags.create(QStringLiteral("Actors"));
    tags.create(QStringLiteral("State"), actors);
    tags.create(QStringLiteral("Frames"));
    const qint64 article = tp.addArticle(QStringLiteral("Talks"), QStringLiteral("Talks in Kabul."));
    tp.project().store().articles().setArticleTags(article, QString(), {actors});
    const auto counted = tags.all();
    const auto plain = tags.allWithoutCounts();
    REQUIRE(plain.size() == counted.size());
    for (qsizetype i = 0; i < plain.size(); ++i) {
        CHECK(plain.at(i).id == counted.at(i).id);
        CHECK(plain.at(i).name == counted.at(i).name);
        CHECK(plain.at(i).articles == 0);
    }
    CHECK(counted.first().articles == 1);
}
