#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/error.h"
#include "support/operationchecks.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

#include <functional>

using gloss::Project;
using gloss::operations::Area;
using gloss::operations::Areas;
using gloss::operations::OperationError;
using gloss::operations::Undo;
using Kind = gloss::operations::OperationError::Kind;
using gloss::test::errorOf;
using gloss::test::Heard;

namespace {

// The codebook and every use of its tags, as the reads of the operations give them: what a user
// sees in the codebook panel, the reader and an export.
QStringList seen(Project &p, const QList<qint64> &articles)
{
    QStringList out;
    for (const gloss::model::Tag &t : p.codebook().tags())
        out << QStringLiteral("tag %1 under %2 \"%3\" %4 \"%5\" at %6, %7 highlights, %8 articles, path \"%9\"")
                   .arg(t.id)
                   .arg(t.parentId)
                   .arg(t.name, t.color, t.description)
                   .arg(t.position)
                   .arg(t.highlights)
                   .arg(t.articles)
                   .arg(p.codebook().path(t.id));
    for (const qint64 a : articles) {
        for (const gloss::model::Highlight &h : p.annotations().highlights(a)) {
            QStringList tags;
            for (const qint64 t : h.tagIds)
                tags << QString::number(t);
            out << QStringLiteral("highlight %1 of %2 tagged %3").arg(h.id).arg(a).arg(tags.join(u','));
        }
        QStringList tags;
        for (const qint64 t : p.annotations().articleTags(a))
            tags << QString::number(t);
        out << QStringLiteral("article %1 tagged %2").arg(a).arg(tags.join(u','));
    }
    return out;
}

// A small codebook in use: Actors > {State, Government > Ministry}, Frames; a highlight tagged
// Government and State, another tagged Ministry, the article tagged Government.
struct Coded
{
    Coded()
    {
        auto &cb = p().codebook();
        cb.create(QStringLiteral("Actors"), 0, {}, {}, &actors);
        cb.create(QStringLiteral("State"), actors, QStringLiteral("#112233"), QStringLiteral("the state"), &state);
        cb.create(QStringLiteral("Government"), actors, {}, {}, &government);
        cb.create(QStringLiteral("Ministry"), government, {}, {}, &ministry);
        cb.create(QStringLiteral("Frames"), 0, {}, {}, &frames);
        article = tp.addArticle(QStringLiteral("A"), QStringLiteral("The government and the state agreed today."));
        gloss::model::Highlight h;
        h.articleId = article;
        h.start = 4;
        h.end = 14;
        h.tagIds = {government, state};
        p().annotations().addHighlight(h, &first);
        h.start = 19;
        h.end = 28;
        h.tagIds = {ministry};
        p().annotations().addHighlight(h, &second);
        p().annotations().setArticleTags(article, {government});
    }
    Project &p() { return tp.project(); }
    QStringList now() { return seen(p(), {article}); }

    gloss::test::TempProject tp;
    qint64 actors = 0, state = 0, government = 0, ministry = 0, frames = 0;
    qint64 article = 0, first = 0, second = 0;
};

// Runs `write`, checks that it changed the project and told the listener `areas` once, that its
// undo puts back exactly what was there, and that the revert of the revert does it again. Leaves
// the write done.
template <typename F> void roundTrip(Coded &c, Areas areas, F &&write)
{
    const QStringList before = c.now();
    Heard heard(c.p());
    const Undo undo = write();
    REQUIRE_FALSE(undo.isNull());
    CHECK(heard.calls == QList<Areas>{areas});
    const QStringList after = c.now();
    CHECK(after != before);
    const Undo redo = c.p().revert(undo);
    CHECK(c.now() == before);
    const Undo again = c.p().revert(redo);
    CHECK(c.now() == after);
    const Undo last = c.p().revert(again);
    CHECK(c.now() == before);
    c.p().revert(last);
    CHECK(c.now() == after);
    // Once per write and per revert; a revert may say more (undoing a creation is a delete).
    REQUIRE(heard.calls.size() == 5);
    for (const Areas heardNow : std::as_const(heard.calls))
        CHECK(heardNow.testFlag(Area::Codebook));
}

} // namespace

