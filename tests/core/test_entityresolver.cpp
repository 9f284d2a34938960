// The entity resolver alone: found entities and the researcher's decisions in, what to store out.
#include "extract/entityresolver.h"
#include "model/namekey.h"

#include <catch2/catch.hpp>

using gloss::extract::EntityPolicy;
using gloss::extract::EntityResolution;
using gloss::extract::resolveEntities;
using gloss::model::EntityType;
using gloss::model::FoundEntity;
using gloss::model::FoundMention;
using Ref = EntityResolution::Ref;
using Reason = EntityResolution::SkipReason;

namespace {

// A found entity whose mentions are the first occurrence of each text in `body`, in order.
FoundEntity found(const QString &body, const QString &name, EntityType type, const QStringList &texts)
{
    FoundEntity e{name, type, {}, {}};
    qsizetype from = 0;
    for (const QString &t : texts) {
        const qsizetype at = body.indexOf(t, from);
        REQUIRE(at >= 0);
        e.mentions.append(FoundMention{at, at + t.size(), t, {}});
        from = at + t.size();
    }
    return e;
}

gloss::model::Alias alias(const QString &name, qint64 entity, bool manual = false)
{
    return {gloss::model::nameKey(name), entity, name, manual};
}

QStringList keysOf(const QList<EntityResolution::Alias> &aliases)
{
    QStringList out;
    for (const auto &a : aliases)
        out << a.key;
    return out;
}

} // namespace

const QString Body = QStringLiteral("Ashraf Ghani met Mike Pompeo. Ghani thanked the U.S. and Pompeo left.");

TEST_CASE("resolver: new names become new entities, with the names they were written by as aliases", "[resolver]")
{
    const QList<FoundEntity> in{found(Body, QStringLiteral("Ashraf Ghani"), EntityType::Person,
                                    {QStringLiteral("Ashraf Ghani"), QStringLiteral("Ghani")}),
        found(Body, QStringLiteral("United States"), EntityType::Place, {QStringLiteral("U.S.")})};
    const EntityResolution r = resolveEntities(Body, in, {});
    REQUIRE(r.created.size() == 2);
    CHECK(r.created.at(0).name == QStringLiteral("Ashraf Ghani"));
    CHECK(r.created.at(1).type == EntityType::Place);
    CHECK(keysOf(r.aliases)
        == QStringList{QStringLiteral("ashraf ghani"), QStringLiteral("ghani"), QStringLiteral("united states"),
            QStringLiteral("us")});
    REQUIRE(r.mentions.size() == 3);
    CHECK(r.mentions.at(1).entity == Ref{0, 0});
    CHECK(r.mentions.at(1).start == Body.indexOf(QStringLiteral("Ghani thanked")));
    CHECK(r.mentions.at(2).entity == Ref{0, 1});
    CHECK(r.skipped.isEmpty());
}

TEST_CASE("resolver: a name an entity goes by leads to that entity, and nothing is created", "[resolver]")
{
    EntityPolicy policy;
    // The project knows "Pompeo" as entity 7 only; the article found "Mike Pompeo".
    policy.aliases.insert(QStringLiteral("pompeo"), alias(QStringLiteral("Pompeo"), 7));
    const QList<FoundEntity> in{found(Body, QStringLiteral("Mike Pompeo"), EntityType::Person,
        {QStringLiteral("Mike Pompeo"), QStringLiteral("Pompeo")})};
    const EntityResolution r = resolveEntities(Body, in, policy);
    CHECK(r.created.isEmpty());
    REQUIRE(r.mentions.size() == 2);
    CHECK(r.mentions.at(0).entity == Ref{7, -1});
    CHECK(r.mentions.at(1).entity == Ref{7, -1});
    // The fuller name joins entity 7; "pompeo" it had already.
    CHECK(keysOf(r.aliases) == QStringList{QStringLiteral("mike pompeo")});
}

TEST_CASE("resolver: rejected names are skipped, whether the entity's name or one mention's", "[resolver]")
{
    EntityPolicy policy;
    policy.rejectedKeys.insert(QStringLiteral("united states"));
    policy.rejectedKeys.insert(QStringLiteral("ghani"));
    const QList<FoundEntity> in{found(Body, QStringLiteral("Ashraf Ghani"), EntityType::Person,
                                    {QStringLiteral("Ashraf Ghani"), QStringLiteral("Ghani")}),
        found(Body, QStringLiteral("United States"), EntityType::Place, {QStringLiteral("U.S.")})};
    const EntityResolution r = resolveEntities(Body, in, policy);
    REQUIRE(r.mentions.size() == 1);
    CHECK(r.mentions.at(0).text == QStringLiteral("Ashraf Ghani"));
    REQUIRE(r.skipped.size() == 2);
    CHECK(r.skipped.at(0).mention.text == QStringLiteral("Ghani"));
    CHECK(r.skipped.at(0).reason == Reason::Rejected);
    CHECK(r.skipped.at(1).mention.text == QStringLiteral("U.S."));
    CHECK(r.created.size() == 1);
    CHECK_FALSE(keysOf(r.aliases).contains(QStringLiteral("ghani")));
}

