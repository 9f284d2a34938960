#include "csv/csvwriter.h"
#include "interchange/annotationimporter.h"
#include "interchange/annotationparser.h"
#include "interchange/exporter.h"
#include "operations/interchange.h"
#include "storage/error.h"
#include "support/tempproject.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

using namespace gloss;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

qint64 addHighlight(Project &p, qint64 article, qint64 start, qint64 end, const QStringList &tags = {})
{
    model::Highlight h;
    h.articleId = article;
    h.start = start;
    h.end = end;
    for (const QString &t : tags)
        h.tagIds.append(p.store().tags().ensure(t));
    return p.store().highlights().add(h);
}

} // namespace

TEST_CASE("the formula guard is undone exactly, whatever the cell", "[csv][export]")
{
    const QStringList cells = {QStringLiteral("=x"), QStringLiteral("'=x"), QStringLiteral("''=x"), QStringLiteral("'"),
        QStringLiteral("'plain"), QStringLiteral("-3"), QStringLiteral("'-3"), QStringLiteral("-x"),
        QStringLiteral("\tTab"), QStringLiteral("@"), QStringLiteral("plain"), QString()};
    for (const QString &cell : cells) {
        QString written = csv::CsvWriter::escape(cell, false);
        if (written.startsWith(u'"'))
            written = written.mid(1, written.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        INFO(cell.toStdString());
        CHECK(csv::CsvWriter::unguard(written) == cell);
        CHECK_FALSE((!written.startsWith(u'\'') && csv::CsvWriter::needsGuard(written)));
    }
    CHECK(csv::CsvWriter::escape(QStringLiteral("'=x"), false) == QStringLiteral("''=x"));
    CHECK(csv::CsvWriter::escape(QStringLiteral("'-3"), false) == QStringLiteral("'-3"));
}

TEST_CASE("the streaming writer writes what writeRow writes", "[csv][export]")
{
    const QStringList row
        = {QStringLiteral("=a,b"), QStringLiteral("say \"hi\""), QStringLiteral("😀"), QString(), QStringLiteral("-4")};
    for (const bool raw : {false, true}) {
        QBuffer a;
        a.open(QIODevice::WriteOnly);
        csv::CsvWriter wa(a, {false, raw});
        wa.writeRow(row);
        wa.finish();
        QBuffer b;
        b.open(QIODevice::WriteOnly);
        csv::CsvWriter wb(b, {false, raw});
        for (const QString &f : row)
            wb.writeField(QByteArrayView(f.toUtf8()));
        wb.endRow();
        wb.writeNumber(-42);
        wb.writeEmpty();
        wb.endRow();
        wb.finish();
        CHECK(b.data().startsWith(a.data()));
        CHECK(b.data().endsWith("\r\n-42,\r\n"));
        CHECK(wb.rows() == 2);
    }
}

TEST_CASE("tag names cannot hold the path or list separators", "[storage][tags][export]")
{
    test::TempProject tp;
    auto &tags = tp.project().store().tags();
    CHECK_THROWS_AS(tags.create(QStringLiteral("Pro > Con")), storage::StorageError);
    CHECK_THROWS_AS(tags.create(QStringLiteral("a; b")), storage::StorageError);
    const qint64 ok = tags.create(QStringLiteral("Pro>Con"));
    CHECK(tags.create(QStringLiteral("Cause -> effect;x")) > 0);
    CHECK_THROWS_AS(tags.rename(ok, QStringLiteral("Pro > Con")), storage::StorageError);
    CHECK(tags.get(ok)->name == u"Pro>Con");
    // ensure() still reads " > " as the path separator.
    const qint64 child = tags.ensure(QStringLiteral("Pro>Con > Sub"));
    CHECK(tags.path(child) == u"Pro>Con > Sub");
}

TEST_CASE("a cancelled or failed export leaves the file that was there", "[export][engines]")
{
    test::TempProject tp;
    Project &p = tp.project();
    const qint64 a
        = tp.addArticle(QStringLiteral("One"), QString(QStringLiteral("word ")).repeated(2000), QDate(2020, 1, 1));
    for (int i = 0; i < 9000; ++i)
        addHighlight(p, a, i, i + 4, {QStringLiteral("T")});

    const QString target = tp.dir() + QStringLiteral("/out.csv");
    {
        QFile f(target);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("the good file\n");
    }
    operations::Interchange &exporter = p.interchange();
    interchange::ExportOptions options;
    qint64 lastTotal = 0;
    int calls = 0;
    const interchange::ExportResult cancelled = exporter.exportFile(target, options, [&](qint64 done, qint64 total) {
        ++calls;
        lastTotal = total;
        return done < 5000;
    });
    CHECK(cancelled.cancelled);
    CHECK_FALSE(cancelled.ok());
    CHECK(lastTotal == 9000);
    CHECK(calls >= 2);
    CHECK(readAll(target) == QByteArray("the good file\n"));
    CHECK(QDir(tp.dir()).entryList(QDir::Files).filter(QStringLiteral("out.csv")).size() == 1); // no temporary left

    const interchange::ExportResult done = exporter.exportFile(target, options);
    REQUIRE(done.ok());
    CHECK(done.rows == 9000);
    CHECK(readAll(target).count("\r\n") == 9001);

    const interchange::ExportResult folder
        = exporter.exportFile(tp.dir() + QStringLiteral("/missing/out.csv"), options);
    CHECK(folder.error.contains(QStringLiteral("missing/out.csv")));
    CHECK(folder.error.contains(QStringLiteral("does not exist")));
}

TEST_CASE("preview and a scope of selected articles", "[export][engines]")
{
    test::TempProject tp;
    Project &p = tp.project();
    const qint64 a = tp.addArticle(QStringLiteral("A"), QStringLiteral("alpha beta gamma"), QDate(2020, 1, 2));
    const qint64 b = tp.addArticle(QStringLiteral("B"), QStringLiteral("=delta epsilon"), QDate(2020, 1, 1));
    addHighlight(p, a, 0, 5, {QStringLiteral("X"), QStringLiteral("Y > Z")});
    addHighlight(p, a, 6, 10);
    addHighlight(p, b, 0, 6, {QStringLiteral("X")});

    operations::Interchange &exporter = p.interchange();
    interchange::ExportOptions options;
    QList<QStringList> rows = exporter.exportPreview(options, 2);
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(0) == interchange::headerOf(interchange::Layout::Highlights));
    CHECK(rows.at(1).at(7) == u"'=delta"); // B was published first; guarded as written
    CHECK(rows.at(2).at(8) == u"X");

    options.layout = interchange::Layout::HighlightsWide;
    options.scope.articleIds = {a};
    rows = exporter.exportPreview(options, 10);
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(1).at(8) == u"X; Y > Z");
    CHECK(rows.at(2).at(8).isEmpty());

    options.layout = interchange::Layout::Articles;
    options.scope.articleIds = {};
    options.scope.filter.search = QStringLiteral("epsilon");
    rows = exporter.exportPreview(options, 10);
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(1).at(1) == u"B");
    CHECK(rows.at(1).at(10) == u"1");

    options.scope.filter.search = QStringLiteral("nothing matches this");
    rows = exporter.exportPreview(options, 10);
    CHECK(rows.size() == 1);

    CHECK(interchange::layoutFromName(QStringLiteral("highlights-wide")) == interchange::Layout::HighlightsWide);
    CHECK_FALSE(interchange::layoutFromName(QStringLiteral("wide")));
    CHECK(interchange::headerOf(interchange::Layout::Articles, true).last() == u"body");
}

