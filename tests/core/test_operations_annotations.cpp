#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/error.h"
#include "operations/library.h"
#include "operations/project.h"
#include "support/tempproject.h"

#include <QFile>

#include <catch2/catch.hpp>

using gloss::operations::Area;
using gloss::operations::Areas;
using gloss::operations::OperationError;
using gloss::operations::Undo;

namespace {

// What a researcher sees of an article's coding: every highlight with its span, tags and note,
// the article note and the article tags.
QStringList coding(gloss::Project &p, qint64 articleId)
{
    auto &a = p.annotations();
    QStringList out;
    for (const auto &h : a.highlights(articleId)) {
        QStringList tags;
        for (qint64 t : h.tagIds)
            tags << QString::number(t);
        out << QStringLiteral("%1 %2..%3 [%4] %5").arg(h.id).arg(h.start).arg(h.end).arg(tags.join(u','), h.note);
    }
    QStringList articleTags;
    for (qint64 t : a.articleTags(articleId))
        articleTags << QString::number(t);
    out << u"note: " + a.articleNote(articleId) << u"tags: " + articleTags.join(u',');
    return out;
}

struct Listened
{
    QList<std::pair<Areas, qint64>> calls;
};

} // namespace

TEST_CASE("every annotation write is undone exactly, and the undo of the undo redoes it",
    "[operations][annotations][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 article
        = tp.addArticle(QStringLiteral("Talks"), QStringLiteral("The minister met the envoy in Doha."));
    const qint64 tag1 = p.store().tags().create(QStringLiteral("Actors"));
    const qint64 tag2 = p.store().tags().create(QStringLiteral("Places"));

    Listened heard;
    p.setChangeListener([&](Areas areas, qint64 id) { heard.calls.append({areas, id}); });

    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 4;
    h.end = 12;
    h.tagIds = {tag1};
    h.note = QStringLiteral("first");
    qint64 id = 0;
    const Undo added = p.annotations().addHighlight(h, &id);
    REQUIRE(id > 0);
    REQUIRE(heard.calls.size() == 1);
    CHECK(heard.calls.first().first == Areas(Area::Highlights));
    CHECK(heard.calls.first().second == article);
    const QStringList withOne = coding(p, article);
    CHECK(withOne.first() == QStringLiteral("%1 4..12 [%2] first").arg(id).arg(tag1));

    // Each write, then its undo, then the undo of that: before, after, before, after.
    const auto roundTrip = [&](const std::function<Undo()> &write) {
        const QStringList before = coding(p, article);
        const Undo undo = write();
        const QStringList after = coding(p, article);
        CHECK(after != before);
        const Undo redo = p.revert(undo);
        CHECK(coding(p, article) == before);
        p.revert(redo);
        CHECK(coding(p, article) == after);
    };
    roundTrip([&] { return p.annotations().setHighlightTags(id, {tag1, tag2}); });
    roundTrip([&] { return p.annotations().setHighlightRange(id, 20, 25); });
    roundTrip([&] { return p.annotations().setHighlightNote(id, QStringLiteral("second")); });
    roundTrip([&] { return p.annotations().setArticleNote(article, QStringLiteral("about Doha")); });
    roundTrip([&] { return p.annotations().setArticleTags(article, {tag2}); });

    // The first undo removes the highlight; its undo brings it back with the same id and all of it.
    const QStringList full = coding(p, article);
    const Undo readd = p.revert(added);
    CHECK(p.annotations().highlights(article).isEmpty());
    p.revert(readd);
    CHECK(coding(p, article) == full);
    CHECK(p.annotations().highlight(id)->id == id);
    roundTrip([&] { return p.annotations().removeHighlight(id); });
    CHECK(p.annotations().highlights(article).isEmpty());
}

