#include "storage/sqlite/reportrepository.h"

#include "storage/sqlite/articlerepository.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/scopedreads.h"

#include <QDate>
#include <QMap>
#include <QSet>
#include <QVarLengthArray>

#include <sqlite3.h>

#include <algorithm>
#include <vector>

namespace gloss::storage::sqlite {

namespace {

// Parameters of every report query: ?1 the scope's article ids, ?2 the tags, ?3 the coders (each a
// JSON array, bound only when its clause is in the query), ?4 what the query needs besides.
constexpr int ScopeParam = 1;
constexpr int TagsParam = 2;
constexpr int CodersParam = 3;
constexpr int ExtraParam = 4;

QByteArray jsonStrings(const QStringList &values)
{
    QByteArray json = "[";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            json += ',';
        json += '"';
        for (const char c : values.at(i).toUtf8()) {
            if (c == '"' || c == '\\') {
                json += '\\';
                json += c;
            } else if (uchar(c) < 0x20) {
                json += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            } else {
                json += c;
            }
        }
        json += '"';
    }
    json += ']';
    return json;
}

QByteArray in(const char *column, int param)
{
    return QByteArray(" AND ") + column + " IN (SELECT value FROM json_each(?" + QByteArray::number(param) + "))";
}

// The bound values of a report's scope and the clauses that use them.
struct Bound
{
    QByteArray scope, tags, coders;

    Bound(Database &db, const model::ReportScope &s)
        : scope(scopeIds(db, s.articles))
        , tags(s.tagIds.isEmpty() ? QByteArray() : jsonIds(s.tagIds))
        , coders(s.coders.isEmpty() ? QByteArray() : jsonStrings(s.coders))
    { }

    // Clauses on a highlight `h` and its tag row `ht`.
    QByteArray highlightClauses(const char *h, const char *ht) const
    {
        QByteArray sql;
        if (!scope.isEmpty())
            sql += in(QByteArray(h).append(".article_id").constData(), ScopeParam);
        if (!tags.isEmpty())
            sql += in(QByteArray(ht).append(".tag_id").constData(), TagsParam);
        if (!coders.isEmpty())
            sql += in(QByteArray(h).append(".coder").constData(), CodersParam);
        return sql;
    }
    // Clauses on an article tag `at` (article tags have no coder: with coders chosen there are none).
    QByteArray articleTagClauses(const char *at) const
    {
        QByteArray sql;
        if (!coders.isEmpty())
            return " AND 0";
        if (!scope.isEmpty())
            sql += in(QByteArray(at).append(".article_id").constData(), ScopeParam);
        if (!tags.isEmpty())
            sql += in(QByteArray(at).append(".tag_id").constData(), TagsParam);
        return sql;
    }
    // Binds what the clauses of the statement use.
    void bind(Statement &s) const
    {
        if (!scope.isEmpty())
            s.bind(ScopeParam, scope.constData());
        if (!tags.isEmpty())
            s.bind(TagsParam, tags.constData());
        if (!coders.isEmpty())
            s.bind(CodersParam, coders.constData());
    }
};

// The bucket of an article `a` (see model::FrequencyUnit), and the joins it needs. For a period the
// query reads the publication date (ISO yyyy-MM-dd) and periodLabel() names its period: an
// expression evaluated on each of a million rows costs more than the rest of the query.
struct BucketSql
{
    QByteArray expression;
    QByteArray joins;
    bool period = false;
};

// "2018-06-09" -> "2018-06-09", "2018-W23" (ISO week: the year of its Thursday), "2018-06",
// "2018-Q2", "2018"; "" for no date.
QByteArray periodLabel(const QByteArray &published, model::FrequencyUnit unit)
{
    const QDate d = QDate::fromString(QString::fromLatin1(published), Qt::ISODate);
    if (!d.isValid())
        return {};
    switch (unit) {
    case model::FrequencyUnit::Week: {
        int year = 0;
        const int week = d.weekNumber(&year);
        return QByteArray::number(year) + "-W" + QByteArray::number(week).rightJustified(2, '0');
    }
    case model::FrequencyUnit::Month:
        return published.left(7);
    case model::FrequencyUnit::Quarter:
        return QByteArray::number(d.year()) + "-Q" + QByteArray::number((d.month() + 2) / 3);
    case model::FrequencyUnit::Year:
        return QByteArray::number(d.year());
    default:
        return published.left(10);
    }
}

BucketSql bucketSql(const model::FrequencyBy &by)
{
    using model::FrequencyUnit;
    switch (by.unit) {
    case FrequencyUnit::Day:
    case FrequencyUnit::Week:
    case FrequencyUnit::Month:
    case FrequencyUnit::Quarter:
    case FrequencyUnit::Year:
        return {"a.published", {}, true};
    case FrequencyUnit::Source:
        return {"nullif(a.source, '')", {}};
    case FrequencyUnit::Set:
        return {"s.name", " LEFT JOIN set_articles sa ON sa.article_id = a.id LEFT JOIN sets s ON s.id = sa.set_id"};
    case FrequencyUnit::Variable:
        return {"nullif(v.value, '')",
            " LEFT JOIN article_variables v ON v.article_id = a.id AND v.name = ?" + QByteArray::number(ExtraParam)};
    }
    return {"NULL", {}, false};
}

} // namespace

