#include "storage/sqlite/checker.h"

#include "storage/error.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/schemaobjects.h"
#include "storage/sqlite/tagrepository.h"

#include <QHash>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>

namespace gloss::storage::sqlite {

namespace {

// Problems of one kind listed at most this many times; the rest are counted.
constexpr int MaxListed = 100;

qint64 scalar(Database &db, const char *sql)
{
    Statement s = db.prepare(sql);
    return s.step() ? s.int64(0) : 0;
}

// The schema Gloss makes, by name: what the migrations create in an empty database.
QHash<QString, SchemaObject> expectedSchema()
{
    QHash<QString, SchemaObject> out;
    sqlite3 *db = nullptr;
    if (sqlite3_open(":memory:", &db) == SQLITE_OK) {
        bool made = true;
        for (const Migration &step : migrations())
            made = made && sqlite3_exec(db, step.sql, nullptr, nullptr, nullptr) == SQLITE_OK;
        if (made)
            for (const SchemaObject &o : schemaObjects(db))
                out.insert(o.name, o);
    }
    sqlite3_close(db);
    return out;
}

// Every object of the project's schema against the one Gloss makes: planted triggers and views
// (which Gloss never runs), objects Gloss did not make, and its own missing or changed (a table
// made again without its primary key, a unique index dropped: rows that break Gloss's rules can
// then be stored).
void checkSchema(Database &db, CheckReport &report)
{
    static const QHash<QString, SchemaObject> expected = expectedSchema();
    if (expected.isEmpty())
        throw StorageError(QStringLiteral("Gloss's own schema could not be made to compare with"));
    // The tables a virtual table keeps its data in are made by SQLite, in words that change
    // between its versions: only their presence is Gloss's.
    QStringList shadowPrefixes;
    for (const SchemaObject &o : expected)
        if (o.sql.startsWith(u"CREATE VIRTUAL TABLE"))
            shadowPrefixes.append(o.name + u'_');
    QSet<QString> present;
    for (const SchemaObject &planted : plantedObjects(db.handle()))
        report.problems.append(QStringLiteral("schema: %1 \"%2\" was not created by Gloss (Gloss never runs it)")
                                   .arg(planted.type, planted.name));
    for (const SchemaObject &o : schemaObjects(db.handle())) {
        present.insert(o.name);
        if (o.type == u"trigger" || o.type == u"view" || o.name.startsWith(u"sqlite_stat"))
            continue; // reported above; SQLite's own statistics (ANALYZE) are harmless
        const auto it = expected.constFind(o.name);
        if (it == expected.constEnd()) {
            report.problems.append(QStringLiteral("schema: %1 \"%2\" was not created by Gloss").arg(o.type, o.name));
            continue;
        }
        const bool shadow = std::any_of(shadowPrefixes.cbegin(), shadowPrefixes.cend(),
            [&](const QString &prefix) { return o.name.startsWith(prefix); });
        if (it->type != o.type || (!shadow && it->sql != o.sql))
            report.problems.append(QStringLiteral("schema: %1 \"%2\" is not as Gloss made it").arg(o.type, o.name));
    }
    for (const SchemaObject &o : expected)
        if (!present.contains(o.name))
            report.problems.append(QStringLiteral("schema: %1 \"%2\" is missing").arg(o.type, o.name));
}

// A highlight, entity mention or time reference: its span and the text it says is there.
struct Span
{
    enum Kind { Highlight, Mention, TimeRef } kind;
    qint64 id;
    qint64 start;
    qint64 end;
    QByteArrayView text; // UTF-8, as SQLite holds it until its statement steps on
};

// The byte after the character at `i`, as SQLite's length() and substr() step through UTF-8: a
// byte from 0xC0 up takes the continuation bytes after it; any other byte is a character alone.
qsizetype nextChar(QByteArrayView utf8, qsizetype i)
{
    if (static_cast<unsigned char>(utf8[i++]) >= 0xC0)
        while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80)
            ++i;
    return i;
}

qint64 codePoints(QByteArrayView utf8)
{
    qint64 n = 0;
    for (qsizetype i = 0; i < utf8.size(); i = nextChar(utf8, i))
        ++n;
    return n;
}

QByteArrayView columnView(const Statement &s, int column)
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(s.handle(), column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(s.handle(), column) : 0);
}

