#include "operations/entities.h"
#include "operations/project.h"
#include "storage/store.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <catch2/catch.hpp>

using gloss::model::Entity;
using gloss::model::EntityType;

namespace {

const QString Body1 = QStringLiteral(
    "WASHINGTON: Fans posted 😀 as Secretary of State Mike Pompeo met President Ashraf Ghani. The US said the U.S. "
    "backs Ghani. Pompeo flew on to Pakistan, where Sabesp Holdings has no office.");
const QString Body2 = QStringLiteral("KABUL, Afghanistan (Reuters) - The United States and President Ghani met Mike "
                                     "Pompeo again. Ghani thanked the US.");

qint64 addAndExtract(gloss::test::TempProject &tp, const QString &title, const QString &body)
{
    const qint64 id = tp.addArticle(title, body, QDate(2018, 6, 9));
    tp.project().entities().extract(*tp.project().store().articles().get(id));
    return id;
}

std::optional<Entity> named(const QList<Entity> &list, const QString &name)
{
    for (const Entity &e : list)
        if (e.name == name)
            return e;
    return std::nullopt;
}

QStringList names(const QList<Entity> &list)
{
    QStringList out;
    for (const Entity &e : list)
        out << e.name;
    out.sort();
    return out;
}

} // namespace

TEST_CASE("an article's extraction is stored with code point spans and aliases merged", "[entities][engines]")
{
    gloss::test::TempProject tp;
    const qint64 a = addAndExtract(tp, QStringLiteral("One"), Body1);
    auto &repo = tp.project().store().entities();
    const QList<Entity> entities = repo.forArticle(a);
    const auto us = named(entities, QStringLiteral("United States"));
    REQUIRE(us);
    CHECK(us->type == EntityType::Place);
    CHECK(us->mentions == 2);
    CHECK(us->aliases.contains(QStringLiteral("US")));
    // "U.S." and "US" share one alias key (case, dots and diacritics are folded).
    CHECK(tp.project().store().entities().list(QStringLiteral("u.s.")).size() == 1);
    const auto pompeo = named(entities, QStringLiteral("Mike Pompeo"));
    REQUIRE(pompeo);
    CHECK(pompeo->type == EntityType::Person);
    CHECK(pompeo->mentions == 2);
    // Spans are code points: after the emoji, UTF-16 and code point offsets differ by one.
    const qsizetype utf16 = Body1.indexOf(QStringLiteral("Mike Pompeo"));
    REQUIRE(pompeo->spans.first() == std::make_pair(qint64(utf16 - 1), qint64(utf16 - 1 + 11)));
    CHECK(gloss::text::sliceCodePoints(Body1, pompeo->spans.first().first, pompeo->spans.first().second)
        == QStringLiteral("Mike Pompeo"));
    const auto ghani = named(entities, QStringLiteral("Ashraf Ghani"));
    REQUIRE(ghani);
    CHECK(ghani->mentions == 2);
    CHECK(named(entities, QStringLiteral("Washington")));

    // A second article resolves to the same entities through the project's aliases.
    const qint64 b = addAndExtract(tp, QStringLiteral("Two"), Body2);
    const QList<Entity> project = repo.list();
    const auto usAll = named(project, QStringLiteral("United States"));
    REQUIRE(usAll);
    CHECK(usAll->articles == 2);
    CHECK(usAll->mentions == 4);
    CHECK(named(project, QStringLiteral("Ashraf Ghani"))->articles == 2);
    CHECK(named(repo.forArticle(b), QStringLiteral("Ashraf Ghani"))->mentions == 2);
    CHECK(names(repo.list(QStringLiteral("pomp"))) == QStringList{QStringLiteral("Mike Pompeo")});
    CHECK(names(repo.list(QStringLiteral("u.s."))) == QStringList{QStringLiteral("United States")});

    // Re-extraction replaces the automatic mentions without duplicating them.
    tp.project().entities().reextract(a);
    CHECK(named(repo.forArticle(a), QStringLiteral("United States"))->mentions == 2);
    CHECK(tp.project().entities().reextractAll().articles == 2);
    CHECK(named(repo.list(), QStringLiteral("United States"))->mentions == 4);
    // The article filter finds articles by entity.
    gloss::model::ArticleFilter filter;
    filter.entityId = named(repo.list(), QStringLiteral("Washington"))->id;
    CHECK(tp.project().store().articles().ids(filter) == QList<qint64>{a});
}

