// gloss-bench: Gloss against SQLite's own speed on the same data, measured side by side in one run
// (issue #8). Generates a deterministic corpus of news-text articles, imports it with `gloss import`,
// adds highlights, and measures import, search, export, opening an article and the list, memory and
// the project's size, each next to its limit. Prints a table and writes it as JSON.
//
//   gloss-bench [--articles N] [--highlights M] [--runs R] [--json FILE] [--workdir DIR] [--keep]
//
// Built by the normal build, never run by ctest. Build in Release for meaningful numbers.
#include "articles/articlelistpanel.h"
#include "benchcorpus.h"
#include "document.h"
#include "operations/project.h"
#include "reader/readerview.h"
#include "search/ftsquery.h"
#include "storage/articlerepository.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/sqlitestore.h"
#include "storage/sqlite/transaction.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <vector>

namespace {

using namespace gloss::bench;

// VmHWM (peak resident set) of a running process, in MB.
double peakRss(pid_t pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

void removeProject(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QString::fromLatin1(suffix));
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

void check(int rc, sqlite3 *db, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        fail(QStringLiteral("%1: %2").arg(QString::fromUtf8(what), QString::fromUtf8(sqlite3_errmsg(db))));
}

void exec(sqlite3 *db, const char *sql)
{
    check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

// The limit of import: the same files read and stored with the SQLite C API in a table with
// Gloss's pragmas and batch size, then an FTS5 external-content index built in one rebuild.
double importLimit(const QStringList &files, const QString &path, qint64 &sizeOut, double &cpuMsOut)
{
    removeProject(path);
    const double cpuBefore = processCpuMs();
    QElapsedTimer t;
    t.start();
    sqlite3 *db = nullptr;
    check(sqlite3_open(QFile::encodeName(path).constData(), &db), db, "open");
    exec(db, "PRAGMA page_size=32768"); // as Database::migrate for a new project
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA synchronous=NORMAL");
    exec(db, "PRAGMA foreign_keys=ON");
    exec(db, "PRAGMA temp_store=MEMORY");
    exec(db, "PRAGMA cache_size=-32768");
    exec(db, "CREATE TABLE articles(id INTEGER PRIMARY KEY, title TEXT NOT NULL, published TEXT, body TEXT NOT NULL)");
    exec(db,
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')");
    sqlite3_stmt *insert = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO articles(title, published, body) VALUES(?, ?, ?)", -1, &insert, nullptr),
        db, "prepare");
    int inBatch = 0;
    for (const QString &name : files) {
        if (inBatch == 0)
            exec(db, "BEGIN");
        const ArticleFile a = readArticle(name);
        sqlite3_bind_text(insert, 1, a.title.data(), int(a.title.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, a.published.data(), int(a.published.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, a.body.data(), int(a.body.size()), SQLITE_STATIC);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
        if (++inBatch == 200) {
            exec(db, "COMMIT");
            inBatch = 0;
        }
    }
    if (inBatch)
        exec(db, "COMMIT");
    sqlite3_finalize(insert);
    exec(db, "INSERT INTO articles_fts(articles_fts) VALUES('rebuild')");
    sqlite3_close(db);
    const double elapsed = ms(t);
    cpuMsOut = processCpuMs() - cpuBefore;
    sizeOut = fileSize(path);
    return elapsed;
}

// The limit of a merge: a coder's highlights (with their tags and notes) copied with the SQLite C
// API from `other` into `path`, a copy of the same project without coding (same ids), in one
// transaction with Gloss's pragmas for annotation edits.
double mergeLimit(const QString &path, const QString &other, double &cpuMsOut)
{
    const double cpuBefore = processCpuMs();
    QElapsedTimer t;
    t.start();
    sqlite3 *db = nullptr;
    check(sqlite3_open(QFile::encodeName(path).constData(), &db), db, "open");
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA synchronous=FULL");
    exec(db, "PRAGMA foreign_keys=ON");
    sqlite3_stmt *attach = nullptr;
    check(sqlite3_prepare_v2(db, "ATTACH ?1 AS other", -1, &attach, nullptr), db, "attach");
    const QByteArray otherPath = QFile::encodeName(other);
    sqlite3_bind_text(attach, 1, otherPath.constData(), int(otherPath.size()), SQLITE_TRANSIENT);
    check(sqlite3_step(attach), db, "attach");
    sqlite3_finalize(attach);
    exec(db, "BEGIN");
    exec(db, "INSERT INTO main.highlights SELECT * FROM other.highlights");
    exec(db, "INSERT INTO main.highlight_tags SELECT * FROM other.highlight_tags");
    exec(db,
        "INSERT INTO main.notes(article_id, highlight_id, body, modified, coder) "
        "SELECT article_id, highlight_id, body, modified, coder FROM other.notes WHERE highlight_id IS NOT NULL");
    exec(db, "COMMIT");
    sqlite3_close(db);
    cpuMsOut = processCpuMs() - cpuBefore;
    return ms(t);
}

// The rows `gloss export --layout highlights` writes, as the export's own benchmark selects them
// (one row per highlight and tag, tags as paths).
const char *const ExportSql = R"sql(
WITH RECURSIVE paths(id, path) AS (
  SELECT id, name FROM tags WHERE parent_id IS NULL
  UNION ALL SELECT t.id, p.path || ' > ' || t.name FROM tags t JOIN paths p ON t.parent_id = p.id)
SELECT a.id AS article_id, a.title AS article_title, a.published, a.source, h.id AS highlight_id, h.start, h.end,
       h.quote AS text, p.path AS tag, n.body AS note, h.coder, h.created, h.modified
FROM articles a JOIN highlights h ON h.article_id = a.id
LEFT JOIN highlight_tags ht ON ht.highlight_id = h.id
LEFT JOIN paths p ON p.id = ht.tag_id
LEFT JOIN notes n ON n.highlight_id = h.id AND n.highlight_id IS NOT NULL
ORDER BY a.published, a.id, h.start, h.id, ht.position, ht.tag_id;
)sql";

// Adds M highlights through core: 1,000 on the first article (overlapping, as 1,000 highlights in
// 3 KB must), the rest spread over the project. Returns the article with 1,000 highlights.
qint64 addHighlights(const QString &path, int count, double &setupMs)
{
    QElapsedTimer t;
    t.start();
    auto opened = gloss::Project::open(path);
    if (!opened.project)
        fail(opened.error);
    gloss::Project &p = *opened.project;
    gloss::storage::sqlite::databaseOf(p.store())->setDurability(gloss::storage::sqlite::Database::Durability::Normal);
    std::vector<std::pair<qint64, int>> lengths; // id, code points
    {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(gloss::storage::sqlite::databaseOf(p.store())->handle(),
            "SELECT id, length(body) FROM articles ORDER BY id", -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW)
            lengths.emplace_back(sqlite3_column_int64(s, 0), sqlite3_column_int(s, 1));
        sqlite3_finalize(s);
    }
    gloss::storage::sqlite::Transaction tx(*gloss::storage::sqlite::databaseOf(p.store()));
    gloss::bench::addHighlights(p.store(), count, lengths);
    tx.commit();
    setupMs = ms(t);
    return lengths.front().first;
}

SearchResult measureSearch(const QString &path, int runs)
{
    auto opened = gloss::storage::sqlite::Database::open(path, gloss::storage::sqlite::Database::Access::ReadOnly);
    if (!opened.db)
        fail(opened.error);
    gloss::storage::sqlite::ArticleRepository articles(*opened.db);
    sqlite3 *raw = nullptr;
    check(sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, SQLITE_OPEN_READONLY, nullptr), raw, "open");
    exec(raw, "PRAGMA cache_size=-32768");
    sqlite3_stmt *stmt = nullptr;
    check(sqlite3_prepare_v2(raw, gloss::storage::sqlite::ArticleRepository::SearchSql, -1, &stmt, nullptr), raw,
        "prepare");
    const QStringList mix = queryMix();
    QList<QByteArray> fts;
    for (const QString &q : mix)
        fts.append(gloss::search::toFtsQuery(q).toUtf8());
    const SearchResult result = compareSearch(
        mix, runs, glossSearch(articles, mix),
        [&](int q, int &found) {
            QElapsedTimer t;
            t.start();
            sqlite3_bind_text(stmt, 1, fts.at(q).constData(), int(fts.at(q).size()), SQLITE_STATIC);
            sqlite3_bind_int(stmt, 2, 50);
            found = 0;
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                ++found;
                for (int c = 0; c < 5; ++c) // every column, as UTF-8 text
                    sqlite3_column_text(stmt, c);
            }
            sqlite3_reset(stmt);
            return ms(t);
        },
        QStringLiteral("raw FTS5"));
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return result;
}

// Peak RSS of the window (`gloss --project PATH`, offscreen) once it has shown the project and
// settled: VmHWM read while it runs, after it has not grown for 1.5 s.
double windowRss(const QString &gloss, const QString &project, const QString &home)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home); // leave the user's settings alone
    env.insert(QStringLiteral("XDG_DATA_HOME"), home);
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    p.start(gloss, {QStringLiteral("--project"), project});
    if (!p.waitForStarted())
        fail(QStringLiteral("cannot start %1").arg(gloss));
    const pid_t pid = pid_t(p.processId());
    QElapsedTimer t, stable;
    t.start();
    stable.start();
    double last = 0;
    while (t.elapsed() < 30000) {
        QThread::msleep(100);
        if (p.state() != QProcess::Running)
            fail(QStringLiteral("the window exited early"));
        const double now = peakRss(pid);
        if (now != last) {
            last = now;
            stable.restart();
        } else if (t.elapsed() > 2000 && stable.elapsed() > 1500) {
            break;
        }
    }
    p.terminate();
    if (!p.waitForFinished(5000)) {
        p.kill();
        p.waitForFinished();
    }
    return last;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gloss-bench"));
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines as they come, also into a file
    const QString usage = QStringLiteral("usage: gloss-bench [--articles N (100000)] [--highlights M>=1000 (1000000)] "
                                         "[--runs R (3)] [--json FILE] [--workdir DIR] [--keep] [--gloss PATH]");
    const Options options(app.arguments(),
        {QStringLiteral("--articles"), QStringLiteral("--highlights"), QStringLiteral("--runs"),
            QStringLiteral("--json"), QStringLiteral("--workdir"), QStringLiteral("--gloss")},
        {QStringLiteral("--keep")}, usage);
    auto option = [&](const char *name, const QString &fallback) { return options.value(name, fallback); };
    const int articles = option("--articles", QStringLiteral("100000")).toInt();
    const int highlights = option("--highlights", QStringLiteral("1000000")).toInt();
    const int runs = std::max(1, option("--runs", QStringLiteral("3")).toInt());
    const QString json = option("--json", QStringLiteral("gloss-bench-%1-%2.json").arg(articles).arg(highlights));
    const QString gloss = option("--gloss", QStringLiteral(GLOSS_EXECUTABLE));
    if (articles < 1 || highlights < 1000)
        fail(usage);
    QTemporaryDir tmp(option("--workdir", QDir::tempPath()) + QStringLiteral("/gloss-bench-XXXXXX"));
    tmp.setAutoRemove(!options.has("--keep"));
    const QDir work(tmp.path());
    std::printf("gloss-bench: %d articles, %d highlights, %d runs, in %s\n", articles, highlights, runs,
        qPrintable(work.path()));
    std::fflush(stdout);
    QElapsedTimer total;
    total.start();
    QList<Row> rows;

