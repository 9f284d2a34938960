#include "operations/error.h"
#include "operations/library.h"
#include "operations/project.h"
#include "support/tempproject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using gloss::Project;
using gloss::model::ArticleFilter;
using gloss::model::ArticleOrder;
using gloss::operations::OperationError;

namespace {

// Three articles a week apart; only the second mentions the harbour.
struct ThreeArticles
{
    gloss::test::TempProject t;
    qint64 storm = t.addArticle(QStringLiteral("Storm closes the coast road"),
        QStringLiteral("Wind and rain closed the coast road on Monday."), QDate(2024, 3, 1), QStringLiteral("Wire A"));
    qint64 harbour = t.addArticle(QStringLiteral("Boats return to the harbour"),
        QStringLiteral("The fishing fleet came back to the harbour after the storm."), QDate(2024, 3, 8),
        QStringLiteral("Wire B"));
    qint64 council = t.addArticle(QStringLiteral("Council approves repairs"),
        QStringLiteral("The council voted to repair the coast road."), QDate(2024, 3, 15), QStringLiteral("Wire A"));
};

QStringList titles(const QList<gloss::model::ArticleSummary> &rows)
{
    QStringList out;
    for (const auto &r : rows)
        out << r.title;
    return out;
}

OperationError::Kind kindOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const OperationError &e) {
        return e.kind();
    }
    FAIL("no OperationError was thrown");
    return OperationError::Kind::Failed;
}

} // namespace

TEST_CASE("library reads an article, lists and counts by filter, and searches", "[operations][library][engines]")
{
    ThreeArticles a;
    auto &library = a.t.project().library();

    const auto article = library.article(a.harbour);
    REQUIRE(article);
    CHECK(article->title == QStringLiteral("Boats return to the harbour"));
    CHECK(article->body.contains(QStringLiteral("fishing fleet")));
    CHECK_FALSE(library.article(a.council + 100));

    CHECK(library.count() == 3);
    ArticleFilter march;
    march.from = QDate(2024, 3, 5);
    march.to = QDate(2024, 3, 20);
    CHECK(library.count(march) == 2);
    CHECK(titles(library.list(march, ArticleOrder::Published, true, 0, 10))
        == QStringList{QStringLiteral("Boats return to the harbour"), QStringLiteral("Council approves repairs")});
    // By title, descending, one page of two then the rest.
    CHECK(titles(library.list({}, ArticleOrder::Title, false, 0, 2))
        == QStringList{QStringLiteral("Storm closes the coast road"), QStringLiteral("Council approves repairs")});
    CHECK(titles(library.list({}, ArticleOrder::Title, false, 2, 2))
        == QStringList{QStringLiteral("Boats return to the harbour")});

    ArticleFilter road;
    road.search = QStringLiteral("road");
    CHECK(library.count(road) == 2);
    CHECK(library.ids(road) == QList<qint64>{a.storm, a.council});
    ArticleFilter fleet;
    fleet.search = QStringLiteral("fleet");
    const auto hits = library.search(fleet, 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits.first().id == a.harbour);
    CHECK(hits.first().snippet.contains(QStringLiteral("fleet")));

    // Published order: storm, harbour, council; with the road filter the harbour is skipped.
    CHECK(library.neighbour(a.storm, {}, 1) == a.harbour);
    CHECK(library.neighbour(a.storm, road, 1) == a.council);
    CHECK(library.neighbour(a.council, {}, 1) == 0);
}

TEST_CASE("whether the samples were added is kept in the project", "[operations][library][engines]")
{
    gloss::test::TempProject t;
    CHECK_FALSE(t.project().library().samplesAdded());
    int told = 0;
    t.project().setChangeListener([&](gloss::operations::Areas, qint64) { ++told; });
    t.project().library().markSamplesAdded();
    CHECK(t.project().library().samplesAdded());
    CHECK(told == 0); // a record, not a change any view shows
    t.reopen();
    CHECK(t.project().library().samplesAdded());
}

TEST_CASE("library reads refuse in words: a missing project, a read-only one, a damaged one", "[operations][library]")
{
    QTemporaryDir dir;
    const QString missing = QDir(dir.path()).filePath(QStringLiteral("nowhere.gloss"));
    auto none = Project::open(missing, Project::Access::ReadOnly);
    CHECK_FALSE(none.project);
    CHECK(none.error.contains(missing));
    CHECK_FALSE(QFile::exists(missing)); // opening read-only creates nothing

    ThreeArticles a;
    const QString path = a.t.path();
    a.t.close();
    auto readOnly = Project::open(path, Project::Access::ReadOnly);
    REQUIRE(readOnly.project);
    CHECK(readOnly.project->library().count() == 3);
    CHECK(kindOf([&] { readOnly.project->library().markSamplesAdded(); }) == OperationError::Kind::ReadOnly);
    CHECK_FALSE(readOnly.project->library().samplesAdded());
    readOnly.project.reset();

    // Garbage over the second half of a larger project (the articles, not the schema at its
    // start): it opens, and a read that reaches the articles reports the damage.
    {
        gloss::test::TempProject big;
        for (int i = 0; i < 60; ++i)
            big.addArticle(QStringLiteral("Article %1").arg(i),
                QStringLiteral("Body of article %1. ").arg(i).repeated(200), QDate(2020, 1, 1).addDays(i));
        const QString bigPath = big.path();
        big.close(); // checkpoints the WAL into the file
        QFile f(bigPath);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.size() > 4096 * 40);
        const qint64 from = (f.size() / 2 / 4096) * 4096;
        f.seek(from);
        QByteArray junk(int(f.size() - from), '\0');
        for (qsizetype i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 7919 + 13) % 251);
        f.write(junk);
        f.close();
        auto damaged = Project::open(bigPath, Project::Access::ReadOnly);
        REQUIRE(damaged.project);
        try {
            damaged.project->library().list({}, ArticleOrder::Title, true, 0, 100);
            FAIL("a damaged project was read without complaint");
        } catch (const OperationError &e) {
            CHECK(e.kind() == OperationError::Kind::Damaged);
            CHECK(e.message().contains(QStringLiteral("malformed")));
        }
    }
}
