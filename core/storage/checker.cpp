#include "storage/checker.h"

#include "storage/database.h"
#include "storage/error.h"

namespace gloss::storage {

namespace {

qint64 scalar(Database &db, const char *sql)
{
    Statement s = db.prepare(sql);
    return s.step() ? s.int64(0) : 0;
}

} // namespace

CheckReport checkProject(Database &db)
{
    CheckReport report;
    try {
        Statement integrity = db.prepare("PRAGMA integrity_check(100)");
        while (integrity.step()) {
            const QString line = integrity.text(0);
            if (line != u"ok")
                report.problems.append(QStringLiteral("integrity: %1").arg(line));
        }
        // Gloss creates no triggers or views: one planted after the project was opened never runs
        // in Gloss (they are disabled on every connection), but it is reported.
        Statement foreign = db.prepare("SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view')");
        while (foreign.step())
            report.problems.append(QStringLiteral("schema: %1 \"%2\" was not created by Gloss (Gloss never runs it)")
                                       .arg(foreign.text(0), foreign.text(1)));
        Statement fk = db.prepare("PRAGMA foreign_key_check");
        while (fk.step())
            report.problems.append(QStringLiteral("foreign key: row %1 of %2 points to a missing %3")
                                       .arg(fk.int64(1))
                                       .arg(fk.text(0), fk.text(2)));
        // FTS5's integrity check is written as an INSERT: a read-only connection cannot run it.
        if (!db.isReadOnly()) {
            Statement fts = db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)");
            try {
                fts.exec();
            } catch (const StorageError &e) {
                report.problems.append(QStringLiteral("search index: %1").arg(e.message()));
            }
        }
        Statement outside = db.prepare("SELECT h.id, h.article_id, h.start, h.end, length(a.body) FROM highlights h "
                                       "JOIN articles a ON a.id = h.article_id WHERE h.end > length(a.body) LIMIT 100");
        while (outside.step())
            report.problems.append(QStringLiteral("highlight %1: span %2..%3 is outside article %4 (%5 characters)")
                                       .arg(outside.int64(0))
                                       .arg(outside.int64(2))
                                       .arg(outside.int64(3))
                                       .arg(outside.int64(1))
                                       .arg(outside.int64(4)));
        Statement quotes
            = db.prepare("SELECT h.id, h.article_id FROM highlights h JOIN articles a ON a.id = h.article_id "
                         "WHERE substr(a.body, h.start + 1, h.end - h.start) <> h.quote LIMIT 100");
        while (quotes.step())
            report.problems.append(QStringLiteral("highlight %1: its quote no longer matches article %2 at its span")
                                       .arg(quotes.int64(0))
                                       .arg(quotes.int64(1)));
        Statement mentions
            = db.prepare("SELECT m.id, m.article_id FROM mentions m JOIN articles a ON a.id = m.article_id "
                         "WHERE m.start < 0 OR m.end > length(a.body) "
                         "OR substr(a.body, m.start + 1, m.end - m.start) <> m.text LIMIT 100");
        while (mentions.step())
            report.problems.append(QStringLiteral("entity mention %1: does not match article %2 at its span")
                                       .arg(mentions.int64(0))
                                       .arg(mentions.int64(1)));
        Statement times = db.prepare("SELECT t.id, t.article_id FROM timerefs t JOIN articles a ON a.id = t.article_id "
                                     "WHERE t.start < 0 OR t.end > length(a.body) "
                                     "OR substr(a.body, t.start + 1, t.end - t.start) <> t.text LIMIT 100");
        while (times.step())
            report.problems.append(QStringLiteral("time reference %1: does not match article %2 at its span")
                                       .arg(times.int64(0))
                                       .arg(times.int64(1)));
        report.articles = scalar(db, "SELECT count(*) FROM articles");
        report.highlights = scalar(db, "SELECT count(*) FROM highlights");
        report.tags = scalar(db, "SELECT count(*) FROM tags");
        const qint64 ftsRows = scalar(db, "SELECT count(*) FROM articles_fts_docsize");
        if (ftsRows != report.articles)
            report.problems.append(
                QStringLiteral("search index: %1 entries for %2 articles").arg(ftsRows).arg(report.articles));
    } catch (const StorageError &e) {
        report.problems.append(QStringLiteral("check stopped: %1").arg(e.message()));
    }
    return report;
}

} // namespace gloss::storage