    const Corpus corpus = writeCorpus(work, articles);
    const QStringList &files = corpus.files;
    const qint64 rawBytes = corpus.bytes;

    // import
    const QString project = work.filePath(QStringLiteral("bench.gloss"));
    const QString limitDb = work.filePath(QStringLiteral("limit.db"));
    std::vector<double> importMs, limitMs, importRss, importCpu, limitCpu;
    qint64 limitSize = 0;
    for (int run = 0; run < runs; ++run) {
        removeProject(project);
        const Child c = runChild(gloss,
            {QStringLiteral("--project"), project, QStringLiteral("import"), work.filePath(QStringLiteral("corpus"))});
        if (c.status != 0)
            fail(QStringLiteral("gloss import exited with %1").arg(c.status));
        importMs.push_back(c.wallMs);
        importRss.push_back(c.peakRssMb);
        importCpu.push_back(c.cpuMs);
        double cpu = 0;
        limitMs.push_back(importLimit(files, limitDb, limitSize, cpu));
        limitCpu.push_back(cpu);
        std::printf("import run %d: gloss %.1f s (cpu %.1f s), SQLite %.1f s (cpu %.1f s)\n", run + 1, c.wallMs / 1e3,
            c.cpuMs / 1e3, limitMs.back() / 1e3, cpu / 1e3);
        std::fflush(stdout);
    }
    removeProject(limitDb);
    const qint64 projectSize = fileSize(project);
    {
        Row r = ratioRow(QStringLiteral("import (gloss import vs C API + FTS5 rebuild)"), importMs, limitMs, 1.5);
        const Stat gc = summarise(importCpu), lc = summarise(limitCpu);
        r.note = QStringLiteral("%1 articles/s; cpu %2 s vs %3 s, %4×")
                     .arg(qRound(articles / (r.gloss.median / 1e3)))
                     .arg(number(gc.median / 1e3, 2), number(lc.median / 1e3, 2), number(gc.median / lc.median, 2));
        rows.append(r);
    }