// Checks every span of one article against its body in one pass over the body: the highlights,
// mentions and time references each read in order of start (their indexes give that order) and
// merged, a cursor that only moves forward to each start, and each span's text compared from
// there. A long article with many spans costs its length plus its spans' texts, and nothing but
// the body is held.
class SpanChecker
{
public:
    // The spans of one article, one query a kind: id, start, end, text, whether start and end are
    // whole numbers, in order of start.
    static constexpr const char *Queries[] = {
        "SELECT id, start, end, quote, typeof(start) = 'integer' AND typeof(end) = 'integer' FROM highlights "
        "WHERE article_id = ?1 ORDER BY start",
        "SELECT id, start, end, text, typeof(start) = 'integer' AND typeof(end) = 'integer' FROM mentions "
        "WHERE article_id = ?1 ORDER BY start",
        "SELECT id, start, end, text, typeof(start) = 'integer' AND typeof(end) = 'integer' FROM timerefs "
        "WHERE article_id = ?1 ORDER BY start",
    };

    explicit SpanChecker(CheckReport &report)
        : m_report(report)
    { }

    void check(qint64 article, QByteArrayView body, qint64 datelineEnd, Statement (&spans)[3])
    {
        const qint64 length = codePoints(body);
        if (datelineEnd < 0 || datelineEnd > length)
            add(m_datelines,
                QStringLiteral("article %1: the dateline ends at %2, outside its body (%3 characters)")
                    .arg(article)
                    .arg(datelineEnd)
                    .arg(length));
        bool live[3];
        for (int k = 0; k < 3; ++k)
            live[k] = spans[k].step();
        qint64 point = 0; // the code point the cursor is at
        qsizetype byte = 0; // and its byte in the body
        for (;;) {
            int next = -1;
            for (int k = 0; k < 3; ++k)
                if (live[k] && (next < 0 || spans[k].int64(1) < spans[next].int64(1)))
                    next = k;
            if (next < 0)
                break;
            Statement &q = spans[next];
            const Span s{Span::Kind(next), q.int64(0), q.int64(1), q.int64(2), columnView(q, 3)};
            if (q.int64(4) == 0) {
                fail(s, article, QStringLiteral("span %1..%2 is not two whole numbers").arg(q.text(1), q.text(2)));
            } else if (s.start < 0 || s.end > length) {
                fail(s, article,
                    QStringLiteral("span %1..%2 is outside article %3 (%4 characters)")
                        .arg(s.start)
                        .arg(s.end)
                        .arg(article)
                        .arg(length));
            } else if (s.end <= s.start) {
                fail(s, article, QStringLiteral("span %1..%2 is empty or reversed").arg(s.start).arg(s.end));
            } else {
                if (s.start < point) { // never in order of start; but the cursor must not pass a span
                    point = 0;
                    byte = 0;
                }
                for (; point < s.start && byte < body.size(); ++point)
                    byte = nextChar(body, byte);
                if (!matches(body, byte, s.end - s.start, s.text))
                    fail(s, article, QString());
            }
            live[next] = q.step();
        }
    }

    void finish()
    {
        for (const Tally *k : {&m_highlights, &m_mentions, &m_timeRefs, &m_datelines})
            if (k->count > MaxListed)
                m_report.problems.append(
                    QStringLiteral("… and %1 more like the %2 above").arg(k->count - MaxListed).arg(MaxListed));
    }

private:
    struct Tally
    {
        qint64 count = 0;
    };

    // Whether the `points` code points from `byte` are `text`, reading no further than it.
    static bool matches(QByteArrayView body, qsizetype byte, qint64 points, QByteArrayView text)
    {
        if (points > text.size()) // each code point is at least one byte
            return false;
        qsizetype end = byte;
        for (qint64 n = 0; n < points && end < body.size(); ++n)
            end = nextChar(body, end);
        return body.sliced(byte, end - byte) == text;
    }

    void add(Tally &tally, const QString &problem)
    {
        if (++tally.count <= MaxListed)
            m_report.problems.append(problem);
    }

    // `where` says what is wrong with the span itself; empty when its text is not the body's there.
    void fail(const Span &s, qint64 article, const QString &where)
    {
        static const char *const labels[] = {"highlight", "entity mention", "time reference"};
        Tally &tally = s.kind == Span::Highlight ? m_highlights : s.kind == Span::Mention ? m_mentions : m_timeRefs;
        QString problem = where;
        if (problem.isEmpty())
            problem = (s.kind == Span::Highlight ? QStringLiteral("its quote no longer matches article %1 at its span")
                                                 : QStringLiteral("does not match article %1 at its span"))
                          .arg(article);
        add(tally, QStringLiteral("%1 %2: %3").arg(QLatin1StringView(labels[s.kind])).arg(s.id).arg(problem));
    }

    CheckReport &m_report;
    Tally m_highlights;
    Tally m_mentions;
    Tally m_timeRefs;
    Tally m_datelines;
};

