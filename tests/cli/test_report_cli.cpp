#include "csv/csvreader.h"
#include "support/glossprocess.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <catch2/catch.hpp>

#include <algorithm>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

QList<QStringList> parseCsv(const QString &text)
{
    gloss::csv::CsvReader reader(text);
    QList<QStringList> rows;
    QStringList fields;
    int line = 0;
    while (reader.next(fields, line))
        rows.append(fields);
    return rows;
}

void mark(gloss::Project &p, qint64 articleId, const QString &text, const QStringList &tags, const QString &coder,
    const QString &note = {})
{
    const QString body = p.store().articles().get(articleId)->body;
    const qsizetype at = body.indexOf(text);
    REQUIRE(at >= 0);
    gloss::model::Highlight h;
    h.articleId = articleId;
    h.start = gloss::text::toCodePoints(body, at);
    h.end = gloss::text::toCodePoints(body, at + text.size());
    h.coder = coder;
    h.note = note;
    for (const QString &t : tags)
        h.tagIds.append(p.store().tags().ensure(t));
    p.store().highlights().add(h);
}

// A small project: three articles over two months and two sources, coded by two coders.
QString makeProject(gloss::test::TempProject &tp)
{
    gloss::Project &p = tp.project();
    const qint64 a1 = tp.addArticle(QStringLiteral("Port <strike> & talks"),
        QStringLiteral("The minister blamed <script>the union</script> for the strike at Karachi port. "
                       "Talks would resume on Monday, he said."),
        QDate(2018, 6, 9), QStringLiteral("Dawn"));
    const qint64 a2 = tp.addArticle(QStringLiteral("Union replies"),
        QStringLiteral("The union blamed the minister. The café owners hope for calm."), QDate(2018, 6, 20),
        QStringLiteral("The News"));
    const qint64 a3 = tp.addArticle(QStringLiteral("Calm returns"),
        QStringLiteral("Calm returned to the port, and traders hope the talks hold."), QDate(2018, 7, 2),
        QStringLiteral("Dawn"));
    mark(p, a1, QStringLiteral("blamed <script>the union</script>"), {QStringLiteral("Blame")}, QStringLiteral("ann"),
        QStringLiteral("a <b>clear</b> case & more"));
    mark(p, a1, QStringLiteral("the union</script> for the strike"), {QStringLiteral("Conflict")},
        QStringLiteral("ben"));
    mark(p, a1, QStringLiteral("Talks would resume"), {QStringLiteral("Hope")}, QStringLiteral("ann"));
    mark(p, a2, QStringLiteral("The union blamed the minister"), {QStringLiteral("Blame"), QStringLiteral("Conflict")},
        QStringLiteral("ann"));
    mark(p, a2, QStringLiteral("hope for calm"), {QStringLiteral("Hope")}, QStringLiteral("ben"));
    mark(p, a3, QStringLiteral("traders hope the talks hold"), {QStringLiteral("Hope")}, QStringLiteral("ann"));
    const QString path = tp.path();
    tp.close();
    return path;
}

} // namespace