    // highlights, then search, export
    double setupMs = 0;
    const qint64 bigArticle = addHighlights(project, highlights, setupMs);
    std::printf("highlights: %d added through core in %.1f s\n", highlights, setupMs / 1e3);
    std::fflush(stdout);

    const SearchResult s = measureSearch(project, runs);
    {
        Row r = row(QStringLiteral("search p50 (top 50 with snippets vs raw FTS5)"), QStringLiteral("ms"));
        r.gloss = s.glossP50;
        r.limit = s.rawP50;
        r.targetText = QStringLiteral("—");
        rows.append(r);
        Row r95 = row(QStringLiteral("search p95 (top 50 with snippets vs raw FTS5)"), QStringLiteral("ms"));
        r95.gloss = s.glossP95;
        r95.limit = s.rawP95;
        r95.targetText = QStringLiteral("≤ 1.5× + 5 ms");
        r95.met = s.glossP95.median <= 1.5 * s.rawP95.median + 5;
        rows.append(r95);
    }

    QProcess help;
    help.start(gloss, {QStringLiteral("--help")});
    help.waitForFinished();
    const bool hasExport = QString::fromUtf8(help.readAllStandardOutput() + help.readAllStandardError())
                               .contains(QRegularExpression(
                                   QStringLiteral("^\\s*(gloss )?export\\b"), QRegularExpression::MultilineOption));
    {
        Row r = row(QStringLiteral("export highlights (gloss export vs sqlite3 -csv)"), QStringLiteral("s"));
        r.targetText = QStringLiteral("≤ 1.5×");
        if (hasExport) {
            std::vector<double> g, l, gc, lc;
            for (int run = 0; run < runs; ++run) {
                const Child c = runChild(gloss,
                    {QStringLiteral("--project"), project, QStringLiteral("export"), QStringLiteral("--layout"),
                        QStringLiteral("highlights"), QStringLiteral("-o"),
                        work.filePath(QStringLiteral("gloss.csv"))});
                if (c.status != 0)
                    fail(QStringLiteral("gloss export exited with %1").arg(c.status));
                const Child q = runChild(QStringLiteral("sqlite3"),
                    {QStringLiteral("-readonly"), QStringLiteral("-csv"), QStringLiteral("-header"), project,
                        QString::fromUtf8(ExportSql)},
                    work.filePath(QStringLiteral("sqlite3.csv")));
                if (q.status != 0)
                    fail(QStringLiteral("sqlite3 exited with %1").arg(q.status));
                g.push_back(c.wallMs);
                l.push_back(q.wallMs);
                gc.push_back(c.cpuMs);
                lc.push_back(q.cpuMs);
            }
            r.gloss = summarise(g);
            r.limit = summarise(l);
            r.met = r.gloss.median <= 1.5 * r.limit->median;
            r.note = QStringLiteral("%1 MB of CSV")
                         .arg(number(double(QFileInfo(work.filePath(QStringLiteral("gloss.csv"))).size()) / 1e6, 1));
        } else {
            r.note = QStringLiteral("skipped: this gloss has no export command");
        }
        rows.append(r);
    }
    std::printf("search and export measured\n");
    std::fflush(stdout);