TEST_CASE("every mention of a story naming people many times is stored with its span, in text order", "[entities]")
{
    // More mentions than one insert statement carries (8), and a remainder.
    gloss::test::TempProject tp;
    QString body;
    for (int i = 1; i <= 19; ++i)
        body += QStringLiteral("Secretary of State Mike Pompeo met President Ashraf Ghani in Kabul for the %1 time. ")
                    .arg(i);
    const qint64 a = addAndExtract(tp, QStringLiteral("Talks"), body);
    const QList<Entity> entities = tp.project().store().entities().forArticle(a);
    for (const QString &name :
        {QStringLiteral("Mike Pompeo"), QStringLiteral("Ashraf Ghani"), QStringLiteral("Kabul")}) {
        const auto e = named(entities, name);
        REQUIRE(e);
        CHECK(e->mentions == 19);
        QList<std::pair<qint64, qint64>> expected;
        for (qsizetype at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1))
            expected.append({at, at + name.size()});
        CHECK(e->spans == expected);
    }
}

TEST_CASE(
    "rejecting a name removes it, keeps it out of later extractions, and is undone by restore", "[entities][engines]")
{
    gloss::test::TempProject tp;
    const qint64 a = addAndExtract(tp, QStringLiteral("One"), Body1);
    auto &repo = tp.project().store().entities();
    const qint64 sabesp = named(repo.list(), QStringLiteral("Sabesp Holdings"))->id;
    const auto undo = repo.reject(sabesp, {});
    CHECK_FALSE(named(repo.list(), QStringLiteral("Sabesp Holdings")));
    CHECK(repo.rejectedNames().contains(QStringLiteral("Sabesp Holdings")));
    tp.project().entities().reextract(a);
    CHECK_FALSE(named(repo.forArticle(a), QStringLiteral("Sabesp Holdings")));
    const qint64 c
        = addAndExtract(tp, QStringLiteral("Three"), QStringLiteral("Analysts said Sabesp Holdings would grow."));
    CHECK(repo.forArticle(c).isEmpty());

    repo.restore(undo);
    CHECK(repo.rejectedNames().isEmpty());
    const auto back = repo.get(sabesp);
    REQUIRE(back);
    CHECK(back->name == QStringLiteral("Sabesp Holdings"));
    CHECK(named(repo.forArticle(a), QStringLiteral("Sabesp Holdings"))->mentions == 1);
}

TEST_CASE(
    "merging two entities holds for re-extraction and new articles, and restore splits them", "[entities][engines]")
{
    gloss::test::TempProject tp;
    const qint64 a = addAndExtract(tp, QStringLiteral("One"), Body1);
    auto &repo = tp.project().store().entities();
    const qint64 us = named(repo.list(), QStringLiteral("United States"))->id;
    const qint64 washington = named(repo.list(), QStringLiteral("Washington"))->id;
    const auto undo = repo.merge(us, washington, {});
    CHECK_FALSE(repo.get(washington));
    CHECK(repo.get(us)->mentions == 3);
    CHECK(repo.get(us)->aliases.contains(QStringLiteral("Washington")));

    tp.project().entities().reextract(a);
    CHECK(repo.get(us)->mentions == 3);
    CHECK_FALSE(named(repo.list(), QStringLiteral("Washington")));
    const qint64 c
        = addAndExtract(tp, QStringLiteral("Three"), QStringLiteral("WASHINGTON: Officials in Washington agreed."));
    CHECK(names(repo.forArticle(c)) == QStringList{QStringLiteral("United States")});
    CHECK(repo.get(us)->mentions == 5);

    repo.restore(undo);
    CHECK(repo.get(washington));
    CHECK(repo.get(us)->mentions == 2);
    tp.project().entities().reextract(c);
    CHECK(names(repo.forArticle(c)) == QStringList{QStringLiteral("Washington")});
}

