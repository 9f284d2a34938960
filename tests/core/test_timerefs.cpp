#include "operations/timeline.h"
#include "storage/error.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <catch2/catch.hpp>

using gloss::model::TimeRef;

namespace {

const TimeRef *byText(const QList<TimeRef> &refs, const QString &text)
{
    for (const TimeRef &r : refs)
        if (r.text == text)
            return &r;
    return nullptr;
}

} // namespace

TEST_CASE("extraction stores an article's time references with code point offsets", "[timerefs][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const QString body = QStringLiteral("Fans posted 😀 selfies on Sunday 🎉 and talks resume next Monday.");
    const qint64 id = tp.addArticle(QStringLiteral("Ceasefire"), body, QDate(2018, 6, 18));
    const auto article = p.store().articles().get(id);
    REQUIRE(article);
    CHECK(p.timeline().extract(*article) == 2);

    const QList<TimeRef> refs = p.store().timeRefs().forArticle(id);
    REQUIRE(refs.size() == 2);
    CHECK(refs.at(0).text == u"Sunday");
    CHECK(refs.at(0).value == u"2018-06-17");
    CHECK(refs.at(0).granularity == u"day");
    CHECK(refs.at(0).anchor == QDate(2018, 6, 18));
    CHECK(refs.at(0).anchorKind == u"published");
    // Offsets count code points, so they slice the body the way Python does.
    CHECK(gloss::text::sliceCodePoints(body, refs.at(0).start, refs.at(0).end) == u"Sunday");
    CHECK(refs.at(0).start == 25); // "Fans posted " 12, the emoji 1, " selfies on " 12
    CHECK(gloss::text::sliceCodePoints(body, refs.at(1).start, refs.at(1).end) == u"next Monday");
    CHECK(refs.at(1).value == u"2018-06-25");

    // Re-extraction replaces rather than adds.
    CHECK(p.timeline().reextract(id) == 2);
    CHECK(p.store().timeRefs().count() == 2);
}

TEST_CASE("an article without a publication date is anchored on its retrieval date, and says so", "[timerefs][engines]")
{
    gloss::test::TempProject tp;
    gloss::model::Article a;
    a.title = QStringLiteral("Undated");
    a.body = QStringLiteral("The minister resigned yesterday.");
    a.retrieved = QDate(2023, 9, 26);
    tp.project().store().articles().insert(a);
    tp.project().timeline().extract(a);
    const QList<TimeRef> refs = tp.project().store().timeRefs().forArticle(a.id);
    REQUIRE(refs.size() == 1);
    CHECK(refs.at(0).value == u"2023-09-25");
    CHECK(refs.at(0).anchorKind == u"retrieved");
    CHECK(refs.at(0).anchor == QDate(2023, 9, 26));
}

