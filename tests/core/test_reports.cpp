#include "analysis/reporttables.h"
#include "csv/csvreader.h"
#include "interchange/exporter.h"
#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/interchange.h"
#include "operations/library.h"
#include "operations/reports.h"
#include "operations/sets.h"
#include "support/tempproject.h"

#include <QBuffer>
#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>

using namespace gloss;

namespace {

// What the test created, kept apart from the project: every expected count below is computed
// from these by plain loops, never by the queries under test.
struct MadeArticle
{
    qint64 id = 0;
    int index = 0; // its title is "Article <index>"
    QString body;
    QDate published;
    QString source;
    QString section;
    QStringList sets;
    QList<qint64> articleTags;
};

struct MadeHighlight
{
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 start = 0;
    qint64 end = 0;
    QString coder;
    QList<qint64> tags;
    QString note;
};

struct MadeMention
{
    qint64 entityId = 0;
    qint64 articleId = 0;
    qint64 start = 0;
    qint64 end = 0;
};

struct Corpus
{
    QList<MadeArticle> articles;
    QList<MadeHighlight> highlights;
    QList<MadeMention> mentions;
    QList<qint64> tags; // codebook order
    QHash<qint64, qsizetype> positions; // article id -> its place in `articles`
    const MadeArticle &article(qint64 id) const { return articles.at(positions.value(id)); }
};

const QStringList Words = {QStringLiteral("the"), QStringLiteral("minister"), QStringLiteral("said"),
    QStringLiteral("naïve"), QStringLiteral("talks"), QStringLiteral("would"), QStringLiteral("resume"),
    QStringLiteral("after"), QStringLiteral("strike"), QStringLiteral("at"), QStringLiteral("port"),
    QStringLiteral("Karachi"), QStringLiteral("café"), QStringLiteral("union")};

// A word's start offsets (code points) in a body made of words joined by single spaces.
QList<qint64> wordStarts(const QString &body)
{
    QList<qint64> starts{0};
    for (qsizetype i = 0; i < body.size(); ++i)
        if (body.at(i) == u' ')
            starts.append(i + 1);
    return starts;
}

Corpus makeCorpus(gloss::test::TempProject &tp)
{
    Project &p = tp.project();
    Corpus c;
    QRandomGenerator random(19);
    for (const char *path : {"Frames > Conflict", "Frames > Economy", "Actors > Government", "Blame", "Hope"}) {
        qint64 id = 0;
        p.codebook().ensure(QString::fromLatin1(path), &id);
        c.tags.append(id);
    }
    const qint64 blame = c.tags.at(3);
    // The reports list tags in codebook order (siblings by position, then name): so does the test.
    QList<qint64> order;
    for (const model::Tag &t : p.reports().codebook())
        order.append(t.id);
    std::sort(c.tags.begin(), c.tags.end(), [&](qint64 x, qint64 y) { return order.indexOf(x) < order.indexOf(y); });
    const QStringList sources = {QStringLiteral("Dawn"), QStringLiteral("The News"), QString()};
    const QStringList sections = {QStringLiteral("Business"), QStringLiteral("Politics"), QString()};
    const QDate first(2017, 11, 20); // weeks and quarters across two year ends
    for (int i = 0; i < 40; ++i) {
        MadeArticle a;
        a.index = i;
        QStringList words;
        const int n = 25 + int(random.bounded(30));
        for (int w = 0; w < n; ++w)
            words.append(Words.at(random.bounded(int(Words.size()))));
        words.append(QString::number(i)); // every body differs
        a.body = words.join(u' ');
        a.published = i % 9 == 4 ? QDate() : first.addDays(random.bounded(500));
        a.source = sources.at(i % sources.size());
        a.section = sections.at((i / 2) % sections.size());
        a.id = tp.addArticle(QStringLiteral("Article %1").arg(i), a.body, a.published, a.source);
        if (!a.section.isEmpty())
            p.library().setVariables(a.id, {{QStringLiteral("section"), a.section}});
        if (i % 5 == 1) {
            a.articleTags = {blame};
            p.annotations().setArticleTags(a.id, a.articleTags);
        }
        c.articles.append(a);
    }
    QList<qint64> inA, inB;
    for (MadeArticle &a : c.articles) {
        if (a.id % 3 == 0) {
            inA.append(a.id);
            a.sets.append(QStringLiteral("Sample A"));
        }
        if (a.id % 4 == 0) {
            inB.append(a.id);
            a.sets.append(QStringLiteral("Sample B"));
        }
    }
    p.sets().create(QStringLiteral("Sample A"), inA);
    p.sets().create(QStringLiteral("Sample B"), inB);

    for (const MadeArticle &a : c.articles) {
        const QList<qint64> starts = wordStarts(a.body);
        // Half the "Karachi"s are marked as a place, and half the "union"s as an organisation: the
        // entity x tag report reads these mentions.
        for (const qint64 s : starts) {
            if (a.body.mid(s, 7) == u"Karachi" && random.bounded(2) == 0) {
                MadeMention m{0, a.id, s, s + 7};
                p.entities().markSpan(a.id, s, s + 7, model::EntityType::Place, &m.entityId);
                c.mentions.append(m);
            } else if (a.body.mid(s, 5) == u"union" && (s + 5 == a.body.size() || a.body.at(s + 5) == u' ')
                && random.bounded(2) == 0) {
                MadeMention m{0, a.id, s, s + 5};
                p.entities().markSpan(a.id, s, s + 5, model::EntityType::Organization, &m.entityId);
                c.mentions.append(m);
            }
        }
        const int count = int(random.bounded(6));
        for (int h = 0; h < count; ++h) {
            const int from = int(random.bounded(int(starts.size()) - 1));
            const int to = std::min(int(starts.size()) - 1, from + 1 + int(random.bounded(6)));
            MadeHighlight made;
            made.articleId = a.id;
            made.start = starts.at(from);
            made.end = starts.at(to) - 1; // the word before the next one, without the space
            made.coder = random.bounded(3) == 0 ? QStringLiteral("ben") : QStringLiteral("ann");
            made.tags.append(c.tags.at(random.bounded(int(c.tags.size()))));
            if (random.bounded(3) == 0) {
                const qint64 second = c.tags.at(random.bounded(int(c.tags.size())));
                if (!made.tags.contains(second))
                    made.tags.append(second);
            }
            if (random.bounded(4) == 0)
                made.note = QStringLiteral("note <%1> & more").arg(h);
            model::Highlight hl;
            hl.articleId = made.articleId;
            hl.start = made.start;
            hl.end = made.end;
            hl.coder = made.coder;
            hl.tagIds = made.tags;
            hl.note = made.note;
            p.annotations().addHighlight(hl, &made.id);
            c.highlights.append(made);
        }
    }
    for (qsizetype i = 0; i < c.articles.size(); ++i)
        c.positions.insert(c.articles.at(i).id, i);
    return c;
}

QString isoWeek(const QDate &d)
{
    int year = 0;
    const int week = d.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

// The buckets of an article by `by`, as the report names them ("" for none).
QStringList bucketsOf(const MadeArticle &a, const model::FrequencyBy &by)
{
    const QDate d = a.published;
    switch (by.unit) {
    case model::FrequencyUnit::Day:
        return {d.isValid() ? d.toString(Qt::ISODate) : QString()};
    case model::FrequencyUnit::Week:
        return {d.isValid() ? isoWeek(d) : QString()};
    case model::FrequencyUnit::Month:
        return {d.isValid() ? d.toString(QStringLiteral("yyyy-MM")) : QString()};
    case model::FrequencyUnit::Quarter:
        return {d.isValid() ? QStringLiteral("%1-Q%2").arg(d.year()).arg((d.month() + 2) / 3) : QString()};
    case model::FrequencyUnit::Year:
        return {d.isValid() ? QString::number(d.year()) : QString()};
    case model::FrequencyUnit::Source:
        return {a.source};
    case model::FrequencyUnit::Set:
        return a.sets.isEmpty() ? QStringList{QString()} : a.sets;
    case model::FrequencyUnit::Variable:
        return {a.section};
    }
    return {};
}

using Key = std::pair<QString, qint64>;

} // namespace

TEST_CASE("frequency counts highlights and articles per period, source, set and variable", "[reports][engines]")
{
    gloss::test::TempProject tp;
    const Corpus c = makeCorpus(tp);
    Project &p = tp.project();
    REQUIRE(c.highlights.size() > 50);

    for (const QString &name :
        {QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"), QStringLiteral("quarter"),
            QStringLiteral("year"), QStringLiteral("source"), QStringLiteral("set"), QStringLiteral("var:section")}) {
        INFO(name.toStdString());
        const model::FrequencyBy by = *model::frequencyByFromName(name);
        QMap<Key, qint64> highlights;
        QMap<Key, QSet<qint64>> articles;
        QMap<QString, qint64> bucketArticles;
        for (const MadeArticle &a : c.articles) {
            for (const QString &b : bucketsOf(a, by)) {
                ++bucketArticles[b];
                for (const qint64 t : a.articleTags)
                    articles[{b, t}].insert(a.id);
            }
        }
        for (const MadeHighlight &h : c.highlights)
            for (const QString &b : bucketsOf(c.article(h.articleId), by))
                for (const qint64 t : h.tags) {
                    ++highlights[{b, t}];
                    articles[{b, t}].insert(h.articleId);
                }

        const model::FrequencyReport r = p.reports().frequency({}, by);
        QMap<Key, qint64> gotHighlights;
        QMap<Key, qint64> gotArticles;
        for (const model::FrequencyCell &cell : r.cells) {
            gotHighlights[{cell.bucket, cell.tagId}] = cell.highlights;
            gotArticles[{cell.bucket, cell.tagId}] = cell.articles;
        }
        QMap<Key, qint64> expectedArticles;
        for (auto it = articles.cbegin(); it != articles.cend(); ++it)
            expectedArticles.insert(it.key(), it.value().size());
        for (auto it = gotHighlights.begin(); it != gotHighlights.end();)
            it = it.value() == 0 ? gotHighlights.erase(it) : std::next(it); // article-tag-only cells
        CHECK(gotHighlights == highlights);
        CHECK(gotArticles == expectedArticles);

        QMap<QString, qint64> gotBuckets;
        for (qsizetype i = 0; i < r.buckets.size(); ++i)
            gotBuckets.insert(r.buckets.at(i), r.bucketArticles.at(i));
        CHECK(gotBuckets == bucketArticles);
        QStringList sorted = r.buckets;
        if (sorted.removeAll(QString()))
            CHECK(r.buckets.last().isEmpty()); // the articles without one come last
        CHECK(std::is_sorted(sorted.cbegin(), sorted.cend()));
    }

    // Chosen tags and a coder: only ann's highlights of the first two tags (and no article tags,
    // which have no coder).
    model::ReportScope scope;
    scope.tagIds = {c.tags.at(0), c.tags.at(3)};
    scope.coders = {QStringLiteral("ann")};
    const model::FrequencyReport r = p.reports().frequency(scope, *model::frequencyByFromName(QStringLiteral("year")));
    CHECK(r.tagIds == scope.tagIds);
    QMap<Key, qint64> expected;
    for (const MadeHighlight &h : c.highlights)
        for (const qint64 t : h.tags)
            if (h.coder == u"ann" && scope.tagIds.contains(t)) {
                const QDate d = c.article(h.articleId).published;
                ++expected[{d.isValid() ? QString::number(d.year()) : QString(), t}];
            }
    QMap<Key, qint64> got;
    for (const model::FrequencyCell &cell : r.cells)
        got[{cell.bucket, cell.tagId}] = cell.highlights;
    CHECK(got == expected);

    CHECK_FALSE(model::frequencyByFromName(QStringLiteral("fortnight")));
    CHECK_FALSE(model::frequencyByFromName(QStringLiteral("var:")));
    CHECK_THROWS_WITH(p.reports().tagIds({QStringLiteral("Nope")}), Catch::Contains("No tag \"Nope\""));
}

TEST_CASE("co-occurrence counts overlapping highlights, articles holding both, and entities in passages",
    "[reports][engines]")
{
    gloss::test::TempProject tp;
    const Corpus c = makeCorpus(tp);
    Project &p = tp.project();

    QMap<std::pair<qint64, qint64>, qint64> byHighlight;
    for (const MadeHighlight &x : c.highlights)
        for (const MadeHighlight &y : c.highlights)
            if (x.articleId == y.articleId && x.start < y.end && y.start < x.end)
                for (const qint64 a : x.tags)
                    for (const qint64 b : y.tags)
                        if (a < b)
                            ++byHighlight[{a, b}];
    QHash<qint64, QSet<qint64>> tagsOfArticle;
    for (const MadeArticle &a : c.articles)
        for (const qint64 t : a.articleTags)
            tagsOfArticle[a.id].insert(t);
    for (const MadeHighlight &h : c.highlights)
        for (const qint64 t : h.tags)
            tagsOfArticle[h.articleId].insert(t);
    QMap<std::pair<qint64, qint64>, qint64> byArticle;
    QMap<qint64, qint64> articleTotals;
    for (const QSet<qint64> &tags : std::as_const(tagsOfArticle))
        for (const qint64 a : tags) {
            ++articleTotals[a];
            for (const qint64 b : tags)
                if (a < b)
                    ++byArticle[{a, b}];
        }

    auto cellsOf = [](const model::CooccurrenceReport &r) {
        QMap<std::pair<qint64, qint64>, qint64> cells;
        for (const model::CooccurrenceCell &cell : r.cells)
            cells.insert({cell.tagA, cell.tagB}, cell.count);
        return cells;
    };
    const model::CooccurrenceReport h = p.reports().cooccurrence({}, model::CooccurrenceUnit::Highlight, true);
    CHECK(cellsOf(h) == byHighlight);
    REQUIRE(h.tagIds == c.tags);
    for (qsizetype i = 0; i < h.tagIds.size(); ++i) {
        qint64 n = 0;
        for (const MadeHighlight &x : c.highlights)
            n += x.tags.contains(h.tagIds.at(i)) ? 1 : 0;
        CHECK(h.totals.at(i) == n);
    }
    const model::CooccurrenceReport a = p.reports().cooccurrence({}, model::CooccurrenceUnit::Article);
    CHECK(cellsOf(a) == byArticle);
    for (qsizetype i = 0; i < a.tagIds.size(); ++i)
        CHECK(a.totals.at(i) == articleTotals.value(a.tagIds.at(i)));
    CHECK(a.entities.isEmpty());

    // Entity x tag: the mentions wholly inside a tag's highlights.
    QMap<std::pair<qint64, qint64>, QSet<qint64>> passages, articles;
    for (const MadeMention &m : c.mentions)
        for (const MadeHighlight &x : c.highlights)
            if (x.articleId == m.articleId && m.start >= x.start && m.end <= x.end)
                for (const qint64 t : x.tags) {
                    passages[{m.entityId, t}].insert(x.id);
                    articles[{m.entityId, t}].insert(x.articleId);
                }
    REQUIRE_FALSE(passages.isEmpty());
    QMap<std::pair<qint64, qint64>, qint64> expectedPassages, gotPassages, expectedArticles, gotArticles;
    for (auto it = passages.cbegin(); it != passages.cend(); ++it) {
        expectedPassages.insert(it.key(), it.value().size());
        expectedArticles.insert(it.key(), articles.value(it.key()).size());
    }
    QSet<QString> names;
    for (const model::EntityTagCell &e : h.entities) {
        CHECK((e.entity == u"Karachi" ? e.type == u"place" : e.entity == u"union" && e.type == u"organization"));
        names.insert(e.entity);
        gotPassages.insert({e.entityId, e.tagId}, e.highlights);
        gotArticles.insert({e.entityId, e.tagId}, e.articles);
    }
    CHECK(names == QSet<QString>{QStringLiteral("Karachi"), QStringLiteral("union")});
    CHECK(gotPassages == expectedPassages);
    CHECK(gotArticles == expectedArticles);
    // Most passages first; a tie by name without case ("Karachi" before "union"), then by tag.
    for (qsizetype i = 1; i < h.entities.size(); ++i) {
        const model::EntityTagCell &x = h.entities.at(i - 1), &y = h.entities.at(i);
        CHECK(x.highlights >= y.highlights);
        if (x.highlights == y.highlights && x.entityId != y.entityId)
            CHECK(x.entity.compare(y.entity, Qt::CaseInsensitive) < 0);
        if (x.highlights == y.highlights && x.entityId == y.entityId)
            CHECK(x.tagId < y.tagId);
    }

    // Within chosen articles (those of "Sample A"): only their mentions and passages.
    model::ReportScope inSet;
    QSet<qint64> members;
    for (const MadeArticle &article : c.articles)
        if (article.sets.contains(QStringLiteral("Sample A"))) {
            members.insert(article.id);
            inSet.articles.articleIds.append(article.id);
        }
    QMap<std::pair<qint64, qint64>, qint64> expectedInSet, gotInSet;
    for (const MadeMention &m : c.mentions)
        for (const MadeHighlight &x : c.highlights)
            if (members.contains(m.articleId) && x.articleId == m.articleId && m.start >= x.start && m.end <= x.end)
                for (const qint64 t : x.tags)
                    ++expectedInSet[{m.entityId, t}];
    for (const model::EntityTagCell &e :
        p.reports().cooccurrence(inSet, model::CooccurrenceUnit::Highlight, true).entities)
        gotInSet.insert({e.entityId, e.tagId}, e.highlights);
    CHECK(gotInSet == expectedInSet);
}

TEST_CASE("passages list every highlight of the chosen tags with its context and article", "[reports][engines]")
{
    gloss::test::TempProject tp;
    const Corpus c = makeCorpus(tp);
    Project &p = tp.project();

    model::ReportScope scope;
    scope.tagIds = {c.tags.at(3), c.tags.at(0)};
    scope.articles.filter.setId = *p.sets().find(QStringLiteral("Sample A"));
    const QList<model::Passage> got = p.reports().passages(scope, model::PassageOrder::Tag, 3);
    QMap<std::pair<qint64, qint64>, qint64> expected; // (tag, highlight) -> article
    for (const MadeHighlight &h : c.highlights)
        for (const qint64 t : h.tags)
            if (scope.tagIds.contains(t) && c.article(h.articleId).sets.contains(u"Sample A"))
                expected.insert({t, h.id}, h.articleId);
    REQUIRE(got.size() == expected.size());
    REQUIRE_FALSE(got.isEmpty());
    QHash<qint64, MadeHighlight> made;
    for (const MadeHighlight &h : c.highlights)
        made.insert(h.id, h);
    for (const model::Passage &ps : got) {
        REQUIRE(expected.contains({ps.tagId, ps.highlightId}));
        const MadeHighlight &h = made.value(ps.highlightId);
        const MadeArticle &a = c.article(h.articleId);
        CHECK(ps.articleId == a.id);
        const QList<uint> points = a.body.toUcs4();
        auto slice = [&](qint64 from, qint64 to) {
            return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()) + from, to - from);
        };
        CHECK(ps.text == slice(h.start, h.end));
        CHECK(ps.start == h.start);
        CHECK(ps.coder == h.coder);
        CHECK(ps.note == h.note);
        CHECK(ps.title == QStringLiteral("Article %1").arg(a.index));
        CHECK(ps.source == a.source);
        CHECK(ps.published == (a.published.isValid() ? a.published.toString(Qt::ISODate) : QString()));
        // Context: whole words of the body right before and after, at most three of them.
        CHECK(slice(0, h.start).endsWith(ps.before));
        CHECK(slice(h.end, points.size()).startsWith(ps.after));
        CHECK(ps.before.split(u' ', Qt::SkipEmptyParts).size() <= 3);
        CHECK(ps.after.split(u' ', Qt::SkipEmptyParts).size() <= 3);
        if (h.start > 0)
            CHECK(ps.before.endsWith(u' '));
        if (h.end + 1 < points.size())
            CHECK_FALSE(ps.after.trimmed().isEmpty());
    }
    // Grouped by tag in the order of the codebook (Conflict before Blame), then by date.
    qsizetype firstBlame = -1;
    for (qsizetype i = 0; i < got.size(); ++i)
        if (got.at(i).tagId == c.tags.at(3) && firstBlame < 0)
            firstBlame = i;
    for (qsizetype i = 0; i < got.size(); ++i)
        CHECK((got.at(i).tagId == c.tags.at(0)) == (firstBlame < 0 || i < firstBlame));

    // By coder: only ben's.
    scope.coders = {QStringLiteral("ben")};
    scope.articles = {};
    qint64 bens = 0;
    for (const MadeHighlight &h : c.highlights)
        for (const qint64 t : h.tags)
            bens += h.coder == u"ben" && scope.tagIds.contains(t) ? 1 : 0;
    const QList<model::Passage> byBen = p.reports().passages(scope, model::PassageOrder::Published);
    CHECK(byBen.size() == bens);
    for (qsizetype i = 0; i < byBen.size(); ++i) {
        CHECK(byBen.at(i).coder == u"ben");
        if (i && !byBen.at(i).published.isEmpty())
            CHECK(byBen.at(i - 1).published <= byBen.at(i).published);
    }
}