void checkSpans(Database &db, CheckReport &report)
{
    SpanChecker checker(report);
    Statement articles = db.prepare("SELECT id, body, dateline_end, typeof(body) FROM articles");
    Statement spans[] = {
        db.prepare(SpanChecker::Queries[0]), db.prepare(SpanChecker::Queries[1]), db.prepare(SpanChecker::Queries[2])};
    while (articles.step()) {
        const qint64 article = articles.int64(0);
        if (articles.text(3) != u"text") {
            report.problems.append(
                QStringLiteral("article %1: its body is stored as %2, not as text").arg(article).arg(articles.text(3)));
            continue;
        }
        for (Statement &q : spans) {
            q.reset();
            q.bind(1, article);
        }
        // The body as SQLite holds it, not copied: it may be tens of megabytes.
        checker.check(article, columnView(articles, 1), articles.int64(2), spans);
    }
    checker.finish();
}

// Tag parents: Gloss never makes a cycle (a tag under itself, or under its own descendant); one
// made outside Gloss is named with its tags. Gloss shows the tags of a cycle at the top level.
void checkTagTree(Database &db, CheckReport &report)
{
    QList<model::Tag> tags;
    Statement s = db.prepare("SELECT id, parent_id, name FROM tags");
    while (s.step()) {
        model::Tag t;
        t.id = s.int64(0);
        t.parentId = s.isNull(1) ? 0 : s.int64(1);
        t.name = s.text(2);
        tags.append(t);
    }
    QHash<qint64, QString> names;
    for (const model::Tag &t : std::as_const(tags)) {
        names.insert(t.id, t.name);
        if (t.id == 0) // SQLite gives no such id; only a row written with one has it
            report.problems.append(
                QStringLiteral("tags: tag \"%1\" has the id 0, which Gloss reads as no tag: it is not shown")
                    .arg(t.name));
    }
    for (const QList<qint64> &cycle : TagRepository::parentCycles(tags)) {
        QStringList members;
        for (const qint64 id : cycle)
            members.append(QStringLiteral("%1 \"%2\"").arg(id).arg(names.value(id)));
        report.problems.append(
            QStringLiteral("tags: a cycle of parents, each tag under the next: %1, back to %2 (Gloss shows them "
                           "at the top level)")
                .arg(members.join(QStringLiteral(", ")))
                .arg(cycle.first()));
    }
}

// Runs one part of the check; a part that cannot run is reported, and the others still run.
template <typename F> void part(CheckReport &report, const char *what, F &&run)
{
    try {
        run();
    } catch (const StorageError &e) {
        report.problems.append(
            QStringLiteral("%1: could not be checked (%2)").arg(QLatin1StringView(what), e.message()));
    }
}

} // namespace

CheckReport checkProject(Database &db)
{
    CheckReport report;
    part(report, "integrity", [&] {
        Statement integrity = db.prepare("PRAGMA integrity_check(100)");
        while (integrity.step()) {
            const QString line = integrity.text(0);
            if (line != u"ok")
                report.problems.append(QStringLiteral("integrity: %1").arg(line));
        }
    });
    part(report, "schema", [&] { checkSchema(db, report); });
    part(report, "foreign keys", [&] {
        Statement fk = db.prepare("PRAGMA foreign_key_check");
        while (fk.step()) {
            // A table without rowid has no row number to give.
            const QString row = fk.isNull(1) ? QStringLiteral("a row") : QStringLiteral("row %1").arg(fk.int64(1));
            report.problems.append(
                QStringLiteral("foreign key: %1 of %2 points to a missing %3").arg(row, fk.text(0), fk.text(2)));
        }
    });
    // FTS5's integrity check is written as an INSERT: a read-only connection cannot run it.
    if (!db.isReadOnly()) {
        try {
            Statement fts = db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)");
            fts.exec();
        } catch (const StorageError &e) {
            report.problems.append(QStringLiteral("search index: %1").arg(e.message()));
        }
    }
    part(report, "spans", [&] { checkSpans(db, report); });
    part(report, "tags", [&] { checkTagTree(db, report); });
    part(report, "counts", [&] {
        report.articles = scalar(db, "SELECT count(*) FROM articles");
        report.highlights = scalar(db, "SELECT count(*) FROM highlights");
        report.tags = scalar(db, "SELECT count(*) FROM tags");
        const qint64 ftsRows = scalar(db, "SELECT count(*) FROM articles_fts_docsize");
        if (ftsRows != report.articles)
            report.problems.append(
                QStringLiteral("search index: %1 entries for %2 articles").arg(ftsRows).arg(report.articles));
    });
    return report;
}

} // namespace gloss::storage::sqlite