bool ReportRepository::passages(const model::ReportScope &scope, model::PassageOrder order, int context,
    const std::function<bool(const model::Passage &)> &sink)
{
    const Bound b(m_db, scope);
    const QByteArray ctx = "?" + QByteArray::number(ExtraParam);
    QByteArray sql = "SELECT ht.tag_id, h.id, h.article_id, h.start, h.end, h.quote, h.coder, a.title, a.published, "
                     "a.source, substr(a.body, max(1, h.start + 1 - "
        + ctx + "), h.start + 1 - max(1, h.start + 1 - " + ctx + ")), substr(a.body, h.end + 1, " + ctx
        + "), (SELECT group_concat(n.body, char(10)) FROM notes n WHERE n.highlight_id = h.id) "
          "FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id JOIN articles a ON a.id = h.article_id "
          "WHERE 1"
        + b.highlightClauses("h", "ht") + " ORDER BY ";
    switch (order) {
    case model::PassageOrder::Tag:
        sql += "ht.tag_id, a.published IS NULL, a.published, a.id";
        break;
    case model::PassageOrder::Published:
        sql += "a.published IS NULL, a.published, a.id";
        break;
    case model::PassageOrder::Title:
        sql += "a.title COLLATE NOCASE, a.id";
        break;
    case model::PassageOrder::Source:
        sql += "a.source COLLATE NOCASE, a.published IS NULL, a.published, a.id";
        break;
    case model::PassageOrder::Coder:
        sql += "h.coder, a.published IS NULL, a.published, a.id";
        break;
    }
    sql += ", h.start, h.id, ht.tag_id";
    const MappedReads mapped(m_db);
    Statement s = m_db.prepare(sql.constData());
    b.bind(s);
    s.bind(ExtraParam, qint64(std::max(0, context)));
    model::Passage p;
    while (s.step()) {
        p.tagId = s.int64(0);
        p.highlightId = s.int64(1);
        p.articleId = s.int64(2);
        p.start = s.int64(3);
        p.end = s.int64(4);
        p.text = s.text(5);
        p.coder = s.text(6);
        p.title = s.text(7);
        p.published = s.text(8);
        p.source = s.text(9);
        p.before = s.text(10);
        p.after = s.text(11);
        p.note = s.text(12);
        if (!sink(p))
            return false;
    }
    return true;
}

