#include "operations/error.h"
#include "operations/sets.h"
#include "support/operationchecks.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

#include <functional>

using gloss::Project;
using gloss::operations::Area;
using gloss::operations::Areas;
using gloss::operations::Undo;
using Kind = gloss::operations::OperationError::Kind;
using gloss::test::errorOf;
using gloss::test::Heard;

namespace {

// Every set with its articles, as the set menu and the export dialog read them.
QStringList state(Project &p)
{
    QStringList out;
    for (const gloss::model::ArticleSet &s : p.sets().all()) {
        QStringList ids;
        for (const qint64 a : p.sets().articles(s.id))
            ids << QString::number(a);
        out << QStringLiteral("set %1 \"%2\" of %3: %4").arg(s.id).arg(s.name).arg(s.articles).arg(ids.join(u','));
    }
    return out;
}

// Four articles; the set "Floods" holds the first two, "Drought" the last.
struct Filed
{
    Filed()
    {
        for (int i = 0; i < 4; ++i)
            articles << tp.addArticle(QStringLiteral("Article %1").arg(i), QStringLiteral("Body %1.").arg(i));
        p().sets().create(QStringLiteral("Floods"), {articles[0], articles[1]}, &floods);
        p().sets().create(QStringLiteral("Drought"), {articles[3]}, &drought);
    }
    Project &p() { return tp.project(); }

    gloss::test::TempProject tp;
    QList<qint64> articles;
    qint64 floods = 0;
    qint64 drought = 0;
};

// Runs `write`, checks that it changed the sets and told the listener once, that its undo puts
// back exactly what was there, and that the revert of the revert does it again. Leaves the write
// done.
template <typename F> void roundTrip(Filed &f, F &&write)
{
    const QStringList before = state(f.p());
    Heard heard(f.p());
    const Undo undo = write();
    REQUIRE_FALSE(undo.isNull());
    CHECK(heard.calls == QList<Areas>{Area::Sets});
    const QStringList after = state(f.p());
    CHECK(after != before);
    const Undo redo = f.p().revert(undo);
    CHECK(state(f.p()) == before);
    const Undo again = f.p().revert(redo);
    CHECK(state(f.p()) == after);
    const Undo last = f.p().revert(again);
    CHECK(state(f.p()) == before);
    f.p().revert(last);
    CHECK(state(f.p()) == after);
    CHECK(heard.calls == QList<Areas>(5, Area::Sets));
}

} // namespace

TEST_CASE("set reads: by name, with counts, found by name, their articles", "[operations][sets][engines]")
{
    Filed f;
    const auto all = f.p().sets().all();
    REQUIRE(all.size() == 2);
    CHECK(all.at(0).name == QStringLiteral("Drought")); // by name
    CHECK(all.at(1).articles == 2);
    CHECK(f.p().sets().find(QStringLiteral("Floods")) == f.floods);
    CHECK_FALSE(f.p().sets().find(QStringLiteral("Fires")));
    CHECK(f.p().sets().set(f.drought)->name == QStringLiteral("Drought"));
    CHECK_FALSE(f.p().sets().set(999));
    CHECK(f.p().sets().articles(f.floods) == QList<qint64>{f.articles[0], f.articles[1]});
}

TEST_CASE("creating a set with articles is undone and redone with the same id", "[operations][sets][engines]")
{
    Filed f;
    qint64 id = 0;
    roundTrip(f, [&] { return f.p().sets().create(QStringLiteral(" Fires "), {f.articles[2], f.articles[0]}, &id); });
    REQUIRE(id != 0);
    CHECK(f.p().sets().find(QStringLiteral("Fires")) == id);
    CHECK(f.p().sets().articles(id) == QList<qint64>{f.articles[0], f.articles[2]});
}

TEST_CASE(
    "renaming and deleting a set are undone exactly, a deleted set with its articles", "[operations][sets][engines]")
{
    Filed f;
    roundTrip(f, [&] { return f.p().sets().rename(f.floods, QStringLiteral("Floods 2022")); });
    CHECK(f.p().sets().find(QStringLiteral("Floods 2022")) == f.floods);
    roundTrip(f, [&] { return f.p().sets().remove(f.floods); });
    CHECK_FALSE(f.p().sets().find(QStringLiteral("Floods 2022")));
    CHECK(f.p().sets().articles(f.floods).isEmpty());
}

