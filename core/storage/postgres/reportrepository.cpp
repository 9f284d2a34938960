#include "storage/postgres/reportrepository.h"

#include "storage/postgres/connection.h"
#include "storage/postgres/scopedreads.h"

#include <QDate>
#include <QMap>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <vector>

namespace gloss::storage::postgres {

namespace {

// Text ordered as SQLite's COLLATE NOCASE: ASCII letters folded, then byte by byte.
QByteArray nocase(const char *expression)
{
    return QByteArray("translate(") + expression
        + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\"";
}

QByteArray anyOf(const char *column, int param, const char *type)
{
    return QByteArray(" AND ") + column + " = ANY($" + QByteArray::number(param) + "::" + type + "[])";
}

// The bound values of a report's scope and the clauses that use them. Each value present is a
// parameter, numbered in the order scope, tags, coders; what a query needs besides comes after
// them (extra()). PostgreSQL refuses a parameter the statement does not use, so a query binds
// only what its clauses name.
struct Bound
{
    QByteArray scope, tags, coders;
    int scopeParam = 0, tagsParam = 0, codersParam = 0;

    Bound(Connection &db, const model::ReportScope &s)
        : scope(scopeIds(db, s.articles))
        , tags(s.tagIds.isEmpty() ? QByteArray() : idArray(s.tagIds))
        , coders(s.coders.isEmpty() ? QByteArray() : textArray(s.coders))
    {
        int next = 1;
        if (!scope.isEmpty())
            scopeParam = next++;
        if (!tags.isEmpty())
            tagsParam = next++;
        if (!coders.isEmpty())
            codersParam = next++;
    }
    int extra() const { return std::max({scopeParam, tagsParam, codersParam}) + 1; }

    QByteArray scopeClause(const char *column) const
    {
        return scope.isEmpty() ? QByteArray() : anyOf(column, scopeParam, "bigint");
    }
    QByteArray tagsClause(const char *column) const
    {
        return tags.isEmpty() ? QByteArray() : anyOf(column, tagsParam, "bigint");
    }
    QByteArray codersClause(const char *column) const
    {
        return coders.isEmpty() ? QByteArray() : anyOf(column, codersParam, "text");
    }
    // Clauses on a highlight `h` and its tag row `ht`.
    QByteArray highlightClauses(const char *h, const char *ht) const
    {
        return scopeClause(QByteArray(h).append(".article_id").constData())
            + tagsClause(QByteArray(ht).append(".tag_id").constData())
            + codersClause(QByteArray(h).append(".coder").constData());
    }
    // Binds every value present: for statements whose clauses name them all.
    template <typename S> void bind(S &s) const
    {
        if (!scope.isEmpty())
            s.bind(scopeParam, scope.constData());
        if (!tags.isEmpty())
            s.bind(tagsParam, tags.constData());
        if (!coders.isEmpty())
            s.bind(codersParam, coders.constData());
    }
};

// The bucket of an article `a` (see model::FrequencyUnit), and the joins it needs. For a period the
// query reads the publication date (ISO yyyy-MM-dd) and periodLabel() names its period.
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

// `variableParam`: the number of the parameter holding the variable's name (FrequencyUnit::Variable).
BucketSql bucketSql(const model::FrequencyBy &by, int variableParam)
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
            " LEFT JOIN article_variables v ON v.article_id = a.id AND v.name = $" + QByteArray::number(variableParam)
                + "::text"};
    }
    return {"NULL", {}, false};
}

} // namespace

bool ReportRepository::passages(const model::ReportScope &scope, model::PassageOrder order, int context,
    const std::function<bool(const model::Passage &)> &sink)
{
    const Bound b(m_db, scope);
    const QByteArray ctx = "$" + QByteArray::number(b.extra()) + "::bigint";
    QByteArray sql = "SELECT ht.tag_id, h.id, h.article_id, h.start, h.\"end\", h.quote, h.coder, a.title, "
                     "a.published, a.source, substr(a.body, GREATEST(1, h.start + 1 - "
        + ctx + ")::int, (h.start + 1 - GREATEST(1, h.start + 1 - " + ctx
        + "))::int), substr(a.body, (h.\"end\" + 1)::int, " + ctx
        + "::int), (SELECT string_agg(n.body, chr(10)) FROM notes n WHERE n.highlight_id = h.id) "
          "FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id JOIN articles a ON a.id = h.article_id "
          "WHERE true"
        + b.highlightClauses("h", "ht") + " ORDER BY ";
    const QByteArray published = "a.published IS NULL, a.published COLLATE \"C\", a.id";
    switch (order) {
    case model::PassageOrder::Tag:
        sql += "ht.tag_id, " + published;
        break;
    case model::PassageOrder::Published:
        sql += published;
        break;
    case model::PassageOrder::Title:
        sql += nocase("a.title") + ", a.id";
        break;
    case model::PassageOrder::Source:
        sql += nocase("a.source") + ", " + published;
        break;
    case model::PassageOrder::Coder:
        sql += "h.coder COLLATE \"C\", " + published;
        break;
    }
    sql += ", h.start, h.id, ht.tag_id";
    Cursor c(m_db, sql);
    b.bind(c);
    c.bind(b.extra(), qint64(std::max(0, context)));
    model::Passage p;
    while (c.step()) {
        const Query &s = c.row();
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
        if (!sink(p)) {
            c.close();
            return false;
        }
    }
    c.close();
    return true;
}