QList<model::FrequencyCell> ReportRepository::frequency(const model::ReportScope &scope, const model::FrequencyBy &by)
{
    // The engine streams (article, bucket, tag) in article order and the counts are kept here, by
    // bucket and tag: a GROUP BY of a million rows sorts them all (2.5 s for 1,000,000 highlights),
    // the stream takes a fifth of that. Articles come one after the other, so an article is counted
    // once per bucket and tag by remembering the last one counted.
    const Bound b(m_db, scope);
    const BucketSql bucket = bucketSql(by);
    struct Count
    {
        qint64 highlights = 0;
        qint64 articles = 0;
        qint64 lastArticle = 0;
    };
    QList<QByteArray> names; // the buckets by index; the null one is ""
    QHash<QByteArray, int> indexOf; // by the value read (a date, for periods)
    QHash<QByteArray, int> indexOfName;
    QHash<std::pair<int, qint64>, Count> counts;
    QSet<std::pair<qint64, std::pair<int, qint64>>> articleTagged; // (article, bucket, tag) from article tags
    QByteArray lastName;
    int lastIndex = -1;
    auto bucketIndex = [&](sqlite3_stmt *st) {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(st, 1));
        const QByteArrayView name = data ? QByteArrayView(data, sqlite3_column_bytes(st, 1)) : QByteArrayView();
        if (lastIndex >= 0 && name == lastName)
            return lastIndex;
        lastName = name.toByteArray();
        auto it = indexOf.constFind(lastName);
        if (it == indexOf.constEnd()) {
            const QByteArray label = bucket.period ? periodLabel(lastName, by.unit) : lastName;
            auto named = indexOfName.constFind(label);
            if (named == indexOfName.constEnd()) {
                named = indexOfName.insert(label, int(names.size()));
                names.append(label);
            }
            it = indexOf.insert(lastName, *named);
        }
        lastIndex = *it;
        return lastIndex;
    };
    auto run = [&](const QByteArray &sql, bool highlights) {
        Statement s = m_db.prepare(sql.constData());
        b.bind(s);
        if (by.unit == model::FrequencyUnit::Variable)
            s.bind(ExtraParam, by.variable);
        sqlite3_stmt *st = s.handle();
        while (s.step()) {
            const qint64 article = sqlite3_column_int64(st, 0);
            const int index = bucketIndex(st);
            const qint64 tag = sqlite3_column_int64(st, 2);
            Count &c = counts[{index, tag}];
            if (!highlights) {
                if (!articleTagged.contains({article, {index, tag}})) {
                    articleTagged.insert({article, {index, tag}});
                    ++c.articles;
                }
                continue;
            }
            ++c.highlights;
            if (c.lastArticle != article) {
                c.lastArticle = article;
                if (!articleTagged.contains({article, {index, tag}}))
                    ++c.articles;
            }
        }
    };
    const QByteArray articleScope = b.scope.isEmpty() ? QByteArray() : in("a.id", ScopeParam);
    if (b.coders.isEmpty()) { // article tags have no coder
        QByteArray tags = b.tags.isEmpty() ? QByteArray() : in("at.tag_id", TagsParam);
        run("SELECT a.id, " + bucket.expression + ", at.tag_id FROM articles a" + bucket.joins
                + " CROSS JOIN article_tags at ON at.article_id = a.id WHERE 1" + articleScope + tags,
            false);
    }
    lastIndex = -1;
    run("SELECT a.id, " + bucket.expression + ", ht.tag_id FROM articles a" + bucket.joins
            + " CROSS JOIN highlights h ON h.article_id = a.id CROSS JOIN highlight_tags ht ON ht.highlight_id = h.id "
              "WHERE 1"
            + articleScope + (b.tags.isEmpty() ? QByteArray() : in("ht.tag_id", TagsParam))
            + (b.coders.isEmpty() ? QByteArray() : in("h.coder", CodersParam))
            + " ORDER BY a.id", // articles by id: their highlights were mostly stored in that order
        true);

    QList<model::FrequencyCell> cells;
    cells.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        cells.append(
            {QString::fromUtf8(names.at(it.key().first)), it.key().second, it.value().highlights, it.value().articles});
    // By bucket (the empty one last), then tag.
    std::sort(cells.begin(), cells.end(), [](const model::FrequencyCell &x, const model::FrequencyCell &y) {
        if (x.bucket != y.bucket) {
            if (x.bucket.isEmpty() || y.bucket.isEmpty())
                return y.bucket.isEmpty();
            return x.bucket < y.bucket;
        }
        return x.tagId < y.tagId;
    });
    return cells;
}