TEST_CASE("researcher overrides correct or dismiss references and survive re-extraction", "[timerefs][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 id = tp.addArticle(QStringLiteral("Trade"),
        QStringLiteral("The truce agreed in July could unravel. Everybody is waiting for February."),
        QDate(2018, 11, 14));
    p.timeline().reextract(id);
    QList<TimeRef> refs = p.store().timeRefs().forArticle(id);
    const TimeRef *july = byText(refs, QStringLiteral("July"));
    const TimeRef *february = byText(refs, QStringLiteral("February"));
    REQUIRE(july);
    REQUIRE(february);
    CHECK(february->value == u"2019-02");

    // Correct July to a day, dismiss February.
    p.store().timeRefs().setOverride({id, july->start, july->end, QStringLiteral("2018-07-25"), {}, false, {}});
    p.store().timeRefs().setOverride({id, february->start, february->end, {}, {}, true, {}});
    const qint64 febStart = february->start;

    auto check = [&] {
        const QList<TimeRef> now = p.store().timeRefs().forArticle(id);
        REQUIRE(now.size() == 1);
        CHECK(now.at(0).text == u"July");
        CHECK(now.at(0).value == u"2018-07-25");
        CHECK(now.at(0).granularity == u"day");
        CHECK(now.at(0).extractedValue == u"2018-07");
        CHECK(now.at(0).overridden);
        CHECK(now.at(0).rangeStart == QDate(2018, 7, 25));
        const QList<TimeRef> all = p.store().timeRefs().forArticle(id, true);
        REQUIRE(all.size() == 2);
        CHECK(all.at(1).dismissed);
    };
    check();
    p.timeline().reextractAll();
    check();

    // The project-wide range query applies overrides and leaves dismissed references out.
    CHECK(p.store().timeRefs().inRange(QDate(2018, 7, 25), QDate(2018, 7, 25)).size() == 1);
    CHECK(p.store().timeRefs().inRange(QDate(2018, 7, 1), QDate(2018, 7, 24)).isEmpty());
    CHECK(p.store().timeRefs().inRange(QDate(2019, 1, 1), QDate(2019, 12, 31)).isEmpty());

    // Undoing a decision brings the extraction back.
    p.store().timeRefs().clearOverride(id, febStart, febStart + 8);
    CHECK(p.store().timeRefs().inRange(QDate(2019, 1, 1), QDate(2019, 12, 31)).size() == 1);
    CHECK_FALSE(p.store().timeRefs().override(id, febStart, febStart + 8));
    const auto kept = p.store().timeRefs().override(id, july->start, july->end);
    REQUIRE(kept);
    CHECK(kept->value == u"2018-07-25");

    CHECK_THROWS_AS(
        p.store().timeRefs().setOverride({id, july->start, july->end, QStringLiteral("soon"), {}, false, {}}),
        gloss::storage::StorageError);
    CHECK_THROWS_AS(
        p.store().timeRefs().setOverride({id, july->start, july->end, {}, QStringLiteral("fortnight"), false, {}}),
        gloss::storage::StorageError);
}

TEST_CASE("the project-wide range query spans articles and skips durations", "[timerefs][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 a = tp.addArticle(
        QStringLiteral("A"), QStringLiteral("Aid was cut last month for three months."), QDate(2018, 6, 9));
    const qint64 b = tp.addArticle(QStringLiteral("B"), QStringLiteral("The vote is due in 2019."), QDate(2018, 6, 20));
    p.timeline().reextractAll();
    const QList<TimeRef> may = p.store().timeRefs().inRange(QDate(2018, 5, 10), QDate(2018, 5, 10));
    REQUIRE(may.size() == 1);
    CHECK(may.at(0).articleId == a);
    CHECK(may.at(0).value == u"2018-05");
    const QList<TimeRef> all = p.store().timeRefs().inRange({}, {});
    REQUIRE(all.size() == 2); // the duration has no days
    CHECK(all.at(1).articleId == b);
    // Removing an article removes its references.
    p.store().articles().remove(a);
    CHECK(p.store().timeRefs().count() == 1);
}

TEST_CASE(
    "the references of an article whose dates repeat share one copy of each repeated string", "[timerefs][engines]")
{
    // A 60 MiB article holds 800,000 dates that repeat a few hundred texts: one copy of each per
    // reference took about 150 MB of the window's memory (issue 15).
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    QString body;
    for (int i = 0; i < 300; ++i)
        body += QStringLiteral("Talks resume on Monday. The vote was in March 2019. ");
    const qint64 id = tp.addArticle(QStringLiteral("Repeats"), body, QDate(2019, 6, 18));
    const auto article = p.store().articles().get(id);
    REQUIRE(article);
    REQUIRE(p.timeline().extract(*article) == 600);

    auto checkShared = [](const QList<TimeRef> &refs) {
        QHash<QString, QString> first; // text -> the first reference's copy
        int shared = 0;
        for (const TimeRef &r : refs) {
            const auto it = first.constFind(r.text);
            if (it == first.cend()) {
                first.insert(r.text, r.text);
                continue;
            }
            CHECK(r.text.isSharedWith(*it));
            CHECK(r.granularity.isSharedWith(refs.first().granularity) == (r.granularity == refs.first().granularity));
            CHECK(r.anchorKind.isSharedWith(refs.first().anchorKind));
            ++shared;
        }
        CHECK(first.size() == 2);
        CHECK(shared == refs.size() - 2);
    };
    const QList<TimeRef> refs = p.store().timeRefs().forArticle(id);
    REQUIRE(refs.size() == 600);
    CHECK(gloss::text::sliceCodePoints(body, refs.at(598).start, refs.at(598).end) == refs.at(598).text);
    checkShared(refs);
    checkShared(p.store().timeRefs().inRange({}, {}));
}