TEST_CASE("report frequency and cooccurrence agree with counts from the highlights export", "[cli][reports][engines]")
{
    gloss::test::TempProject tp;
    const QString project = makeProject(tp);

    // Expected, from the highlights export: per month and tag, highlights and distinct articles.
    const Run exported
        = runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("highlights")}, project);
    REQUIRE(exported.code == 0);
    const QList<QStringList> rows = parseCsv(exported.out);
    const qsizetype idCol = rows.at(0).indexOf(QStringLiteral("article_id"));
    const qsizetype dateCol = rows.at(0).indexOf(QStringLiteral("published"));
    const qsizetype tagCol = rows.at(0).indexOf(QStringLiteral("tag"));
    const qsizetype startCol = rows.at(0).indexOf(QStringLiteral("start"));
    const qsizetype endCol = rows.at(0).indexOf(QStringLiteral("end"));
    QMap<std::pair<QString, QString>, qint64> highlights;
    QMap<std::pair<QString, QString>, QSet<QString>> articles;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const std::pair<QString, QString> key{rows.at(i).at(dateCol).left(7), rows.at(i).at(tagCol)};
        ++highlights[key];
        articles[key].insert(rows.at(i).at(idCol));
    }
    REQUIRE(highlights.value({QStringLiteral("2018-06"), QStringLiteral("Blame")}) == 2);

    const Run csv = runGloss({QStringLiteral("report"), QStringLiteral("frequency"), QStringLiteral("--by"),
                                 QStringLiteral("month"), QStringLiteral("--format"), QStringLiteral("csv")},
        project);
    REQUIRE(csv.code == 0);
    const QList<QStringList> table = parseCsv(csv.out);
    REQUIRE(table.size() == 3); // header, 2018-06, 2018-07
    CHECK(table.at(0).mid(0, 2) == QStringList({QStringLiteral("month"), QStringLiteral("articles")}));
    CHECK(table.at(1).at(0) == u"2018-06");
    CHECK(table.at(1).at(1) == u"2");
    CHECK(table.at(2).at(1) == u"1");
    for (qsizetype r = 1; r < table.size(); ++r)
        for (qsizetype col = 2; col < table.at(0).size(); ++col)
            CHECK(table.at(r).at(col).toLongLong() == highlights.value({table.at(r).at(0), table.at(0).at(col)}));

    const Run json = runGloss({QStringLiteral("report"), QStringLiteral("frequency"), QStringLiteral("--by"),
                                  QStringLiteral("month"), QStringLiteral("--share"), QStringLiteral("--tag"),
                                  QStringLiteral("Hope"), QStringLiteral("--format"), QStringLiteral("json")},
        project);
    REQUIRE(json.code == 0);
    const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(doc.value(QStringLiteral("count")).toString() == u"share");
    const QJsonArray list = doc.value(QStringLiteral("rows")).toArray();
    REQUIRE(list.size() == 2); // two months x one tag
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        const std::pair<QString, QString> key{o.value(QStringLiteral("bucket")).toString(), QStringLiteral("Hope")};
        CHECK(o.value(QStringLiteral("tag")).toString() == u"Hope");
        CHECK(o.value(QStringLiteral("articles")).toInteger() == articles.value(key).size());
        CHECK(o.value(QStringLiteral("share")).toDouble()
            == Approx(double(articles.value(key).size()) / o.value(QStringLiteral("bucket_articles")).toDouble()));
    }

    // Co-occurrence by highlight: pairs of overlapping highlights, counted from the export's spans.
    QMap<std::pair<QString, QString>, qint64> pairs;
    for (qsizetype i = 1; i < rows.size(); ++i)
        for (qsizetype j = 1; j < rows.size(); ++j) {
            const QStringList &x = rows.at(i), &y = rows.at(j);
            if (x.at(idCol) == y.at(idCol) && x.at(tagCol) != y.at(tagCol)
                && x.at(startCol).toLongLong() < y.at(endCol).toLongLong()
                && y.at(startCol).toLongLong() < x.at(endCol).toLongLong())
                ++pairs[{x.at(tagCol), y.at(tagCol)}];
        }
    CHECK(pairs.value({QStringLiteral("Blame"), QStringLiteral("Conflict")}) == 2);
    const Run co = runGloss(
        {QStringLiteral("report"), QStringLiteral("cooccurrence"), QStringLiteral("--format"), QStringLiteral("csv")},
        project);
    REQUIRE(co.code == 0);
    const QList<QStringList> matrix = parseCsv(co.out);
    REQUIRE(matrix.size() == 4); // header and three tags
    for (qsizetype r = 1; r < matrix.size(); ++r)
        for (qsizetype col = 1; col < matrix.at(0).size(); ++col) {
            const QString a = matrix.at(r).at(0), b = matrix.at(0).at(col);
            if (a == b) // the diagonal: the tag's own highlights
                CHECK(matrix.at(r).at(col).toLongLong()
                    == std::count_if(
                        rows.cbegin() + 1, rows.cend(), [&](const QStringList &x) { return x.at(tagCol) == a; }));
            else
                CHECK(matrix.at(r).at(col).toLongLong() == pairs.value({a, b}));
        }

    const Run byArticle = runGloss({QStringLiteral("report"), QStringLiteral("cooccurrence"), QStringLiteral("--unit"),
                                       QStringLiteral("article"), QStringLiteral("--format"), QStringLiteral("json")},
        project);
    REQUIRE(byArticle.code == 0);
    const QJsonArray articlePairs
        = QJsonDocument::fromJson(byArticle.out.toUtf8()).object().value(QStringLiteral("pairs")).toArray();
    QMap<std::pair<QString, QString>, qint64> got;
    for (const QJsonValue &v : articlePairs)
        got[{v[QStringLiteral("tag_a")].toString(), v[QStringLiteral("tag_b")].toString()}]
            = v[QStringLiteral("count")].toInteger();
    // Both articles 1 and 2 hold Blame, Conflict and Hope; article 3 only Hope.
    CHECK(got.value({QStringLiteral("Blame"), QStringLiteral("Conflict")}) == 2);
    CHECK(got.value({QStringLiteral("Blame"), QStringLiteral("Hope")}) == 2);
    CHECK(got.value({QStringLiteral("Conflict"), QStringLiteral("Hope")}) == 2);
}