TEST_CASE("resolver: a manual alias wins over the entity extraction found", "[resolver]")
{
    EntityPolicy policy;
    // The researcher split "Ghani" off into entity 3: mentions written so go there.
    policy.aliases.insert(QStringLiteral("ghani"), alias(QStringLiteral("Ghani"), 3, true));
    const QList<FoundEntity> ghaniOnly{
        found(Body, QStringLiteral("Ghani"), EntityType::Person, {QStringLiteral("Ghani")})};
    EntityResolution r = resolveEntities(Body, ghaniOnly, policy);
    CHECK(r.created.isEmpty());
    REQUIRE(r.mentions.size() == 1);
    CHECK(r.mentions.at(0).entity == Ref{3, -1});

    const QList<FoundEntity> both{found(Body, QStringLiteral("Ashraf Ghani"), EntityType::Person,
        {QStringLiteral("Ashraf Ghani"), QStringLiteral("Ghani")})};
    r = resolveEntities(Body, both, policy);
    REQUIRE(r.mentions.size() == 2);
    // The full name follows the mention the researcher tied: no new entity, and it joins entity 3.
    CHECK(r.created.isEmpty());
    CHECK(r.mentions.at(0).entity == Ref{3, -1});
    CHECK(r.mentions.at(1).entity == Ref{3, -1});
    CHECK(keysOf(r.aliases) == QStringList{QStringLiteral("ashraf ghani")});

    // Where extraction knows the full name as entity 5, "Ghani" still goes where the researcher said.
    policy.aliases.insert(QStringLiteral("ashraf ghani"), alias(QStringLiteral("Ashraf Ghani"), 5));
    r = resolveEntities(Body, both, policy);
    REQUIRE(r.mentions.size() == 2);
    CHECK(r.mentions.at(0).entity == Ref{5, -1});
    CHECK(r.mentions.at(1).entity == Ref{3, -1});
    CHECK(r.aliases.isEmpty());
}

TEST_CASE("resolver: mentions over a span the researcher marked are left to the mark", "[resolver]")
{
    EntityPolicy policy;
    const qint64 at = Body.indexOf(QStringLiteral("Ghani thanked")); // no surrogates: code points
    policy.markedSpans.append({at - 1, at + 2});
    const QList<FoundEntity> in{found(Body, QStringLiteral("Ashraf Ghani"), EntityType::Person,
        {QStringLiteral("Ashraf Ghani"), QStringLiteral("Ghani")})};
    const EntityResolution r = resolveEntities(Body, in, policy);
    REQUIRE(r.mentions.size() == 1);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped.at(0).reason == Reason::Marked);
    CHECK(r.skipped.at(0).mention.start == at);
}

TEST_CASE("resolver: spans become code points, and spans outside the body are skipped", "[resolver]")
{
    const QString body = QStringLiteral("Fans posted 😀😀 for Pompeo.");
    FoundEntity e = found(body, QStringLiteral("Pompeo"), EntityType::Person, {QStringLiteral("Pompeo")});
    e.mentions.append(FoundMention{body.size() - 2, body.size() + 4, QStringLiteral("Pompeo"), {}});
    const EntityResolution r = resolveEntities(body, {e}, {});
    REQUIRE(r.mentions.size() == 1);
    CHECK(r.mentions.at(0).start == body.indexOf(QStringLiteral("Pompeo")) - 2); // two emoji, two surrogate pairs
    CHECK(r.mentions.at(0).end == r.mentions.at(0).start + 6);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped.at(0).reason == Reason::OutsideText);
}

TEST_CASE("resolver: within an article, a later name finds the entity created for an earlier one", "[resolver]")
{
    // Two found entities the extractor kept apart, sharing the mention "Ghani": the second goes to
    // the entity created for the first, as it would once the first was stored.
    const QList<FoundEntity> in{found(Body, QStringLiteral("Ashraf Ghani"), EntityType::Person,
                                    {QStringLiteral("Ashraf Ghani"), QStringLiteral("Ghani")}),
        found(Body, QStringLiteral("Ghani"), EntityType::Other, {QStringLiteral("Ghani")})};
    const EntityResolution r = resolveEntities(Body, in, {});
    CHECK(r.created.size() == 1);
    REQUIRE(r.mentions.size() == 3);
    CHECK(r.mentions.at(2).entity == Ref{0, 0});
}

TEST_CASE("resolver: the policy keys cover every name and mention", "[resolver]")
{
    const QList<FoundEntity> in{
        found(Body, QStringLiteral("United States"), EntityType::Place, {QStringLiteral("U.S.")})};
    const QSet<QString> keys = gloss::extract::policyKeys(in);
    CHECK(keys == QSet<QString>{QStringLiteral("united states"), QStringLiteral("us")});
}