    // merge: the M highlights of a coder's project brought into a copy of it without coding
    {
        Row r = row(QStringLiteral("merge a coder's project (gloss merge vs C API row copy)"), QStringLiteral("s"));
        r.target = 10;
        r.targetText = QStringLiteral("≤ 10×");
        const QString blank = work.filePath(QStringLiteral("blank.gloss"));
        const QString merged = work.filePath(QStringLiteral("merged.gloss"));
        const QString limitMerged = work.filePath(QStringLiteral("merged-limit.gloss"));
        removeProject(blank);
        const Child split = runChild(
            gloss, {QStringLiteral("--project"), project, QStringLiteral("split"), QStringLiteral("-o"), blank});
        if (split.status == 0) {
            std::vector<double> g, l, gc, lc;
            for (int run = 0; run < runs; ++run) {
                removeProject(merged);
                QDir(merged + QStringLiteral(".backups")).removeRecursively();
                if (!QFile::copy(blank, merged))
                    fail(merged + QStringLiteral(": cannot copy the project without coding"));
                const Child c
                    = runChild(gloss, {QStringLiteral("--project"), merged, QStringLiteral("merge"), project});
                if (c.status != 0)
                    fail(QStringLiteral("gloss merge exited with %1").arg(c.status));
                g.push_back(c.wallMs);
                gc.push_back(c.cpuMs);
                removeProject(limitMerged);
                if (!QFile::copy(blank, limitMerged))
                    fail(limitMerged + QStringLiteral(": cannot copy the project without coding"));
                double cpu = 0;
                l.push_back(mergeLimit(limitMerged, project, cpu));
                lc.push_back(cpu);
                std::printf("merge run %d: gloss %.2f s (cpu %.2f s), SQLite %.2f s\n", run + 1, c.wallMs / 1e3,
                    c.cpuMs / 1e3, l.back() / 1e3);
                std::fflush(stdout);
            }
            r.gloss = summarise(g);
            r.limit = summarise(l);
            r.met = r.gloss.median <= 10 * r.limit->median;
            r.note = QStringLiteral("%1 highlights over %2 articles, with its before-merge backup; cpu %3 s vs %4 s")
                         .arg(highlights)
                         .arg(articles)
                         .arg(number(summarise(gc).median / 1e3, 2), number(summarise(lc).median / 1e3, 2));
            removeProject(merged);
            removeProject(limitMerged);
            removeProject(blank);
        } else {
            r.note = QStringLiteral("skipped: this gloss has no split and merge commands");
        }
        rows.append(r);
    }

