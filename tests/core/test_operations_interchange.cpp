// operations::Interchange: export through the operation writes the file the command line writes,
// annotation import through it recreates the highlights and keeps a read-only project untouched.
#include "interchange/annotationimporter.h"
#include "interchange/exporter.h"
#include "operations/annotations.h"
#include "operations/error.h"
#include "operations/interchange.h"
#include "operations/project.h"
#include "support/glossprocess.h"
#include "support/tempproject.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

using namespace gloss;
using operations::OperationError;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Two articles with highlights, tags and a note: what every layout has something to say about.
void fill(test::TempProject &tp)
{
    const qint64 a = tp.addArticle(
        QStringLiteral("Talks resume"), QStringLiteral("Envoys met in Doha on Monday."), QDate(2021, 3, 4));
    const qint64 b = tp.addArticle(
        QStringLiteral("=Ceasefire"), QStringLiteral("The ceasefire held overnight."), QDate(2021, 3, 2));
    auto &tags = tp.project().store().tags();
    model::Highlight h;
    h.articleId = a;
    h.start = 0;
    h.end = 6;
    h.tagIds = {tags.ensure(QStringLiteral("Actors > Envoys")), tags.ensure(QStringLiteral("Talks"))};
    h.note = QStringLiteral("who, \"quoted\"");
    h.coder = QStringLiteral("ana");
    tp.project().annotations().addHighlight(h);
    h.articleId = b;
    h.start = 4;
    h.end = 13;
    h.tagIds = {tags.ensure(QStringLiteral("Talks"))};
    h.note.clear();
    tp.project().annotations().addHighlight(h);
}

} // namespace

TEST_CASE("export through the operation writes the file gloss export writes", "[operations][interchange][engines]")
{
    test::TempProject tp;
    fill(tp);
    for (const interchange::Layout layout : {interchange::Layout::Highlights, interchange::Layout::HighlightsWide,
             interchange::Layout::Articles, interchange::Layout::Codebook}) {
        const QString name = interchange::layoutName(layout);
        CAPTURE(name);
        const QString byCli = tp.dir() + QStringLiteral("/cli-") + name + QStringLiteral(".csv");
        const QString byOperation = tp.dir() + QStringLiteral("/op-") + name + QStringLiteral(".csv");
        const test::Run run = test::runGloss(
            {QStringLiteral("export"), QStringLiteral("--layout"), name, QStringLiteral("-o"), byCli}, tp.path());
        REQUIRE(run.code == 0);

        interchange::ExportOptions options;
        options.layout = layout;
        qint64 lastDone = -1;
        qint64 lastTotal = -1;
        const interchange::ExportResult result
            = tp.project().interchange().exportFile(byOperation, options, [&](qint64 done, qint64 total) {
                  lastDone = done;
                  lastTotal = total;
                  return true;
              });
        REQUIRE(result.ok());
        CHECK(result.rows > 0);
        CHECK(lastDone == lastTotal); // the last report is the whole
        CHECK(readAll(byOperation) == readAll(byCli));
        CHECK(readAll(byOperation).count("\r\n") == result.rows + 1);
    }
}

TEST_CASE("annotation import through the operation recreates the highlights in another project",
    "[operations][interchange][engines]")
{
    test::TempProject from;
    fill(from);
    const QString file = from.dir() + QStringLiteral("/highlights.csv");
    REQUIRE(from.project().interchange().exportFile(file, {}).ok());

    test::TempProject to;
    to.addArticle(QStringLiteral("Unrelated"), QStringLiteral("Takes id 1 here.")); // other ids than `from`
    fill(to); // the same articles, already coded: everything is a duplicate
    const qint64 before = to.project().annotations().highlightCount();
    QList<interchange::AnnotationImportReport> reports = to.project().interchange().importAnnotations({file});
    REQUIRE(reports.size() == 1);
    CHECK(reports.first().ok());
    CHECK(reports.first().duplicates == 2);
    CHECK(to.project().annotations().highlightCount() == before);

    test::TempProject fresh;
    fresh.addArticle(QStringLiteral("Unrelated"), QStringLiteral("Takes id 1 here."));
    const qint64 talks = fresh.addArticle(
        QStringLiteral("Talks resume"), QStringLiteral("Envoys met in Doha on Monday."), QDate(2021, 3, 4));
    fresh.addArticle(QStringLiteral("=Ceasefire"), QStringLiteral("The ceasefire held overnight."), QDate(2021, 3, 2));
    int changes = 0;
    fresh.project().setChangeListener([&](operations::Areas areas, qint64) {
        if (areas & operations::Area::Highlights)
            ++changes;
    });
    reports = fresh.project().interchange().importAnnotations({file, from.dir() + QStringLiteral("/missing.csv")});
    REQUIRE(reports.size() == 2);
    CHECK(reports.at(0).ok());
    CHECK(reports.at(0).highlightsCreated == 2);
    CHECK(reports.at(0).tagsCreated == 3); // Actors, Actors > Envoys, Talks
    CHECK(reports.at(1).error.contains(QStringLiteral("missing.csv")));
    CHECK(changes == 1); // the file that was read, in one transaction
    const QList<model::Highlight> got = fresh.project().annotations().highlights(talks);
    REQUIRE(got.size() == 1);
    CHECK(got.first().quote == u"Envoys");
    CHECK(got.first().note == u"who, \"quoted\"");
    CHECK(got.first().coder == u"ana");
    CHECK(got.first().tagIds.size() == 2);
    // The verified backup taken before it, beside the project (a team project has no file to copy:
    // the import is one transaction on the server).
    if (!test::onPostgres())
        CHECK(QDir(fresh.path() + QStringLiteral(".backups"))
                  .entryList({QStringLiteral("*before-import-annotations*")}, QDir::Files)
                  .size()
            == 1);
}

