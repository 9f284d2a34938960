#include "model/article.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/library.h"
#include "operations/project.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using gloss::model::Entity;
using gloss::model::EntityType;
using gloss::operations::OperationError;
using gloss::operations::Undo;

namespace {

const QString Body1 = QStringLiteral(
    "WASHINGTON: Secretary of State Mike Pompeo met President Ashraf Ghani. The US said the U.S. backs Ghani. "
    "Pompeo flew on to Pakistan.");
const QString Body2 = QStringLiteral("KABUL, Afghanistan (Reuters) - The United States and President Ghani met Mike "
                                     "Pompeo again. Ghani thanked the US.");

// What a researcher sees of the entities of a project: every entity with its type, confirmation,
// other names and who decided about it, every article's mentions, and the names rejected and by whom.
QStringList entityState(gloss::Project &p, const QList<qint64> &articles, bool mentionIds = true)
{
    QStringList out;
    for (const Entity &e : p.entities().list()) {
        QStringList aliases = e.aliases;
        aliases.sort();
        out << QStringLiteral("%1 %2 %3 %4 [%5] %6/%7 by %8")
                   .arg(e.id)
                   .arg(e.name, gloss::model::entityTypeName(e.type))
                   .arg(e.confirmed)
                   .arg(aliases.join(u'|'))
                   .arg(e.mentions)
                   .arg(e.articles)
                   .arg(e.decidedBy);
    }
    for (const qint64 a : articles)
        for (const gloss::model::Mention &m : p.entities().articleMentions(a))
            out << QStringLiteral("mention %1 of %2 in %3 at %4..%5 “%6” %7")
                       .arg(mentionIds ? m.id : 0)
                       .arg(m.entityId)
                       .arg(m.articleId)
                       .arg(m.start)
                       .arg(m.end)
                       .arg(m.text)
                       .arg(m.manual);
    for (const gloss::model::RejectedName &r : p.entities().rejections())
        out << QStringLiteral("rejected %1 by %2").arg(r.name, r.coder);
    return out;
}

qint64 idOf(gloss::Project &p, const QString &name)
{
    for (const Entity &e : p.entities().list())
        if (e.name == name)
            return e.id;
    FAIL("no entity named " << name.toStdString());
    return 0;
}

struct Fixture
{
    gloss::test::TempProject tp;
    qint64 a1 = 0;
    qint64 a2 = 0;
    Fixture()
    {
        tp.project().setCoder(QStringLiteral("ann"));
        a1 = tp.addArticle(QStringLiteral("One"), Body1, QDate(2018, 6, 9));
        a2 = tp.addArticle(QStringLiteral("Two"), Body2, QDate(2018, 6, 10));
        for (const qint64 id : {a1, a2})
            tp.project().entities().extract(*tp.project().library().article(id));
    }
    gloss::Project &p() { return tp.project(); }
    QStringList state() { return entityState(p(), {a1, a2}); }
};

// Runs a decision, then checks that its Undo puts the entities back exactly and that the Undo's
// own revert does the decision again, exactly.
void checkUndoRedo(Fixture &f, const std::function<Undo(gloss::Project &)> &decision)
{
    const QStringList before = f.state();
    const Undo undo = decision(f.p());
    REQUIRE_FALSE(undo.isNull());
    const QStringList after = f.state();
    REQUIRE(after != before);
    const Undo redo = f.p().revert(undo);
    CHECK(f.state() == before);
    const Undo again = f.p().revert(redo);
    CHECK(f.state() == after);
    f.p().revert(again);
    CHECK(f.state() == before);
}

} // namespace