TEST_CASE("confirm, rename and retype survive re-extraction and are undone by restore", "[entities][engines]")
{
    gloss::test::TempProject tp;
    const qint64 a = addAndExtract(tp, QStringLiteral("One"), Body1);
    auto &repo = tp.project().store().entities();
    const qint64 sabesp = named(repo.list(), QStringLiteral("Sabesp Holdings"))->id;
    REQUIRE(repo.get(sabesp)->type == EntityType::Organization);

    const auto undoConfirm = repo.confirm(sabesp, true, {});
    const auto undoRename = repo.rename(sabesp, QStringLiteral("Sabesp"), {});
    const auto undoRetype = repo.retype(sabesp, EntityType::Other, {});
    tp.project().entities().reextractAll();
    auto e = repo.get(sabesp);
    REQUIRE(e);
    CHECK(e->confirmed);
    CHECK(e->name == QStringLiteral("Sabesp"));
    CHECK(e->type == EntityType::Other);
    CHECK(e->mentions == 1);
    CHECK(e->aliases.contains(QStringLiteral("Sabesp Holdings")));
    // A new article that writes the new name finds the same entity.
    const qint64 c
        = addAndExtract(tp, QStringLiteral("Three"), QStringLiteral("The company Sabesp said water is short."));
    CHECK(named(repo.forArticle(c), QStringLiteral("Sabesp"))->id == sabesp);

    repo.restore(undoRetype);
    CHECK(repo.get(sabesp)->type == EntityType::Organization);
    repo.restore(undoRename);
    CHECK(repo.get(sabesp)->name == QStringLiteral("Sabesp Holdings"));
    repo.restore(undoConfirm);
    CHECK_FALSE(repo.get(sabesp)->confirmed);
    Q_UNUSED(a);
}

TEST_CASE("splitting an alias off and adding one move mentions across the project", "[entities][engines]")
{
    gloss::test::TempProject tp;
    const qint64 a = addAndExtract(tp, QStringLiteral("One"), Body1);
    const qint64 b = addAndExtract(tp, QStringLiteral("Two"), Body2);
    auto &repo = tp.project().store().entities();
    const qint64 ghani = named(repo.list(), QStringLiteral("Ashraf Ghani"))->id;
    REQUIRE(repo.get(ghani)->mentions == 4);

    qint64 created = 0;
    const auto undoSplit = repo.splitAlias(ghani, QStringLiteral("Ghani"), {}, &created);
    REQUIRE(created > 0);
    CHECK(repo.get(created)->name == QStringLiteral("Ghani"));
    CHECK(repo.get(created)->type == EntityType::Person);
    CHECK(repo.get(created)->mentions == 3);
    CHECK(repo.get(ghani)->mentions == 1);
    // The split holds when the articles are read again.
    tp.project().entities().reextractAll();
    CHECK(repo.get(created)->mentions == 3);
    CHECK(repo.get(ghani)->mentions == 1);
    repo.restore(undoSplit);
    CHECK_FALSE(repo.get(created));
    CHECK(repo.get(ghani)->mentions == 4);

    // "Pakistan" written anywhere now counts as the US (a silly decision, but the researcher's).
    const qint64 us = named(repo.list(), QStringLiteral("United States"))->id;
    const qint64 pakistan = named(repo.list(), QStringLiteral("Pakistan"))->id;
    const auto undoAlias = repo.addAlias(us, QStringLiteral("Pakistan"), {});
    CHECK(repo.get(pakistan)->mentions == 0);
    CHECK(repo.get(us)->mentions == 5);
    const qint64 c = addAndExtract(tp, QStringLiteral("Three"), QStringLiteral("Officials in Pakistan agreed."));
    CHECK(names(repo.forArticle(c)) == QStringList{QStringLiteral("United States")});
    repo.restore(undoAlias);
    CHECK(repo.get(pakistan)->mentions == 1);
    Q_UNUSED(a);
    Q_UNUSED(b);
}

