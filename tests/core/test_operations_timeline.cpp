#include "model/article.h"
#include "operations/error.h"
#include "operations/library.h"
#include "operations/project.h"
#include "operations/timeline.h"
#include "support/tempproject.h"

#include <catch2/catch.hpp>

#include <atomic>

using gloss::model::TimeRefOverride;
using gloss::operations::OperationError;
using gloss::operations::Undo;

namespace {

const QString Body = QStringLiteral("Fans posted 😀 selfies on Sunday 🎉 and talks resume next Monday.");

// What a researcher sees of an article's dates: each reference with its value, granularity and
// whether it was corrected or dismissed (dismissed ones included).
QStringList dates(gloss::Project &p, qint64 articleId)
{
    QStringList out;
    for (const gloss::model::TimeRef &r : p.timeline().forArticle(articleId, true))
        out << QStringLiteral("%1..%2 “%3” %4 %5 overridden=%6 dismissed=%7")
                   .arg(r.start)
                   .arg(r.end)
                   .arg(r.text, r.value, r.granularity)
                   .arg(r.overridden)
                   .arg(r.dismissed);
    return out;
}

} // namespace

TEST_CASE(
    "a date's correction, dismissal and restoring are undone exactly and redone", "[operations][timeline][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 id = tp.addArticle(QStringLiteral("Ceasefire"), Body, QDate(2018, 6, 18));
    REQUIRE(p.timeline().extract(*p.library().article(id)) == 2);
    const gloss::model::TimeRef sunday = p.timeline().forArticle(id).at(0);
    REQUIRE(sunday.text == u"Sunday");

    const QStringList found = dates(p, id);
    const Undo correct
        = p.timeline().setOverride({id, sunday.start, sunday.end, QStringLiteral("2018-06-10"), {}, false, {}});
    const QStringList corrected = dates(p, id);
    CHECK(corrected != found);
    CHECK(p.timeline().override(id, sunday.start, sunday.end)->value == u"2018-06-10");
    CHECK(p.timeline().forArticle(id).at(0).value == u"2018-06-10");

    const Undo dismiss = p.timeline().setOverride({id, sunday.start, sunday.end, {}, {}, true, {}});
    const QStringList dismissed = dates(p, id);
    CHECK(p.timeline().forArticle(id).size() == 1); // dismissed ones are left out unless asked for

    const Undo restore = p.timeline().clearOverride(id, sunday.start, sunday.end);
    CHECK(dates(p, id) == found);
    CHECK_FALSE(p.timeline().override(id, sunday.start, sunday.end));

    // Undo each in turn, newest first, then redo them all.
    const Undo redoRestore = p.revert(restore);
    CHECK(dates(p, id) == dismissed);
    const Undo redoDismiss = p.revert(dismiss);
    CHECK(dates(p, id) == corrected);
    const Undo redoCorrect = p.revert(correct);
    CHECK(dates(p, id) == found);
    CHECK_FALSE(p.timeline().override(id, sunday.start, sunday.end));
    p.revert(redoCorrect);
    CHECK(dates(p, id) == corrected);
    p.revert(redoDismiss);
    CHECK(dates(p, id) == dismissed);
    p.revert(redoRestore);
    CHECK(dates(p, id) == found);

    // A correction survives re-extraction (kept apart, by span).
    p.timeline().setOverride(
        {id, sunday.start, sunday.end, QStringLiteral("2018-06"), QStringLiteral("month"), false, {}});
    p.timeline().reextract(id);
    CHECK(p.timeline().forArticle(id).at(0).value == u"2018-06");
}

TEST_CASE("a date correction is refused in words before it is stored", "[operations][timeline][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 id = tp.addArticle(QStringLiteral("Ceasefire"), Body, QDate(2018, 6, 18));
    p.timeline().extract(*p.library().article(id));
    const QStringList found = dates(p, id);
    const auto refused = [&](OperationError::Kind kind, const QString &words, const TimeRefOverride &decision) {
        try {
            p.timeline().setOverride(decision);
            FAIL("not refused");
        } catch (const OperationError &e) {
            CHECK(e.kind() == kind);
            CHECK(e.message().contains(words));
        }
        CHECK(dates(p, id) == found);
    };
    using Kind = OperationError::Kind;
    refused(Kind::InvalidInput, QStringLiteral("\"next week-ish\" is not a date value"),
        {id, 25, 31, QStringLiteral("next week-ish"), {}, false, {}});
    refused(Kind::InvalidInput, QStringLiteral("\"fortnight\" is not a granularity"),
        {id, 25, 31, QStringLiteral("2018-06-10"), QStringLiteral("fortnight"), false, {}});
    refused(Kind::InvalidInput, QStringLiteral("at least one character"), {id, 31, 25, {}, {}, true, {}});
    refused(Kind::NotFound, QStringLiteral("there is no article 9999"), {9999, 25, 31, {}, {}, true, {}});
}

TEST_CASE("re-extracting every article's dates, cancelled midway, leaves each re-extracted or as it was",
    "[operations][timeline][reextract][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    QList<qint64> articles;
    for (int i = 0; i < 5; ++i)
        articles << tp.addArticle(QStringLiteral("Article %1").arg(i), Body, QDate(2018, 6, 18));
    std::atomic_bool cancel = false;
    gloss::operations::Reextraction how;
    how.batch = 3;
    how.cancel = &cancel;
    how.progress = [&](int done, int) {
        if (done == 4)
            cancel = true;
    };
    const auto result = p.timeline().reextractAll(how);
    CHECK(result.cancelled);
    CHECK(result.articles == 4);
    for (int i = 0; i < articles.size(); ++i) {
        INFO("article " << i);
        CHECK(p.timeline().forArticle(articles.at(i)).size() == (i < 4 ? 2 : 0));
    }
    CHECK(p.timeline().count() == 8);
    CHECK_FALSE(p.timeline().reextractAll().cancelled);
    CHECK(p.timeline().count() == 10);
}