TEST_CASE("adding and removing articles undo only what they changed", "[operations][sets][engines]")
{
    Filed f;
    // Article 1 is in the set already: the undo must leave it there.
    roundTrip(f, [&] { return f.p().sets().addArticles(f.floods, {f.articles[1], f.articles[2]}); });
    CHECK(f.p().sets().articles(f.floods) == QList<qint64>{f.articles[0], f.articles[1], f.articles[2]});
    f.p().revert(f.p().sets().addArticles(f.floods, {f.articles[3]}));
    // Article 3 is not in the set: the undo of removing it with others must not add it.
    roundTrip(f, [&] { return f.p().sets().removeArticles(f.floods, {f.articles[0], f.articles[3]}); });
    CHECK(f.p().sets().articles(f.floods) == QList<qint64>{f.articles[1], f.articles[2]});
}

TEST_CASE(
    "a set name is refused in words when empty or taken, and a missing set is not found", "[operations][sets][engines]")
{
    Filed f;
    const QStringList before = state(f.p());
    Heard heard(f.p());
    auto e = errorOf([&] { f.p().sets().create(QStringLiteral(" ")); });
    CHECK(e.kind() == Kind::InvalidInput);
    CHECK(e.message().contains(QStringLiteral("needs a name")));
    e = errorOf([&] { f.p().sets().create(QStringLiteral("Drought"), {f.articles[0]}); });
    CHECK(e.kind() == Kind::Conflict);
    CHECK(e.message().contains(QStringLiteral("\"Drought\" already exists")));
    e = errorOf([&] { f.p().sets().rename(f.floods, QStringLiteral("Drought")); });
    CHECK(e.kind() == Kind::Conflict);
    e = errorOf([&] { f.p().sets().rename(f.floods, {}); });
    CHECK(e.kind() == Kind::InvalidInput);
    for (const auto &missing : QList<std::function<void()>>{
             [&] { f.p().sets().rename(999, QStringLiteral("Any")); },
             [&] { f.p().sets().remove(999); },
             [&] { f.p().sets().addArticles(999, {f.articles[0]}); },
             [&] { f.p().sets().removeArticles(999, {f.articles[0]}); },
         }) {
        e = errorOf(missing);
        CHECK(e.kind() == Kind::NotFound);
        CHECK(e.message().contains(QStringLiteral("no article set 999")));
    }
    // Renaming a set to its own name is no conflict.
    CHECK_NOTHROW(f.p().sets().rename(f.floods, QStringLiteral("Floods")));
    CHECK(state(f.p()) == before);
    CHECK(heard.calls.size() == 1);
}

TEST_CASE("a read-only project refuses every set write and keeps what it has", "[operations][sets][engines]")
{
    Filed f;
    const QStringList before = state(f.p());
    const QString path = f.tp.path();
    f.tp.close();
    auto opened = Project::open(path, Project::Access::ReadOnly);
    REQUIRE(opened.project);
    Project &p = *opened.project;
    REQUIRE(state(p) == before);
    Heard heard(p);
    auto &sets = p.sets();
    for (const auto &write : QList<std::function<void()>>{
             [&] { sets.create(QStringLiteral("Fires"), {f.articles[2]}); },
             [&] { sets.rename(f.floods, QStringLiteral("Renamed")); },
             [&] { sets.remove(f.floods); },
             [&] { sets.addArticles(f.floods, {f.articles[2]}); },
             [&] { sets.removeArticles(f.floods, {f.articles[0]}); },
         }) {
        const auto e = errorOf(write);
        CHECK(e.kind() == Kind::ReadOnly);
        CHECK(e.message().contains(QStringLiteral("read-only")));
    }
    CHECK(state(p) == before);
    CHECK(heard.calls.isEmpty());
}