QList<std::pair<QString, qint64>> ReportRepository::buckets(
    const model::ExportScope &scope, const model::FrequencyBy &by)
{
    const QByteArray ids = scopeIds(m_db, scope);
    const BucketSql bucket = bucketSql(by);
    QByteArray sql = "SELECT " + bucket.expression + " AS bucket, count(*) FROM articles a" + bucket.joins + " WHERE 1";
    if (!ids.isEmpty())
        sql += in("a.id", ScopeParam);
    sql += " GROUP BY bucket";
    Statement s = m_db.prepare(sql.constData());
    if (!ids.isEmpty())
        s.bind(ScopeParam, ids.constData());
    if (by.unit == model::FrequencyUnit::Variable)
        s.bind(ExtraParam, by.variable);
    QMap<QByteArray, qint64> counts; // by name; "" (none) goes last
    while (s.step()) {
        const QByteArray value = s.isNull(0) ? QByteArray() : s.text(0).toUtf8();
        counts[bucket.period ? periodLabel(value, by.unit) : value] += s.int64(1);
    }
    QList<std::pair<QString, qint64>> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (!it.key().isEmpty())
            out.append({QString::fromUtf8(it.key()), it.value()});
    if (counts.contains(QByteArray()))
        out.append({QString(), counts.value(QByteArray())});
    return out;
}

QList<model::CooccurrenceCell> ReportRepository::cooccurrence(
    const model::ReportScope &scope, model::CooccurrenceUnit unit, QHash<qint64, qint64> &totals)
{
    // The engine streams each article's tagged highlights (highlights_article gives them in article
    // order, no sort); the pairs are counted here, article by article. A self-join grouped in SQL
    // took 5 to 7 s on 1,000,000 highlights.
    const Bound b(m_db, scope);
    totals.clear();
    QHash<std::pair<qint64, qint64>, qint64> pairs;
    auto pair = [&](qint64 x, qint64 y) {
        if (x < y)
            ++pairs[{x, y}];
        else if (y < x)
            ++pairs[{y, x}];
    };
    QByteArray sql = "SELECT h.article_id, h.id, h.start, h.end, ht.tag_id FROM highlights h "
                     "CROSS JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE 1"
        + b.highlightClauses("h", "ht") + " ORDER BY h.article_id";

    if (unit == model::CooccurrenceUnit::Highlight) {
        struct Span
        {
            qint64 id, start, end;
            QVarLengthArray<qint64, 4> tags;
        };
        std::vector<Span> spans;
        auto flush = [&] {
            std::sort(spans.begin(), spans.end(), [](const Span &x, const Span &y) { return x.start < y.start; });
            for (std::size_t i = 0; i < spans.size(); ++i) {
                const Span &x = spans[i];
                for (qsizetype a = 0; a < x.tags.size(); ++a) // a highlight overlaps itself
                    for (qsizetype c = a + 1; c < x.tags.size(); ++c)
                        pair(x.tags[a], x.tags[c]);
                for (std::size_t j = i + 1; j < spans.size() && spans[j].start < x.end; ++j)
                    for (const qint64 t : x.tags)
                        for (const qint64 u : spans[j].tags)
                            pair(t, u);
            }
            spans.clear();
        };
        Statement s = m_db.prepare(sql.constData());
        b.bind(s);
        sqlite3_stmt *st = s.handle();
        qint64 article = 0;
        while (s.step()) {
            const qint64 a = sqlite3_column_int64(st, 0);
            const qint64 id = sqlite3_column_int64(st, 1);
            const qint64 tag = sqlite3_column_int64(st, 4);
            if (a != article) {
                flush();
                article = a;
            }
            if (spans.empty() || spans.back().id != id)
                spans.push_back({id, sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3), {}});
            spans.back().tags.append(tag);
            ++totals[tag];
        }
        flush();
    } else {
        // The articles' own tags first (few), then each article's highlights' tags.
        QHash<qint64, QList<qint64>> articleTags;
        if (b.coders.isEmpty()) {
            QByteArray tagSql
                = "SELECT at.article_id, at.tag_id FROM article_tags at WHERE 1" + b.articleTagClauses("at");
            Statement s = m_db.prepare(tagSql.constData());
            b.bind(s);
            while (s.step())
                articleTags[s.int64(0)].append(s.int64(1));
        }
        QList<qint64> tags;
        auto flush = [&](qint64 article) {
            tags += articleTags.take(article);
            std::sort(tags.begin(), tags.end());
            tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
            for (qsizetype i = 0; i < tags.size(); ++i) {
                ++totals[tags.at(i)];
                for (qsizetype j = i + 1; j < tags.size(); ++j)
                    ++pairs[{tags.at(i), tags.at(j)}];
            }
            tags.clear();
        };
        Statement s = m_db.prepare(sql.constData());
        b.bind(s);
        sqlite3_stmt *st = s.handle();
        qint64 article = 0;
        while (s.step()) {
            const qint64 a = sqlite3_column_int64(st, 0);
            if (a != article) {
                if (article)
                    flush(article);
                article = a;
            }
            tags.append(sqlite3_column_int64(st, 4));
        }
        if (article)
            flush(article);
        for (const qint64 a : articleTags.keys()) // articles with article tags and no highlight
            flush(a);
    }
    QList<model::CooccurrenceCell> cells;
    cells.reserve(pairs.size());
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it)
        cells.append({it.key().first, it.key().second, it.value()});
    std::sort(cells.begin(), cells.end(), [](const model::CooccurrenceCell &x, const model::CooccurrenceCell &y) {
        return std::pair(x.tagA, x.tagB) < std::pair(y.tagA, y.tagB);
    });
    return cells;
}