TEST_CASE("annotation writes refuse bad input in words and change nothing", "[operations][annotations][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 article = tp.addArticle(QStringLiteral("Short"), QStringLiteral("Five."));
    int told = 0;
    p.setChangeListener([&](Areas, qint64) { ++told; });

    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 3;
    h.end = 3;
    try {
        p.annotations().addHighlight(h);
        FAIL("an empty span was stored");
    } catch (const OperationError &e) {
        CHECK(e.kind() == OperationError::Kind::InvalidInput);
        CHECK(e.message().contains(QStringLiteral("at least one character")));
    }
    h.end = 40; // past the body's 5 characters
    try {
        p.annotations().addHighlight(h);
        FAIL("a span past the body was stored");
    } catch (const OperationError &e) {
        CHECK(e.kind() == OperationError::Kind::InvalidInput);
        CHECK(e.message().contains(QStringLiteral("not inside article")));
    }
    try {
        p.annotations().removeHighlight(999);
        FAIL("a missing highlight was removed");
    } catch (const OperationError &e) {
        CHECK(e.kind() == OperationError::Kind::NotFound);
        CHECK(e.message() == QStringLiteral("there is no highlight 999"));
    }
    CHECK(p.annotations().highlightCount() == 0);
    CHECK(told == 0);
}

TEST_CASE("a read-only project refuses every annotation write before it starts", "[operations][annotations][engines]")
{
    gloss::test::TempProject tp;
    const qint64 article = tp.addArticle(QStringLiteral("Kept"), QStringLiteral("Nothing changes here."));
    const QString path = tp.path();
    tp.close();
    auto opened = gloss::Project::open(path, gloss::Project::Access::ReadOnly);
    REQUIRE(opened.project);
    gloss::Project &p = *opened.project;
    try {
        p.annotations().setArticleNote(article, QStringLiteral("no"));
        FAIL("a read-only project was written");
    } catch (const OperationError &e) {
        CHECK(e.kind() == OperationError::Kind::ReadOnly);
        // The project named as the user knows it: its file, or its database on the team server.
        CHECK(e.message().contains(gloss::test::onPostgres() ? p.store().location() : path));
    }
    CHECK(p.annotations().articleNote(article).isEmpty());
}

TEST_CASE("a write made of nested writes is reported once, after it commits", "[operations][annotations][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 article = tp.addArticle(QStringLiteral("Nested"), QStringLiteral("One two three four."));
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 0;
    h.end = 3;
    qint64 id = 0;
    p.annotations().addHighlight(h, &id);
    const Undo removed = p.annotations().removeHighlight(id);

    QList<std::pair<Areas, qint64>> heard;
    p.setChangeListener([&](Areas areas, qint64 a) { heard.append({areas, a}); });
    p.revert(removed); // the revert runs restoreHighlight inside its own transaction
    REQUIRE(heard.size() == 1);
    CHECK(heard.first().first == Areas(Area::Highlights));
    CHECK(heard.first().second == article);
}

TEST_CASE("operations run together are stored all or none, and undone as one", "[operations][annotations][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 article = tp.addArticle(QStringLiteral("Together"), QStringLiteral("Ten chars."));
    const auto tagCount = [&] { return p.codebook().tags().size(); };

    // A new tag and a highlight past the body: the highlight is refused, so the tag is not kept.
    gloss::model::Highlight bad;
    bad.articleId = article;
    bad.start = 2;
    bad.end = 99;
    CHECK_THROWS_AS(p.together([&](QList<Undo> &undos) {
        qint64 tag = 0;
        undos.append(p.codebook().ensure(QStringLiteral("Frames > Conflict"), &tag));
        bad.tagIds = {tag};
        undos.append(p.annotations().addHighlight(bad));
    }),
        OperationError);
    CHECK(tagCount() == 0);
    CHECK(p.annotations().highlightCount() == 0);

    gloss::model::Highlight good = bad;
    good.end = 5;
    int told = 0;
    p.setChangeListener([&](Areas, qint64) { ++told; });
    const Undo both = p.together([&](QList<Undo> &undos) {
        qint64 tag = 0;
        undos.append(p.codebook().ensure(QStringLiteral("Frames > Conflict"), &tag));
        good.tagIds = {tag};
        undos.append(p.annotations().addHighlight(good));
    });
    CHECK(told == 1);
    CHECK(tagCount() == 2);
    CHECK(p.annotations().highlightCount() == 1);
    const Undo again = p.revert(both); // the highlight goes first, then the tags it needed
    CHECK(tagCount() == 0);
    CHECK(p.annotations().highlightCount() == 0);
    p.revert(again);
    CHECK(tagCount() == 2);
    REQUIRE(p.annotations().highlights(article).size() == 1);
    CHECK(p.annotations().highlights(article).first().tagIds.size() == 1);
}