TEST_CASE("codebook reads: tree order, counts, colours, palette, paths and finding", "[operations][codebook][engines]")
{
    Coded c;
    auto &cb = c.p().codebook();
    const auto tags = cb.tags();
    QList<qint64> order;
    for (const auto &t : tags)
        order << t.id;
    CHECK(order == QList<qint64>{c.actors, c.state, c.government, c.ministry, c.frames});
    CHECK(cb.paletteOrder() == order);
    CHECK(tags.at(2).highlights == 1);
    CHECK(tags.at(2).articles == 1);
    CHECK(cb.tagsWithoutCounts().at(2).highlights == 0);
    CHECK(cb.tagsWithoutCounts().size() == 5);
    CHECK(cb.colors().value(c.state) == QStringLiteral("#112233"));
    CHECK(cb.colors().size() == 5);
    CHECK(cb.tag(c.state)->description == QStringLiteral("the state"));
    CHECK_FALSE(cb.tag(999));
    CHECK(cb.path(c.ministry) == QStringLiteral("Actors > Government > Ministry"));
    CHECK(cb.path(999).isEmpty());
    CHECK(cb.find(QStringLiteral("Actors > Government > Ministry")) == c.ministry);
    CHECK(cb.find(QStringLiteral("Ministry")) == c.ministry);
    CHECK_FALSE(cb.find(QStringLiteral("Nothing")));
}

TEST_CASE("creating a tag is undone and redone with the same id", "[operations][codebook][engines]")
{
    Coded c;
    qint64 id = 0;
    roundTrip(c, Area::Codebook,
        [&] { return c.p().codebook().create(QStringLiteral(" Ministry "), c.state, {}, QStringLiteral("why"), &id); });
    REQUIRE(id != 0);
    const auto tag = c.p().codebook().tag(id);
    REQUIRE(tag);
    CHECK(tag->name == QStringLiteral("Ministry")); // trimmed; the same name under another parent is fine
    CHECK(tag->parentId == c.state);
    CHECK(tag->description == QStringLiteral("why"));
    CHECK_FALSE(tag->color.isEmpty()); // from the palette
}

TEST_CASE(
    "a tag name is refused in words when it is empty, holds a separator or is taken", "[operations][codebook][engines]")
{
    Coded c;
    auto &cb = c.p().codebook();
    const QStringList before = c.now();
    Heard heard(c.p());

    auto e = errorOf([&] { cb.create(QStringLiteral("  ")); });
    CHECK(e.kind() == Kind::InvalidInput);
    CHECK(e.message().contains(QStringLiteral("needs a name")));
    e = errorOf([&] { cb.create(QStringLiteral("Actors > Police")); });
    CHECK(e.kind() == Kind::InvalidInput);
    CHECK(e.message().contains(QStringLiteral("cannot contain \" > \"")));
    e = errorOf([&] { cb.create(QStringLiteral("a; b")); });
    CHECK(e.kind() == Kind::InvalidInput);
    e = errorOf([&] { cb.create(QStringLiteral("State"), c.actors); });
    CHECK(e.kind() == Kind::Conflict);
    CHECK(e.message().contains(QStringLiteral("\"State\" already exists under \"Actors\"")));
    e = errorOf([&] { cb.create(QStringLiteral("Frames")); });
    CHECK(e.kind() == Kind::Conflict);
    CHECK(e.message().contains(QStringLiteral("at the top of the codebook")));
    e = errorOf([&] { cb.create(QStringLiteral("Orphan"), 999); });
    CHECK(e.kind() == Kind::NotFound);
    e = errorOf([&] { cb.create(QStringLiteral("Red"), 0, QStringLiteral("red")); });
    CHECK(e.kind() == Kind::InvalidInput);
    CHECK(e.message().contains(QStringLiteral("#rrggbb")));

    e = errorOf([&] { cb.rename(c.government, QStringLiteral("State")); });
    CHECK(e.kind() == Kind::Conflict);
    e = errorOf([&] { cb.rename(c.government, QString()); });
    CHECK(e.kind() == Kind::InvalidInput);
    e = errorOf([&] { cb.rename(999, QStringLiteral("Any")); });
    CHECK(e.kind() == Kind::NotFound);
    e = errorOf([&] { cb.recolor(c.state, QStringLiteral("#12345")); });
    CHECK(e.kind() == Kind::InvalidInput);

    CHECK(c.now() == before);
    CHECK(heard.calls.isEmpty());
}