TEST_CASE("the matrix export has a row per article and a column per tag, counts equal to the highlights export",
    "[reports][export][engines]")
{
    gloss::test::TempProject tp;
    const Corpus c = makeCorpus(tp);
    Project &p = tp.project();

    auto exported = [&](interchange::Layout layout, const QList<qint64> &articleIds = {}) {
        interchange::ExportOptions options;
        options.layout = layout;
        options.scope.articleIds = articleIds;
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        REQUIRE(p.interchange().exportTo(out, options).ok());
        csv::CsvReader reader(QString::fromUtf8(out.data()));
        QList<QStringList> rows;
        QStringList fields;
        int line = 0;
        while (reader.next(fields, line))
            rows.append(fields);
        return rows;
    };
    // Counted from the highlights layout (one row per highlight and tag), plus article tags.
    const QList<QStringList> highlights = exported(interchange::Layout::Highlights);
    const qsizetype articleCol = highlights.at(0).indexOf(QStringLiteral("article_id"));
    const qsizetype tagCol = highlights.at(0).indexOf(QStringLiteral("tag"));
    QMap<std::pair<qint64, QString>, qint64> expected;
    for (qsizetype i = 1; i < highlights.size(); ++i)
        if (!highlights.at(i).at(tagCol).isEmpty())
            ++expected[{highlights.at(i).at(articleCol).toLongLong(), highlights.at(i).at(tagCol)}];
    for (const MadeArticle &a : c.articles)
        if (!a.articleTags.isEmpty())
            ++expected[{a.id, QStringLiteral("Blame")}];

    const QList<QStringList> matrix = exported(interchange::Layout::Matrix);
    REQUIRE(matrix.size() == c.articles.size() + 1);
    CHECK(matrix.at(0).mid(0, 4)
        == QStringList({QStringLiteral("article_id"), QStringLiteral("article_title"), QStringLiteral("published"),
            QStringLiteral("source")}));
    QStringList tagColumns;
    for (const model::Tag &t : p.reports().codebook()) // every tag, parents too, in codebook order
        tagColumns.append(t.name);
    CHECK(matrix.at(0).mid(4) == tagColumns);
    CHECK(QSet<QString>(tagColumns.cbegin(), tagColumns.cend())
        == QSet<QString>({QStringLiteral("Frames"), QStringLiteral("Frames > Conflict"),
            QStringLiteral("Frames > Economy"), QStringLiteral("Actors"), QStringLiteral("Actors > Government"),
            QStringLiteral("Blame"), QStringLiteral("Hope")}));
    QMap<std::pair<qint64, QString>, qint64> got;
    QSet<qint64> seen;
    for (qsizetype i = 1; i < matrix.size(); ++i) {
        REQUIRE(matrix.at(i).size() == matrix.at(0).size());
        const qint64 id = matrix.at(i).at(0).toLongLong();
        seen.insert(id);
        CHECK(matrix.at(i).at(1) == QStringLiteral("Article %1").arg(c.article(id).index));
        for (qsizetype col = 4; col < matrix.at(0).size(); ++col)
            if (matrix.at(i).at(col) != u"0")
                got[{id, matrix.at(0).at(col)}] = matrix.at(i).at(col).toLongLong();
    }
    CHECK(seen.size() == c.articles.size());
    CHECK(got == expected);
    // Rows in order of publication (undated first, as SQLite orders NULL), then by id.
    for (qsizetype i = 2; i < matrix.size(); ++i) {
        const QString x = matrix.at(i - 1).at(2), y = matrix.at(i).at(2);
        CHECK((x < y || (x == y && matrix.at(i - 1).at(0).toLongLong() < matrix.at(i).at(0).toLongLong())));
    }

    // The chosen articles only, with the same counts.
    QList<qint64> chosen;
    for (const MadeArticle &a : c.articles)
        if (a.sets.contains(QStringLiteral("Sample B")))
            chosen.append(a.id);
    REQUIRE(chosen.size() > 3);
    const QList<QStringList> part = exported(interchange::Layout::Matrix, chosen);
    REQUIRE(part.size() == chosen.size() + 1);
    for (qsizetype i = 1; i < part.size(); ++i) {
        const qint64 id = part.at(i).at(0).toLongLong();
        CHECK(chosen.contains(id));
        for (qsizetype col = 4; col < part.at(0).size(); ++col)
            CHECK(part.at(i).at(col).toLongLong() == expected.value({id, part.at(0).at(col)}));
    }
}