TEST_CASE("coding records its coder: two coders keep their own article tags, notes and done marks",
    "[operations][annotations][coders][engines]")
{
    gloss::test::TempProject tp;
    gloss::Project &p = tp.project();
    const qint64 article
        = tp.addArticle(QStringLiteral("Talks"), QStringLiteral("The minister met the envoy in Doha."));
    const qint64 other = tp.addArticle(QStringLiteral("Port"), QStringLiteral("The dockers struck."));
    const qint64 actors = p.store().tags().create(QStringLiteral("Actors"));

    CHECK(p.coder().isEmpty());
    p.setCoder(QStringLiteral(" ann "));
    CHECK(p.coder() == QStringLiteral("ann"));
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = 4;
    h.end = 12;
    h.tagIds = {actors};
    qint64 id = 0;
    p.annotations().addHighlight(h, &id);
    CHECK(p.annotations().highlight(id)->coder == QStringLiteral("ann"));
    p.annotations().setArticleTags(article, {actors});
    p.annotations().setArticleNote(article, QStringLiteral("ann's note"));
    p.library().setDone({article}, true);

    p.setCoder(QStringLiteral("ben"));
    CHECK(p.annotations().articleTags(article).isEmpty()); // ben's own: none yet
    CHECK(p.annotations().articleNote(article).isEmpty());
    CHECK_FALSE(p.library().isDone(article));
    p.annotations().setArticleTags(article, {actors}); // the same tag, by another coder
    const Undo benNote = p.annotations().setArticleNote(article, QStringLiteral("ben's note"));
    int changed = -1;
    const Undo benDone = p.library().setDone({article, other}, true, &changed);
    CHECK(changed == 2);

    using Pairs = QList<std::pair<QString, qint64>>;
    CHECK(p.annotations().articleTagsByCoder(article)
        == Pairs{{QStringLiteral("ann"), actors}, {QStringLiteral("ben"), actors}});
    CHECK(p.annotations().articleNote(article, QStringLiteral("ann")) == QStringLiteral("ann's note"));
    CHECK(p.annotations().articleNotes(article).size() == 2);
    CHECK(p.library().doneCoders(article) == QStringList{QStringLiteral("ann"), QStringLiteral("ben")});
    CHECK(p.library().articlesDoneBy({QStringLiteral("ann"), QStringLiteral("ben")}) == QList<qint64>{article});
    CHECK(p.library().articlesDoneBy({QStringLiteral("ben")}) == QList<qint64>{article, other});

    gloss::model::ArticleFilter filter;
    filter.doneBy = {QStringLiteral("ben")};
    filter.notDoneBy = {QStringLiteral("ann")};
    CHECK(p.library().ids(filter) == QList<qint64>{other});

    // Undo puts back ben's, whoever is coding when it runs.
    p.setCoder(QStringLiteral("ann"));
    p.revert(benDone);
    CHECK(p.library().doneCoders(other).isEmpty());
    CHECK(p.library().doneCoders(article) == QStringList{QStringLiteral("ann")});
    p.revert(benNote);
    CHECK(p.annotations().articleNote(article, QStringLiteral("ben")).isEmpty());
    CHECK(p.annotations().articleNote(article) == QStringLiteral("ann's note"));

    // An id that is no article changes nothing.
    CHECK_THROWS_AS(p.library().setDone({other, 999}, true), OperationError);
    CHECK_FALSE(p.library().isDone(other));
}