QList<model::FrequencyCell> ReportRepository::frequency(const model::ReportScope &scope, const model::FrequencyBy &by)
{
    // As on SQLite, the server streams (article, bucket, tag) in article order and the counts are
    // kept here, by bucket and tag; an article is counted once per bucket and tag by remembering
    // the last one counted.
    const Bound b(m_db, scope);
    const BucketSql bucket = bucketSql(by, b.extra());
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
    auto bucketIndex = [&](const Query &s) {
        const QByteArrayView name = s.view(1);
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
    // `withCoders`: whether the statement names the coders (the article tags' one does not).
    auto run = [&](const QByteArray &sql, bool highlights) {
        Cursor c(m_db, sql, 5000);
        if (!b.scope.isEmpty())
            c.bind(b.scopeParam, b.scope.constData());
        if (!b.tags.isEmpty())
            c.bind(b.tagsParam, b.tags.constData());
        if (highlights && !b.coders.isEmpty())
            c.bind(b.codersParam, b.coders.constData());
        if (by.unit == model::FrequencyUnit::Variable)
            c.bind(b.extra(), by.variable);
        while (c.step()) {
            const Query &s = c.row();
            const qint64 article = s.int64(0);
            const int index = bucketIndex(s);
            const qint64 tag = s.int64(2);
            Count &count = counts[{index, tag}];
            if (!highlights) {
                if (!articleTagged.contains({article, {index, tag}})) {
                    articleTagged.insert({article, {index, tag}});
                    ++count.articles;
                }
                continue;
            }
            ++count.highlights;
            if (count.lastArticle != article) {
                count.lastArticle = article;
                if (!articleTagged.contains({article, {index, tag}}))
                    ++count.articles;
            }
        }
        c.close();
    };
    const QByteArray articleScope = b.scopeClause("a.id");
    if (b.coders.isEmpty()) // article tags have no coder
        run("SELECT a.id, " + bucket.expression + ", at.tag_id FROM articles a" + bucket.joins
                + " JOIN article_tags at ON at.article_id = a.id WHERE true" + articleScope + b.tagsClause("at.tag_id"),
            false);
    lastIndex = -1;
    run("SELECT a.id, " + bucket.expression + ", ht.tag_id FROM articles a" + bucket.joins
            + " JOIN highlights h ON h.article_id = a.id JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE true"
            + articleScope + b.tagsClause("ht.tag_id") + b.codersClause("h.coder") + " ORDER BY a.id",
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
    const int variableParam = ids.isEmpty() ? 1 : 2;
    const BucketSql bucket = bucketSql(by, variableParam);
    QByteArray sql = "SELECT " + bucket.expression + ", count(*) FROM articles a" + bucket.joins + " WHERE true";
    if (!ids.isEmpty())
        sql += anyOf("a.id", 1, "bigint");
    sql += " GROUP BY 1";
    Query s = m_db.query(sql);
    if (!ids.isEmpty())
        s.bind(1, ids.constData());
    if (by.unit == model::FrequencyUnit::Variable)
        s.bind(variableParam, by.variable);
    QMap<QByteArray, qint64> counts; // by name; "" (none) goes last
    while (s.step()) {
        const QByteArray value = s.isNull(0) ? QByteArray() : s.utf8(0);
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
    // As on SQLite: the server streams each article's tagged highlights, the pairs are counted
    // here, article by article.
    const Bound b(m_db, scope);
    totals.clear();
    QHash<std::pair<qint64, qint64>, qint64> pairs;
    auto pair = [&](qint64 x, qint64 y) {
        if (x < y)
            ++pairs[{x, y}];
        else if (y < x)
            ++pairs[{y, x}];
    };
    // A highlight's tags come together (the order by id within an article).
    const QByteArray sql = "SELECT h.article_id, h.id, h.start, h.\"end\", ht.tag_id FROM highlights h "
                           "JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE true"
        + b.highlightClauses("h", "ht") + " ORDER BY h.article_id, h.id";

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
        Cursor c(m_db, sql, 5000);
        b.bind(c);
        qint64 article = 0;
        while (c.step()) {
            const Query &s = c.row();
            const qint64 a = s.int64(0);
            const qint64 id = s.int64(1);
            const qint64 tag = s.int64(4);
            if (a != article) {
                flush();
                article = a;
            }
            if (spans.empty() || spans.back().id != id)
                spans.push_back({id, s.int64(2), s.int64(3), {}});
            spans.back().tags.append(tag);
            ++totals[tag];
        }
        c.close();
        flush();
    } else {
        // The articles' own tags first (few), then each article's highlights' tags.
        QHash<qint64, QList<qint64>> articleTags;
        if (b.coders.isEmpty()) { // article tags have no coder
            const QByteArray tagSql = "SELECT at.article_id, at.tag_id FROM article_tags at WHERE true"
                + b.scopeClause("at.article_id") + b.tagsClause("at.tag_id");
            Query s = m_db.query(tagSql);
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
        Cursor c(m_db, sql, 5000);
        b.bind(c);
        qint64 article = 0;
        while (c.step()) {
            const Query &s = c.row();
            const qint64 a = s.int64(0);
            if (a != article) {
                if (article)
                    flush(article);
                article = a;
            }
            tags.append(s.int64(4));
        }
        c.close();
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
    // As on SQLite: the server streams, article after article, each mention with the tags of the
    // highlights of its article that hold it; the counting is done here.
    const Bound b(m_db, scope);
    const QByteArray sql = "SELECT m.article_id, m.entity_id, h.id, ht.tag_id FROM mentions m "
                           "JOIN highlights h ON h.article_id = m.article_id AND h.start <= m.start "
                           "AND h.\"end\" >= m.\"end\" JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE true"
        + b.scopeClause("m.article_id") + b.highlightClauses("h", "ht") + " ORDER BY m.article_id";
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
        Cursor c(m_db, sql, 5000);
        b.bind(c);
        qint64 article = 0;
        while (c.step()) {
            const Query &s = c.row();
            const qint64 a = s.int64(0);
            if (a != article) {
                flush();
                article = a;
            }
            rows.push_back({s.int64(1), s.int64(3), s.int64(2)});
        }
        c.close();
        flush();
    }
    QList<qint64> entityIds;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        entityIds.append(it.key().first);
    std::sort(entityIds.begin(), entityIds.end());
    entityIds.erase(std::unique(entityIds.begin(), entityIds.end()), entityIds.end());
    QHash<qint64, std::pair<QString, QString>> names; // name and type, by entity
    {
        Query s = m_db.query("SELECT id, name, type FROM entities WHERE id = ANY($1::bigint[])");
        s.bind(1, idArray(entityIds).constData());
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
    // As on SQLite, three sequential reads and no join: which article each highlight is in, the
    // tags of every highlight, counted here per article and tag; then the articles in export order,
    // each written with its counts.
    const QByteArray ids = scopeIds(m_db, scope);
    const QByteArray articleScope = ids.isEmpty() ? QByteArray() : anyOf("article_id", 1, "bigint");
    std::vector<std::pair<qint64, qint64>> owners; // (highlight, article), by highlight
    {
        Cursor c(m_db, "SELECT id, article_id FROM highlights WHERE true" + articleScope, 10000);
        if (!ids.isEmpty())
            c.bind(1, ids.constData());
        while (c.step())
            owners.emplace_back(c.row().int64(0), c.row().int64(1));
        c.close();
        std::sort(owners.begin(), owners.end());
    }
    std::vector<std::pair<qint64, qint64>> tagged; // (article, tag), one per highlight-tag row or article tag
    {
        Cursor c(m_db, "SELECT highlight_id, tag_id FROM highlight_tags ORDER BY highlight_id", 10000);
        auto owner = owners.cbegin();
        while (c.step()) {
            const qint64 highlight = c.row().int64(0);
            while (owner != owners.cend() && owner->first < highlight)
                ++owner;
            if (owner == owners.cend())
                break;
            if (owner->first == highlight)
                tagged.emplace_back(owner->second, c.row().int64(1));
        }
        c.close();
        owners = {};
    }
    {
        Query s = m_db.query("SELECT DISTINCT article_id, tag_id FROM article_tags WHERE true" + articleScope);
        if (!ids.isEmpty())
            s.bind(1, ids.constData());
        while (s.step())
            tagged.emplace_back(s.int64(0), s.int64(1));
    }
    std::sort(tagged.begin(), tagged.end());

    Cursor c(m_db,
        "SELECT id, title, published, source FROM articles a WHERE true"
            + (ids.isEmpty() ? QByteArray() : anyOf("a.id", 1, "bigint"))
            + " ORDER BY a.published COLLATE \"C\" NULLS FIRST, a.id");
    if (!ids.isEmpty())
        c.bind(1, ids.constData());
    model::MatrixRow row;
    QByteArray counts;
    while (c.step()) {
        const Query &s = c.row();
        row.articleId = s.int64(0);
        row.title = s.view(1);
        row.published = s.view(2);
        row.source = s.view(3);
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
        if (!sink(row)) {
            c.close();
            return false;
        }
    }
    c.close();
    return true;
}

} // namespace gloss::storage::postgres