    // memory: the window, and the import measured above
    std::vector<double> windowMb;
    for (int run = 0; run < runs; ++run)
        windowMb.push_back(windowRss(gloss, project, work.filePath(QStringLiteral("home"))));
    {
        Row r = row(QStringLiteral("window peak RSS (N articles, offscreen)"), QStringLiteral("MB"));
        r.gloss = summarise(windowMb);
        r.target = 300;
        r.targetText = QStringLiteral("< 300 MB");
        r.met = r.gloss.median < 300;
        rows.append(r);
        Row i = row(QStringLiteral("import peak RSS"), QStringLiteral("MB"));
        i.gloss = summarise(importRss);
        i.targetText = QStringLiteral("—");
        rows.append(i);
    }

    // open: the article list's first paint and an article with 1,000 highlights, in this process
    std::vector<double> listMs, readerMs, showMs, listCpu, readerCpu;
    {
        auto opened = gloss::Project::open(project);
        if (!opened.project)
            fail(opened.error);
        gloss::ui::Document document(std::move(opened.project));
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            double cpu = threadCpuMs();
            gloss::ui::ArticleListPanel list(document);
            list.resize(500, 800);
            list.show();
            list.grab(); // forces layout and a full paint of the first screen
            listMs.push_back(ms(timer));
            listCpu.push_back(threadCpuMs() - cpu);

            gloss::ui::ReaderView reader(document);
            reader.resize(800, 900);
            reader.show();
            reader.grab();
            timer.restart();
            cpu = threadCpuMs();
            reader.showArticle(bigArticle);
            showMs.push_back(ms(timer)); // loading, setting the text and the highlight formats
            reader.grab(); // laying out and painting the first screen
            readerMs.push_back(ms(timer));
            readerCpu.push_back(threadCpuMs() - cpu);
        }
    }
    {
        Row r = row(QStringLiteral("open article with 1,000 highlights"), QStringLiteral("ms"));
        r.gloss = summarise(readerMs);
        r.target = 50;
        r.targetText = QStringLiteral("< 50 ms");
        r.met = r.gloss.median < 50;
        r.note = QStringLiteral("%1 ms of it before the first paint; cpu %2 ms")
                     .arg(number(summarise(showMs).median, 1), number(summarise(readerCpu).median, 1));
        rows.append(r);
        Row l = row(QStringLiteral("article list first paint"), QStringLiteral("ms"));
        l.gloss = summarise(listMs);
        l.target = 200;
        l.targetText = QStringLiteral("< 200 ms");
        l.met = l.gloss.median < 200;
        l.note = QStringLiteral("cpu %1 ms").arg(number(summarise(listCpu).median, 1));
        rows.append(l);
    }

    // project size
    {
        Row r = row(QStringLiteral("project file vs raw text (limit: C API table + FTS5)"), QStringLiteral("MB"));
        r.gloss = {double(projectSize) / 1e6, double(projectSize) / 1e6};
        r.limit = Stat{double(rawBytes) / 1e6, double(rawBytes) / 1e6};
        r.limitName = QStringLiteral("raw text");
        r.target = 2.2;
        r.targetText = QStringLiteral("< 2.2×");
        r.met = double(projectSize) < 2.2 * double(rawBytes);
        r.note = QStringLiteral("the SQLite C API file: %1 MB (%2×)")
                     .arg(number(double(limitSize) / 1e6, 1), number(double(limitSize) / double(rawBytes), 2));
        rows.append(r);
    }

    // The table and the JSON.
    const QJsonArray measures = printTable(rows);
    const double totalS = ms(total) / 1e3;
    std::printf("\nratio = gloss median / limit median. Total %.0f s.\n", totalS);
    const QJsonObject doc{{QStringLiteral("articles"), articles}, {QStringLiteral("highlights"), highlights},
        {QStringLiteral("runs"), runs}, {QStringLiteral("raw_text_bytes"), rawBytes},
        {QStringLiteral("project_bytes"), projectSize}, {QStringLiteral("seconds"), totalS},
        {QStringLiteral("measures"), measures}};
    writeJson(json, doc);
    return 0;
}