TEST_CASE("a span marked as an entity is a manual mention that survives re-extraction", "[entities][engines]")
{
    gloss::test::TempProject tp;
    const QString body = QStringLiteral("Rain 😀 fell on the Tamanduateí basin while piscinões filled up.");
    const qint64 a = addAndExtract(tp, QStringLiteral("One"), body);
    auto &repo = tp.project().store().entities();
    const qint64 start = gloss::text::toCodePoints(body, body.indexOf(QStringLiteral("piscinões")));
    const qint64 end = start + 9;
    qint64 entity = 0;
    const auto undo = repo.markSpan(a, start, end, EntityType::Other, {}, &entity);
    REQUIRE(entity > 0);
    CHECK(repo.get(entity)->name == QStringLiteral("piscinões"));
    CHECK(repo.get(entity)->type == EntityType::Other);
    const auto mentions = repo.mentions(entity);
    REQUIRE(mentions.size() == 1);
    CHECK(mentions.first().manual);
    CHECK(mentions.first().start == start);

    tp.project().entities().reextract(a);
    CHECK(repo.mentions(entity).size() == 1);
    // The name is now known to the project: a new article finds it.
    const qint64 c = addAndExtract(tp, QStringLiteral("Two"), QStringLiteral("More piscinões are planned."));
    CHECK(named(repo.forArticle(c), QStringLiteral("piscinões")));

    // Confirmed names are known too, but lowercase words do not turn into them.
    const qint64 d = addAndExtract(tp, QStringLiteral("Three"), QStringLiteral("The US told us to wait."));
    const qint64 usId = named(repo.forArticle(d), QStringLiteral("United States"))->id;
    repo.confirm(usId, true, {});
    tp.project().entities().reextract(d);
    CHECK(named(repo.forArticle(d), QStringLiteral("United States"))->mentions == 1);

    repo.restore(undo);
    CHECK_FALSE(repo.get(entity));
    CHECK(repo.mentions(entity).isEmpty());
}

TEST_CASE("extraction runs inside an importer's transaction", "[entities][engines]")
{
    gloss::test::TempProject tp;
    {
        gloss::storage::Transaction tx(tp.project().store());
        addAndExtract(tp, QStringLiteral("One"), Body1);
        addAndExtract(tp, QStringLiteral("Two"), Body2);
        // rolled back: nothing stays
    }
    CHECK(tp.project().store().entities().list().isEmpty());
    CHECK(tp.project().store().articles().count() == 0);
}

TEST_CASE("marking a span over a found mention replaces it, and restore brings it back", "[entities][engines]")
{
    gloss::test::TempProject tp;
    const qint64 a = addAndExtract(tp, QStringLiteral("One"), Body1);
    auto &repo = tp.project().store().entities();
    const qint64 sabesp = named(repo.list(), QStringLiteral("Sabesp Holdings"))->id;
    const qint64 start = gloss::text::toCodePoints(Body1, Body1.indexOf(QStringLiteral("Sabesp Holdings")));
    qint64 marked = 0;
    const auto undo = repo.markSpan(a, start, start + 6, EntityType::Organization, {}, &marked);
    CHECK(repo.get(sabesp)->mentions == 0);
    CHECK(repo.get(marked)->name == QStringLiteral("Sabesp"));
    // Re-extraction does not bring the overlapping automatic mention back.
    tp.project().entities().reextract(a);
    CHECK(repo.get(sabesp)->mentions == 0);
    CHECK(repo.mentions(marked).size() == 1);
    repo.restore(undo);
    CHECK_FALSE(repo.get(marked));
    CHECK(repo.get(sabesp)->mentions == 1);
}