TEST_CASE("import keeps the times, coder and note, and matches by title when the id is another article's",
    "[export][engines]")
{
    test::TempProject from;
    const qint64 a = from.addArticle(QStringLiteral("Same"), QStringLiteral("one two three"), QDate(2021, 5, 6));
    model::Highlight h;
    h.articleId = a;
    h.start = 4;
    h.end = 7;
    h.coder = QStringLiteral("zoe");
    h.note = QStringLiteral("n");
    h.created = QDateTime(QDate(2020, 1, 1), QTime(10, 0), Qt::UTC);
    h.tagIds = {from.project().store().tags().ensure(QStringLiteral("P > Q"))};
    from.project().store().highlights().add(h);
    QBuffer first;
    first.open(QIODevice::WriteOnly);
    from.project().interchange().exportTo(first, {});

    test::TempProject to;
    to.addArticle(QStringLiteral("Other"), QStringLiteral("has the id 1")); // the row's article_id is 1
    const qint64 same = to.addArticle(QStringLiteral("Same"), QStringLiteral("one two three"), QDate(2021, 5, 6));
    const interchange::AnnotationImportReport report
        = to.project().interchange().importAnnotationsText(QString::fromUtf8(first.data()), QStringLiteral("x.csv"));
    CHECK(report.ok());
    CHECK(report.highlightsCreated == 1);
    CHECK(report.tagsCreated == 2);
    const QList<model::Highlight> got = to.project().store().highlights().forArticle(same);
    REQUIRE(got.size() == 1);
    CHECK(got.first().quote == u"two");
    CHECK(got.first().coder == u"zoe");
    CHECK(got.first().note == u"n");
    CHECK(got.first().created == h.created);
    CHECK(got.first().modified == from.project().store().highlights().get(h.id)->modified);
    CHECK(to.project().store().tags().path(got.first().tagIds.value(0)) == u"P > Q");
}