TEST_CASE(
    "every entity decision is undone exactly, and the undo of the undo redoes it", "[operations][entities][engines]")
{
    Fixture f;
    const qint64 pompeo = idOf(f.p(), QStringLiteral("Mike Pompeo"));
    const qint64 ghani = idOf(f.p(), QStringLiteral("Ashraf Ghani"));
    const qint64 us = idOf(f.p(), QStringLiteral("United States"));
    const qint64 pakistan = idOf(f.p(), QStringLiteral("Pakistan"));

    SECTION("confirm")
    {
        checkUndoRedo(f, [&](gloss::Project &p) { return p.entities().confirm(pompeo); });
    }
    SECTION("reject: the mentions go and the name is never suggested again")
    {
        checkUndoRedo(f, [&](gloss::Project &p) {
            Undo u = p.entities().reject(pakistan);
            CHECK(p.entities().rejectedNames().contains(QStringLiteral("Pakistan")));
            CHECK_FALSE(p.entities().get(pakistan));
            return u;
        });
    }
    SECTION("rename")
    {
        checkUndoRedo(f, [&](gloss::Project &p) {
            Undo u = p.entities().rename(ghani, QStringLiteral("  Ashraf Ghani Ahmadzai "));
            CHECK(p.entities().get(ghani)->name == QStringLiteral("Ashraf Ghani Ahmadzai"));
            return u;
        });
    }
    SECTION("retype")
    {
        checkUndoRedo(f, [&](gloss::Project &p) { return p.entities().retype(us, EntityType::Organization); });
    }
    SECTION("merge several into one")
    {
        checkUndoRedo(f, [&](gloss::Project &p) {
            Undo u = p.entities().merge(pompeo, {ghani, pakistan});
            CHECK_FALSE(p.entities().get(ghani));
            CHECK_FALSE(p.entities().get(pakistan));
            return u;
        });
    }
    SECTION("split an alias off")
    {
        checkUndoRedo(f, [&](gloss::Project &p) {
            qint64 created = 0;
            Undo u = p.entities().splitAlias(ghani, QStringLiteral("Ghani"), &created);
            REQUIRE(created);
            CHECK(p.entities().get(created)->name == QStringLiteral("Ghani"));
            CHECK_FALSE(p.entities().mentions(created).isEmpty());
            return u;
        });
    }
    SECTION("add an alias")
    {
        checkUndoRedo(f, [&](gloss::Project &p) { return p.entities().addAlias(pompeo, QStringLiteral("Secretary")); });
    }
    SECTION("mark a span")
    {
        // "Secretary of State" (code points 12..30 of the first article).
        checkUndoRedo(f, [&](gloss::Project &p) {
            qint64 entity = 0;
            Undo u = p.entities().markSpan(f.a1, 12, 30, EntityType::Organization, &entity);
            REQUIRE(entity);
            CHECK(p.entities().get(entity)->name == QStringLiteral("Secretary of State"));
            return u;
        });
    }
}

TEST_CASE("every entity decision records its coder, and undoing one puts back who decided before",
    "[operations][entities][engines]")
{
    Fixture f;
    const qint64 pompeo = idOf(f.p(), QStringLiteral("Mike Pompeo"));
    const qint64 ghani = idOf(f.p(), QStringLiteral("Ashraf Ghani"));
    const qint64 us = idOf(f.p(), QStringLiteral("United States"));
    const qint64 pakistan = idOf(f.p(), QStringLiteral("Pakistan"));
    const auto decider = [&](qint64 id) { return f.p().entities().get(id)->decidedBy; };
    // What extraction found, no one decided.
    CHECK(decider(pompeo).isEmpty());
    CHECK(decider(ghani).isEmpty());

    f.p().entities().confirm(pompeo);
    CHECK(decider(pompeo) == QStringLiteral("ann"));
    f.p().setCoder(QStringLiteral("ben"));
    f.p().entities().retype(us, EntityType::Organization);
    CHECK(decider(us) == QStringLiteral("ben"));
    f.p().entities().reject(pakistan);
    const QList<gloss::model::RejectedName> rejected = f.p().entities().rejections();
    REQUIRE(rejected.size() == 1);
    CHECK(rejected.first().name == QStringLiteral("Pakistan"));
    CHECK(rejected.first().coder == QStringLiteral("ben"));
    qint64 created = 0;
    f.p().entities().splitAlias(ghani, QStringLiteral("Ghani"), &created);
    CHECK(decider(ghani) == QStringLiteral("ben"));
    CHECK(decider(created) == QStringLiteral("ben"));
    qint64 marked = 0;
    f.p().entities().markSpan(f.a1, 12, 30, EntityType::Organization, &marked);
    CHECK(decider(marked) == QStringLiteral("ben"));
    f.p().entities().addAlias(ghani, QStringLiteral("the President"));
    CHECK(decider(ghani) == QStringLiteral("ben"));

    // ben renames ann's entity, then undoes it: ann's decision is back, with her name.
    const Undo renamed = f.p().entities().rename(pompeo, QStringLiteral("Michael Pompeo"));
    CHECK(decider(pompeo) == QStringLiteral("ben"));
    f.p().revert(renamed);
    CHECK(f.p().entities().get(pompeo)->name == QStringLiteral("Mike Pompeo"));
    CHECK(decider(pompeo) == QStringLiteral("ann"));

    f.p().setCoder(QStringLiteral("cy"));
    f.p().entities().merge(us, {pompeo});
    CHECK(decider(us) == QStringLiteral("cy"));
}