TEST_CASE("rename, recolour, describe and move are each undone exactly", "[operations][codebook][engines]")
{
    Coded c;
    SECTION("rename")
    {
        roundTrip(c, Area::Codebook, [&] { return c.p().codebook().rename(c.state, QStringLiteral("The State")); });
        // Renaming a tag to its own name is no conflict.
        CHECK_NOTHROW(c.p().codebook().rename(c.state, QStringLiteral("State")));
    }
    SECTION("recolour")
    {
        roundTrip(c, Area::Codebook, [&] { return c.p().codebook().recolor(c.state, QStringLiteral("#abcdef")); });
    }
    SECTION("describe")
    {
        roundTrip(c, Area::Codebook, [&] { return c.p().codebook().describe(c.state, QStringLiteral("new words")); });
    }
    SECTION("move")
    {
        roundTrip(c, Area::Codebook, [&] { return c.p().codebook().move(c.government, c.frames); });
        roundTrip(c, Area::Codebook, [&] { return c.p().codebook().move(c.ministry, 0); });
    }
}

TEST_CASE("a tag cannot be moved under itself, a descendant, or beside a namesake", "[operations][codebook][engines]")
{
    Coded c;
    auto &cb = c.p().codebook();
    const QStringList before = c.now();
    Heard heard(c.p());
    auto e = errorOf([&] { cb.move(c.actors, c.actors); });
    CHECK(e.kind() == Kind::Conflict);
    CHECK(e.message().contains(QStringLiteral("under itself or one of its own subtags")));
    e = errorOf([&] { cb.move(c.actors, c.ministry); });
    CHECK(e.kind() == Kind::Conflict);
    CHECK(e.message().contains(QStringLiteral("\"Actors > Government > Ministry\"")));
    cb.create(QStringLiteral("Ministry"), c.frames);
    heard.calls.clear();
    const QStringList withNamesake = c.now();
    e = errorOf([&] { cb.move(c.ministry, c.frames); });
    CHECK(e.kind() == Kind::Conflict);
    e = errorOf([&] { cb.move(999, 0); });
    CHECK(e.kind() == Kind::NotFound);
    e = errorOf([&] { cb.move(c.state, 999); });
    CHECK(e.kind() == Kind::NotFound);
    CHECK(c.now() == withNamesake);
    CHECK(withNamesake.size() == before.size() + 1);
    CHECK(heard.calls.isEmpty());
}

TEST_CASE("a merge moves every use and child, and its undo separates them exactly", "[operations][codebook][engines]")
{
    Coded c;
    // Government (with Ministry, a highlight shared with State and the article tag) into State.
    roundTrip(
        c, Areas(Area::Codebook) | Area::Highlights, [&] { return c.p().codebook().merge(c.government, c.state); });
    CHECK_FALSE(c.p().codebook().tag(c.government));
    CHECK(c.p().codebook().tag(c.ministry)->parentId == c.state);
    CHECK(c.p().annotations().highlight(c.first)->tagIds == QList<qint64>{c.state});
    CHECK(c.p().annotations().articleTags(c.article) == QList<qint64>{c.state});

    auto e = errorOf([&] { c.p().codebook().merge(c.state, c.state); });
    CHECK(e.kind() == Kind::InvalidInput);
    e = errorOf([&] { c.p().codebook().merge(c.actors, c.ministry); });
    CHECK(e.kind() == Kind::Conflict);
    CHECK(e.message().contains(QStringLiteral("its own subtag")));
    e = errorOf([&] { c.p().codebook().merge(999, c.state); });
    CHECK(e.kind() == Kind::NotFound);
}