QList<model::EntityTagCell> ReportRepository::entityTags(const model::ReportScope &scope)
{
    // The engine streams, article after article (mentions_article: no sort), each mention with the
    // tags of the highlights of its article that hold it; the counting is done here. Grouped in SQL
    // (count(DISTINCT) over temporary B-trees) it took 1.4 s on 1,000,000 highlights, and the
    // planner put the entities outside the mentions: a scan of every mention per entity.
    const Bound b(m_db, scope);
    const QByteArray sql = "SELECT m.article_id, m.entity_id, h.id, ht.tag_id FROM mentions m "
                           "CROSS JOIN highlights h ON h.article_id = m.article_id AND h.start <= m.start "
                           "AND h.end >= m.end CROSS JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE 1"
        + (b.scope.isEmpty() ? QByteArray() : in("m.article_id", ScopeParam)) + b.highlightClauses("h", "ht")
        + " ORDER BY m.article_id";
    struct Count
    {
        qint64 highlights = 0;
        qint64 articles = 0;
    };
    QHash<std::pair<qint64, qint64>, Count> counts; // by (entity, tag)
    struct Row
    {
        qint64 entity, tag, highlight;
        auto operator<=>(const Row &) const = default;
    };
    std::vector<Row> rows; // of one article
    auto flush = [&] {
        // A passage holding an entity twice counts once; an article once per entity and tag.
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Count &c = counts[{rows[i].entity, rows[i].tag}];
            ++c.highlights;
            if (i == 0 || rows[i - 1].entity != rows[i].entity || rows[i - 1].tag != rows[i].tag)
                ++c.articles;
        }
        rows.clear();
    };
    {
        Statement s = m_db.prepare(sql.constData());
        b.bind(s);
        sqlite3_stmt *st = s.handle();
        qint64 article = 0;
        while (s.step()) {
            const qint64 a = sqlite3_column_int64(st, 0);
            if (a != article) {
                flush();
                article = a;
            }
            rows.push_back({sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 2)});
        }
        flush();
    }
    QList<qint64> entityIds;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        entityIds.append(it.key().first);
    std::sort(entityIds.begin(), entityIds.end());
    entityIds.erase(std::unique(entityIds.begin(), entityIds.end()), entityIds.end());
    QHash<qint64, std::pair<QString, QString>> names; // name and type, by entity
    {
        Statement s = m_db.prepare("SELECT id, name, type FROM entities WHERE id IN (SELECT value FROM json_each(?1))");
        s.bind(1, jsonIds(entityIds).constData());
        while (s.step())
            names.insert(s.int64(0), {s.text(1), s.text(2)});
    }
    QList<model::EntityTagCell> cells;
    cells.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const auto name = names.value(it.key().first);
        cells.append(
            {it.key().first, name.first, name.second, it.key().second, it.value().highlights, it.value().articles});
    }
    // Most passages first, then by name (as SQLite's NOCASE: ASCII letters folded), entity, tag.
    auto folded = [](const QString &name) {
        QString f = name;
        for (QChar &c : f)
            if (c.unicode() < 128)
                c = c.toLower();
        return f;
    };
    QHash<qint64, QString> foldedNames;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        foldedNames.insert(it.key(), folded(it.value().first));
    std::sort(cells.begin(), cells.end(), [&](const model::EntityTagCell &x, const model::EntityTagCell &y) {
        if (x.highlights != y.highlights)
            return x.highlights > y.highlights;
        if (x.entityId != y.entityId) {
            const int byName = QString::compare(foldedNames.value(x.entityId), foldedNames.value(y.entityId));
            if (byName != 0)
                return byName < 0;
            return x.entityId < y.entityId;
        }
        return x.tagId < y.tagId;
    });
    return cells;
}