TEST_CASE("entity decisions are refused in words before anything is written", "[operations][entities][engines]")
{
    Fixture f;
    const QStringList before = f.state();
    const qint64 pompeo = idOf(f.p(), QStringLiteral("Mike Pompeo"));
    const qint64 ghani = idOf(f.p(), QStringLiteral("Ashraf Ghani"));
    const auto refused = [&](OperationError::Kind kind, const QString &words, const std::function<void()> &decision) {
        INFO(words.toStdString());
        try {
            decision();
            FAIL("not refused");
        } catch (const OperationError &e) {
            CHECK(e.kind() == kind);
            CHECK(e.message().contains(words));
        }
        CHECK(f.state() == before);
    };
    using Kind = OperationError::Kind;
    refused(Kind::NotFound, QStringLiteral("there is no entity 9999"), [&] { f.p().entities().confirm(9999); });
    refused(Kind::NotFound, QStringLiteral("there is no entity 9999"), [&] { f.p().entities().reject(9999); });
    refused(Kind::InvalidInput, QStringLiteral("cannot be empty"),
        [&] { f.p().entities().rename(pompeo, QStringLiteral("   ")); });
    refused(Kind::NotFound, QStringLiteral("there is no entity 9999"),
        [&] { f.p().entities().rename(9999, QStringLiteral("Someone")); });
    refused(Kind::InvalidInput, QStringLiteral("into itself"), [&] { f.p().entities().merge(pompeo, {pompeo}); });
    refused(Kind::InvalidInput, QStringLiteral("at least one"), [&] { f.p().entities().merge(pompeo, {}); });
    refused(Kind::NotFound, QStringLiteral("there is no entity 9999"), [&] {
        f.p().entities().merge(pompeo, {ghani, 9999});
    });
    refused(Kind::NotFound, QStringLiteral("not one of the names"),
        [&] { f.p().entities().splitAlias(pompeo, QStringLiteral("Ghani")); });
    refused(Kind::InvalidInput, QStringLiteral("is the name of"),
        [&] { f.p().entities().splitAlias(pompeo, QStringLiteral("mike pompeo")); });
    refused(Kind::InvalidInput, QStringLiteral("cannot be empty"), [&] { f.p().entities().addAlias(pompeo, {}); });
    refused(Kind::InvalidInput, QStringLiteral("leaves nothing to name an entity by"),
        [&] { f.p().entities().addAlias(pompeo, QStringLiteral(". . .")); });
    refused(Kind::NotFound, QStringLiteral("there is no article 9999"),
        [&] { f.p().entities().markSpan(9999, 0, 4, EntityType::Person); });
    refused(Kind::InvalidInput, QStringLiteral("is not inside the article's"),
        [&] { f.p().entities().markSpan(f.a1, 100, 400, EntityType::Person); });
    refused(Kind::InvalidInput, QStringLiteral("is not inside the article's"),
        [&] { f.p().entities().markSpan(f.a1, 5, 5, EntityType::Person); });
}

TEST_CASE("re-extracting every article, cancelled midway, leaves each article re-extracted or as it was",
    "[operations][entities][reextract][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    QList<qint64> articles;
    for (int i = 0; i < 7; ++i)
        articles << tp.addArticle(QStringLiteral("Article %1").arg(i), i % 2 ? Body1 : Body2, QDate(2018, 6, 1 + i));
    // Nothing was extracted yet: an article re-extracted has mentions, one left as it was has none.
    for (const qint64 a : articles)
        REQUIRE(p.entities().articleMentions(a).isEmpty());

    std::atomic_bool cancel = false;
    QList<int> reported;
    gloss::operations::Reextraction how;
    how.batch = 2;
    how.cancel = &cancel;
    how.progress = [&](int done, int total) {
        CHECK(total == 7);
        reported << done;
        if (done == 3)
            cancel = true; // in the middle of the second batch
    };
    const auto result = p.entities().reextractAll(how);
    CHECK(result.cancelled);
    CHECK(result.total == 7);
    CHECK(result.articles == 3);
    CHECK(reported == QList<int>{1, 2, 3});
    for (int i = 0; i < articles.size(); ++i) {
        INFO("article " << i);
        CHECK(p.entities().articleMentions(articles.at(i)).isEmpty() == (i >= 3));
    }

    // Run to the end, it re-extracts every article, and a second run finds the same (mentions are
    // stored anew, with new ids).
    const auto full = p.entities().reextractAll();
    CHECK_FALSE(full.cancelled);
    CHECK(full.articles == 7);
    const QStringList once = entityState(p, articles, false);
    p.entities().reextractAll();
    CHECK(entityState(p, articles, false) == once);
}

TEST_CASE(
    "re-extraction runs on a worker thread with a project of its own", "[operations][entities][reextract][engines]")
{
    gloss::test::TempProject tp;
    const qint64 a = tp.addArticle(QStringLiteral("One"), Body1, QDate(2018, 6, 9));
    gloss::operations::ReextractionResult result;
    std::thread worker([&, path = tp.path()] {
        auto opened = gloss::Project::open(path);
        REQUIRE(opened.project);
        result = opened.project->entities().reextractAll();
    });
    worker.join();
    CHECK(result.articles == 1);
    CHECK_FALSE(tp.project().entities().forArticle(a).isEmpty());
}