TEST_CASE("a merge whose children would meet namesakes is refused", "[operations][codebook][engines]")
{
    Coded c;
    c.p().codebook().create(QStringLiteral("Ministry"), c.state);
    const QStringList before = c.now();
    const auto e = errorOf([&] { c.p().codebook().merge(c.government, c.state); });
    CHECK(e.kind() == Kind::Conflict);
    CHECK(e.message().contains(QStringLiteral("both have a subtag named \"Ministry\"")));
    CHECK(c.now() == before);
}

TEST_CASE("deleting a tag takes its subtree and uses, and the undo brings all back", "[operations][codebook][engines]")
{
    Coded c;
    roundTrip(c, Areas(Area::Codebook) | Area::Highlights, [&] { return c.p().codebook().remove(c.government); });
    CHECK_FALSE(c.p().codebook().tag(c.ministry));
    CHECK(c.p().annotations().highlight(c.first)->tagIds == QList<qint64>{c.state});
    CHECK(c.p().annotations().highlight(c.second)->tagIds.isEmpty());
    CHECK(errorOf([&] { c.p().codebook().remove(c.government); }).kind() == Kind::NotFound);
}

TEST_CASE(
    "ensure creates the missing levels of a path and its undo removes only those", "[operations][codebook][engines]")
{
    Coded c;
    qint64 id = 0;
    roundTrip(c, Area::Codebook,
        [&] { return c.p().codebook().ensure(QStringLiteral("Actors > Government > Police > Local"), &id); });
    const auto local = c.p().codebook().find(QStringLiteral("Actors > Government > Police > Local"));
    REQUIRE(local);
    CHECK(*local == id);

    // A path that exists whole changes nothing and has nothing to undo.
    const QStringList before = c.now();
    Heard heard(c.p());
    qint64 existing = 0;
    CHECK(c.p().codebook().ensure(QStringLiteral("Actors > State"), &existing).isNull());
    CHECK(existing == c.state);
    CHECK(c.now() == before);

    auto e = errorOf([&] { c.p().codebook().ensure(QStringLiteral(" > ")); });
    CHECK(e.kind() == Kind::InvalidInput);
    CHECK(e.message().contains(QStringLiteral("needs a name")));
    e = errorOf([&] { c.p().codebook().ensure(QStringLiteral("Frames > a; b")); });
    CHECK(e.kind() == Kind::InvalidInput);
    CHECK(c.now() == before);
}

TEST_CASE("a read-only project refuses every codebook write and keeps what it has", "[operations][codebook][engines]")
{
    Coded c;
    const QStringList before = c.now();
    const QString path = c.tp.path();
    const qint64 article = c.article;
    c.tp.close();
    auto opened = Project::open(path, Project::Access::ReadOnly);
    REQUIRE(opened.project);
    Project &p = *opened.project;
    REQUIRE(seen(p, {article}) == before);
    Heard heard(p);
    auto &cb = p.codebook();
    const QList<std::function<void()>> writes = {
        [&] { cb.create(QStringLiteral("New")); },
        [&] { cb.rename(c.state, QStringLiteral("Renamed")); },
        [&] { cb.recolor(c.state, QStringLiteral("#000000")); },
        [&] { cb.describe(c.state, QStringLiteral("words")); },
        [&] { cb.move(c.ministry, 0); },
        [&] { cb.merge(c.government, c.state); },
        [&] { cb.remove(c.frames); },
        [&] { cb.ensure(QStringLiteral("Frames > New")); },
    };
    for (const auto &write : writes) {
        const auto e = errorOf(write);
        CHECK(e.kind() == Kind::ReadOnly);
        CHECK(e.message().contains(QStringLiteral("read-only")));
    }
    CHECK(seen(p, {article}) == before);
    CHECK(heard.calls.isEmpty());
}