TEST_CASE("the report tables lay out frequencies and co-occurrence as the command line writes them", "[reports]")
{
    model::FrequencyReport f;
    f.by = *model::frequencyByFromName(QStringLiteral("source"));
    f.tagIds = {7, 3}; // codebook order, whatever the ids
    f.buckets = {QString(), QStringLiteral("Dawn")};
    f.bucketArticles = {4, 3};
    f.cells = {{QString(), 3, 5, 1}, {QStringLiteral("Dawn"), 7, 2, 2}, {QStringLiteral("Dawn"), 3, 9, 3}};
    const QHash<qint64, QString> names = {{3, QStringLiteral("=Blame")}, {7, QStringLiteral("Hope")}};
    const analysis::ReportTable h = analysis::frequencyTable(f, names, analysis::FrequencyCount::Highlights, false);
    CHECK(h.headers
        == QStringList{
            QStringLiteral("source"), QStringLiteral("articles"), QStringLiteral("Hope"), QStringLiteral("=Blame")});
    CHECK(h.rows
        == QList<QStringList>{{QString(), QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("5")},
            {QStringLiteral("Dawn"), QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("9")}});
    const analysis::ReportTable s = analysis::frequencyTable(f, names, analysis::FrequencyCount::Share, true);
    CHECK(s.rows.at(0)
        == QStringList{
            QStringLiteral("(no source)"), QStringLiteral("4"), QStringLiteral("0.0"), QStringLiteral("25.0")});
    CHECK(s.rows.at(1).mid(2) == QStringList{QStringLiteral("66.7"), QStringLiteral("100.0")});
    // CSV as the command line writes it: CRLF rows, a formula-like tag name guarded.
    CHECK(analysis::csvBytes(h) == QByteArray("source,articles,Hope,'=Blame\r\n,4,0,5\r\nDawn,3,2,9\r\n"));

    model::CooccurrenceReport c;
    c.tagIds = {7, 3, 5};
    c.totals = {10, 6, 2};
    c.cells = {{3, 7, 4}, {3, 5, 1}};
    QHash<qint64, QString> three = names;
    three.insert(5, QStringLiteral("Mid"));
    const analysis::ReportTable m = analysis::cooccurrenceMatrix(c, three);
    CHECK(m.rows
        == QList<QStringList>{{QStringLiteral("Hope"), QStringLiteral("10"), QStringLiteral("4"), QStringLiteral("0")},
            {QStringLiteral("=Blame"), QStringLiteral("4"), QStringLiteral("6"), QStringLiteral("1")},
            {QStringLiteral("Mid"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}});
    CHECK(analysis::cooccurrenceCount(c, 7, 3) == 4);
    CHECK(analysis::cooccurrenceCount(c, 5, 5) == 2);
    CHECK(analysis::cooccurrenceCount(c, 7, 5) == 0);
}