TEST_CASE("report passages writes a readable, escaped HTML report", "[cli][reports][engines]")
{
    gloss::test::TempProject tp;
    const QString project = makeProject(tp);
    const QString html = tp.dir() + QStringLiteral("/blame.html");
    const Run run = runGloss({QStringLiteral("report"), QStringLiteral("passages"), QStringLiteral("--tag"),
                                 QStringLiteral("Blame"), QStringLiteral("--tag"), QStringLiteral("Hope"),
                                 QStringLiteral("--coders"), QStringLiteral("ann"), QStringLiteral("-o"), html},
        project);
    REQUIRE(run.code == 0);
    CHECK(run.err.contains(QStringLiteral("4 passages")));
    QFile f(html);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(f.readAll());
    CHECK(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
    CHECK(page.count(QStringLiteral("class=\"passage\"")) == 4); // ann's Blame (2) and Hope (2), not ben's
    CHECK(page.indexOf(QStringLiteral("<h2>")) < page.indexOf(QStringLiteral("Blame <span")));
    CHECK(page.indexOf(QStringLiteral("Blame <span")) < page.indexOf(QStringLiteral("Hope <span")));
    CHECK_FALSE(page.contains(QStringLiteral("<script>")));
    CHECK(page.contains(QStringLiteral("blamed &lt;script&gt;the union&lt;/script&gt;")));
    CHECK(page.contains(QStringLiteral("Port &lt;strike&gt; &amp; talks")));
    CHECK(page.contains(QStringLiteral("a &lt;b&gt;clear&lt;/b&gt; case &amp; more")));
    CHECK(page.contains(QStringLiteral("2018-06-09")));
    CHECK(page.contains(QStringLiteral("The News")));
    CHECK(page.contains(QStringLiteral("coded by ann")));
    CHECK_FALSE(page.contains(QStringLiteral("coded by ben")));
    CHECK(page.contains(QStringLiteral("The minister "))); // the words before the passage

    // Refusals: an unknown tag is a failure (1), a bad option a usage error (2); nothing written.
    const QString other = tp.dir() + QStringLiteral("/none.html");
    const Run unknown = runGloss({QStringLiteral("report"), QStringLiteral("passages"), QStringLiteral("--tag"),
                                     QStringLiteral("Nope"), QStringLiteral("-o"), other},
        project);
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains(QStringLiteral("No tag \"Nope\"")));
    CHECK_FALSE(QFile::exists(other));
    const Run badBy = runGloss(
        {QStringLiteral("report"), QStringLiteral("frequency"), QStringLiteral("--by"), QStringLiteral("fortnight")},
        project);
    CHECK(badBy.code == 2);
    CHECK(badBy.err.contains(QStringLiteral("--by takes day|week|month|quarter|year|source|set|var:NAME")));
    const Run badKind = runGloss({QStringLiteral("report"), QStringLiteral("charts")}, project);
    CHECK(badKind.code == 2);
    CHECK(badKind.err.contains(QStringLiteral("passages, frequency or cooccurrence")));

    const Run matrix
        = runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("matrix")}, project);
    REQUIRE(matrix.code == 0);
    const QList<QStringList> m = parseCsv(matrix.out);
    REQUIRE(m.size() == 4);
    CHECK(m.at(0)
        == QStringList({QStringLiteral("article_id"), QStringLiteral("article_title"), QStringLiteral("published"),
            QStringLiteral("source"), QStringLiteral("Blame"), QStringLiteral("Conflict"), QStringLiteral("Hope")}));
    CHECK(m.at(1).mid(4) == QStringList({QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1")}));
    CHECK(m.at(3).mid(4) == QStringList({QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("1")}));
}