TEST_CASE("a refused row is named by the row a spreadsheet shows, blank lines counted", "[export][engines]")
{
    test::TempProject p;
    const qint64 a = p.addArticle(QStringLiteral("Same"), QStringLiteral("one two three"), QDate(2021, 5, 6));
    addHighlight(p.project(), a, 4, 7);
    QBuffer exported;
    exported.open(QIODevice::WriteOnly);
    p.project().interchange().exportTo(exported, {});
    QStringList lines = QString::fromUtf8(exported.data()).split(u'\n');
    REQUIRE(lines.size() >= 2);
    const QString row = lines.at(1);
    lines.insert(2, QString()); // row 3 is blank
    // Row 4, another highlight (id 9) with its ends swapped, is refused.
    lines.insert(3, QString(row).replace(QStringLiteral(",1,4,7,two,"), QStringLiteral(",9,7,4,two,")));
    REQUIRE(lines.at(3) != row);

    const interchange::AnnotationImportReport report
        = p.project().interchange().importAnnotationsText(lines.join(u'\n'), QStringLiteral("x.csv"));
    CHECK(report.duplicates == 1);
    REQUIRE(report.refused.size() == 1);
    CHECK(report.refused.first().row == 4);
}

TEST_CASE("parsing a highlights export folds each highlight's rows into one record, touching no project", "[export]")
{
    const QString header = interchange::headerOf(interchange::Layout::Highlights).join(u',');
    REQUIRE(header.startsWith(QStringLiteral("article_id,article_title,published,")));
    const QString text = header
        + QStringLiteral("\r\n"
                         "3,Floods,2018-02-01,Wire,7,0,4,Rain,Weather > Rain,\"a, note\",ana,2018-02-02T10:00:00Z,\r\n"
                         "3,Floods,2018-02-01,Wire,7,0,4,Rain,Emoji,\"a, note\",ana,2018-02-02T10:00:00Z,\r\n"
                         "3,Floods,2018-02-01,Wire,8,9,2,Rain,,,,,\r\n"
                         "3,Floods,2018-02-01,Wire,9,0,4\r\n"
                         "x,Talks,,Wire,,0,5,'=Envoys,,,,,\r\n");
    const interchange::ParsedAnnotations parsed = interchange::parseAnnotations(text, QStringLiteral("h.csv"));
    CHECK(parsed.error.isEmpty());
    CHECK(parsed.rows == 5);
    REQUIRE(parsed.highlights.size() == 2);
    const interchange::HighlightRecord &rain = parsed.highlights.at(0);
    CHECK(rain.rows == QList<int>{2, 3});
    CHECK(rain.articleId == 3);
    CHECK(rain.published == QDate(2018, 2, 1));
    CHECK(rain.start == 0);
    CHECK(rain.end == 4);
    CHECK(rain.tagPaths == QStringList{QStringLiteral("Weather > Rain"), QStringLiteral("Emoji")});
    CHECK(rain.note == u"a, note");
    CHECK(rain.created == QDateTime(QDate(2018, 2, 2), QTime(10, 0), Qt::UTC));
    CHECK_FALSE(rain.modified.isValid());
    const interchange::HighlightRecord &talks = parsed.highlights.at(1);
    CHECK(talks.rows == QList<int>{6});
    CHECK(talks.articleId == 0); // "x" is no id: the article is found by title and date
    CHECK_FALSE(talks.published.isValid());
    CHECK(talks.text == u"=Envoys"); // the guard undone
    CHECK(talks.rawText == u"'=Envoys");
    // Row 4 has its ends swapped, row 5 too few fields: each named by its row.
    REQUIRE(parsed.refused.size() == 2);
    CHECK(parsed.refused.at(0).row == 4);
    CHECK(parsed.refused.at(0).reason.contains(QStringLiteral("start < end")));
    CHECK(parsed.refused.at(1).row == 5);
    CHECK(parsed.refused.at(1).reason == QStringLiteral("has 7 fields, not %1").arg(interchange::HighlightColumnCount));

    CHECK(interchange::parseAnnotations(QStringLiteral("a,b\r\n"), QStringLiteral("h.csv"))
              .error.startsWith(QStringLiteral("h.csv: not a highlights or highlights-wide export")));
}