bool ReportRepository::matrix(
    const model::ExportScope &scope, const std::function<bool(const model::MatrixRow &)> &sink)
{
    // Three sequential reads and no join: which article each highlight is in (the covering index
    // highlights_article), the tags of every highlight (highlight_tags in its own order), counted
    // here per article and tag; then the articles in export order (articles_published: no sort),
    // each written with its counts. Joined in SQL, a million highlight-tag rows reached one by one
    // from each article took 1.6 s of CPU; read in storage order, a third of that.
    const QByteArray ids = scopeIds(m_db, scope);
    const QByteArray articleScope = ids.isEmpty() ? QByteArray() : in("article_id", ScopeParam);
    const MappedReads mapped(m_db);
    auto prepare = [&](const QByteArray &sql) {
        Statement s = m_db.prepare(sql.constData());
        if (!ids.isEmpty())
            s.bind(ScopeParam, ids.constData());
        return s;
    };
    std::vector<std::pair<qint64, qint64>> owners; // (highlight, article), by highlight
    {
        Statement s = prepare("SELECT id, article_id FROM highlights WHERE 1" + articleScope);
        sqlite3_stmt *st = s.handle();
        while (s.step())
            owners.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
        std::sort(owners.begin(), owners.end());
    }
    std::vector<std::pair<qint64, qint64>> tagged; // (article, tag), one per highlight-tag row or article tag
    {
        Statement s = m_db.prepare("SELECT highlight_id, tag_id FROM highlight_tags ORDER BY highlight_id");
        sqlite3_stmt *st = s.handle();
        auto owner = owners.cbegin();
        while (s.step()) {
            const qint64 highlight = sqlite3_column_int64(st, 0);
            while (owner != owners.cend() && owner->first < highlight)
                ++owner;
            if (owner == owners.cend())
                break;
            if (owner->first == highlight)
                tagged.emplace_back(owner->second, sqlite3_column_int64(st, 1));
        }
        owners = {};
    }
    {
        Statement s = prepare("SELECT DISTINCT article_id, tag_id FROM article_tags WHERE 1" + articleScope);
        while (s.step())
            tagged.emplace_back(s.int64(0), s.int64(1));
    }
    std::sort(tagged.begin(), tagged.end());

    Statement s = prepare("SELECT id, title, published, source FROM articles a WHERE 1"
        + (ids.isEmpty() ? QByteArray() : in("a.id", ScopeParam)) + " ORDER BY a.published, a.id");
    sqlite3_stmt *st = s.handle();
    auto text = [st](int column) {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(st, column));
        return data ? QByteArrayView(data, sqlite3_column_bytes(st, column)) : QByteArrayView();
    };
    model::MatrixRow row;
    QByteArray counts;
    while (s.step()) {
        row.articleId = sqlite3_column_int64(st, 0);
        row.title = text(1);
        row.published = text(2);
        row.source = text(3);
        counts.clear();
        auto it = std::lower_bound(tagged.cbegin(), tagged.cend(), std::pair<qint64, qint64>(row.articleId, 0));
        while (it != tagged.cend() && it->first == row.articleId) {
            const qint64 tag = it->second;
            qint64 n = 0;
            for (; it != tagged.cend() && it->first == row.articleId && it->second == tag; ++it)
                ++n;
            if (!counts.isEmpty())
                counts += ',';
            counts += QByteArray::number(tag) + ':' + QByteArray::number(n);
        }
        row.counts = counts;
        if (!sink(row))
            return false;
    }
    return true;
}

} // namespace gloss::storage::sqlite