TEST_CASE("a read-only project refuses an annotation import in words and is left as it was",
    "[operations][interchange][engines]")
{
    test::TempProject from;
    fill(from);
    const QString file = from.dir() + QStringLiteral("/highlights.csv");
    REQUIRE(from.project().interchange().exportFile(file, {}).ok());

    test::TempProject tp;
    tp.addArticle(QStringLiteral("Talks resume"), QStringLiteral("Envoys met in Doha on Monday."), QDate(2021, 3, 4));
    tp.close();
    auto opened = Project::open(tp.path(), Project::Access::ReadOnly);
    REQUIRE(opened.project);
    try {
        opened.project->interchange().importAnnotations({file});
        FAIL("the import went ahead");
    } catch (const OperationError &e) {
        CHECK(e.kind() == OperationError::Kind::ReadOnly);
        CHECK(e.message().contains(test::onPostgres() ? opened.project->store().location() : tp.path()));
        CHECK(e.message().contains(QStringLiteral("read-only")));
    }
    CHECK(opened.project->annotations().highlightCount() == 0);
    CHECK_THROWS_AS(
        opened.project->interchange().importAnnotationsText(QString::fromUtf8(readAll(file)), file), OperationError);
    CHECK(opened.project->annotations().highlightCount() == 0);
    // Exporting only reads: a read-only project exports.
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    CHECK(opened.project->interchange().exportTo(out, {}).ok());
    CHECK(out.data().startsWith("article_id"));
}

TEST_CASE("two coders' highlight exports concatenated are imported whole, though their ids repeat",
    "[operations][interchange][engines][coders]")
{
    // Each coder codes a copy of the same article: their highlights both get id 1.
    const auto coderCopy = [](test::TempProject &tp, qint64 start, qint64 end, const QString &coder) {
        const qint64 article = tp.addArticle(
            QStringLiteral("Talks resume"), QStringLiteral("Envoys met in Doha on Monday."), QDate(2021, 3, 4));
        model::Highlight h;
        h.articleId = article;
        h.start = start;
        h.end = end;
        h.tagIds = {tp.project().store().tags().ensure(QStringLiteral("Talks"))};
        h.coder = coder;
        qint64 id = 0;
        tp.project().annotations().addHighlight(h, &id);
        return id;
    };
    test::TempProject ana;
    test::TempProject ben;
    REQUIRE(coderCopy(ana, 0, 6, QStringLiteral("ana")) == coderCopy(ben, 14, 18, QStringLiteral("ben")));
    const QString anaFile = ana.dir() + QStringLiteral("/ana.csv");
    const QString benFile = ben.dir() + QStringLiteral("/ben.csv");
    REQUIRE(ana.project().interchange().exportFile(anaFile, {}).ok());
    REQUIRE(ben.project().interchange().exportFile(benFile, {}).ok());
    // One spreadsheet: ana's rows, then ben's without the header.
    const QByteArray benRows = readAll(benFile);
    const QString both = QString::fromUtf8(readAll(anaFile) + benRows.mid(benRows.indexOf('\n') + 1));

    test::TempProject lead;
    const qint64 article = lead.addArticle(
        QStringLiteral("Talks resume"), QStringLiteral("Envoys met in Doha on Monday."), QDate(2021, 3, 4));
    const interchange::AnnotationImportReport report
        = lead.project().interchange().importAnnotationsText(both, QStringLiteral("both.csv"));
    INFO(report.error.toStdString());
    REQUIRE(report.ok());
    CHECK(report.refused.isEmpty());
    CHECK(report.highlightsCreated == 2);
    QStringList got;
    for (const model::Highlight &h : lead.project().annotations().highlights(article))
        got.append(h.coder + u':' + h.quote);
    got.sort();
    CHECK(got == QStringList{QStringLiteral("ana:Envoys"), QStringLiteral("ben:Doha")});
}
