// team-bench: a team project on PostgreSQL against the server's own speed on the same data,
// measured side by side in one run on the same machine (issue 21, Speed). Generates gloss-bench's
// corpus, and for each run makes fresh databases on the server and measures:
//   import   `gloss team init` + `gloss import` against COPY of the same rows into a table with a
//            generated tsvector column, then CREATE INDEX ... USING gin;
//   search   the query mix through Gloss's ArticleRepository::search on the team project against
//            PostgreSQL's own ranked statement (ts_rank, LIMIT 50, ts_headline snippets), alternating;
//   export   `gloss export --layout highlights` against psql's \copy (SELECT ...) TO of the same rows.
// Prints a table and writes it as JSON.
//
//   team-bench [--server CONNINFO] [--articles N] [--highlights M] [--runs R] [--gloss PATH]
//              [--json FILE] [--workdir DIR] [--keep]
//
// CONNINFO is a superuser's connection to the server (URL or key=value; default
// $GLOSS_TEST_POSTGRES). Built with the tests, never run by ctest; build in Release.
#include "benchcorpus.h"
#include "operations/project.h"
#include "search/ftsquery.h"
#include "storage/articlerepository.h"
#include "storage/highlightrepository.h"
#include "storage/store.h"
#include "storage/tagrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

using namespace gloss::bench;

// ---------------------------------------------------------------------------------------------
// The server through libpq.

struct PgDeleter
{
    void operator()(PGconn *c) const { PQfinish(c); }
};
using Pg = std::unique_ptr<PGconn, PgDeleter>;

Pg connect(const QString &conninfo)
{
    Pg c(PQconnectdb(conninfo.toUtf8().constData()));
    if (PQstatus(c.get()) != CONNECTION_OK)
        fail(QStringLiteral("cannot connect (%1): %2")
                 .arg(conninfo, QString::fromUtf8(PQerrorMessage(c.get())).trimmed()));
    PQsetNoticeProcessor(
        c.get(), [](void *, const char *) {}, nullptr); // "does not exist, skipping"
    return c;
}

void exec(PGconn *c, const QByteArray &sql)
{
    PGresult *r = PQexec(c, sql.constData());
    const ExecStatusType status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql), QString::fromUtf8(PQerrorMessage(c)).trimmed()));
}

QByteArray value(PGconn *c, const QByteArray &sql)
{
    PGresult *r = PQexec(c, sql.constData());
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 1) {
        PQclear(r);
        fail(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql), QString::fromUtf8(PQerrorMessage(c)).trimmed()));
    }
    const QByteArray v(PQgetvalue(r, 0, 0));
    PQclear(r);
    return v;
}

// `server`'s connection parameters (URL or key=value) with the database `database`, as key=value.
QString conninfoFor(const QString &server, const QString &database)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(server.toUtf8().constData(), &error);
    if (!options) {
        const QString why = error ? QString::fromUtf8(error).trimmed() : QStringLiteral("out of memory");
        PQfreemem(error);
        fail(QStringLiteral("--server %1: %2").arg(server, why));
    }
    auto quoted = [](QString v) -> QString {
        v.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return u'\'' + v + u'\'';
    };
    QStringList parts{QStringLiteral("dbname=") + quoted(database)}; // first: what names a project (isTarget)
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        const QString key = QString::fromUtf8(o->keyword);
        if (key == u"dbname")
            continue;
        if (o->val && *o->val)
            parts.append(key + u'=' + quoted(QString::fromUtf8(o->val)));
    }
    PQconninfoFree(options);
    return parts.join(u' ');
}

// The server's CPU time: the postmaster's own and its reaped children's (cutime) plus its live
// children's (the backends, the checkpointer, the WAL writer), from /proc. Only when the server
// runs on this machine; 0 when it cannot be read.
class ServerCpu
{
public:
    explicit ServerCpu(PGconn *c)
    {
        const qint64 backend = value(c, "SELECT pg_backend_pid()").toLongLong();
        const QList<QByteArray> stat = fields(backend);
        if (stat.size() > 3 && stat.at(0).startsWith("postgres"))
            m_postmaster = stat.at(2).toLongLong();
        if (m_postmaster && !fields(m_postmaster).value(0).startsWith("postgres"))
            m_postmaster = 0;
    }
    bool counted() const { return m_postmaster != 0; }
    // The server's processes, counting many for one that has exited and not been reaped yet.
    int processes() const
    {
        int n = 0;
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            const QList<QByteArray> f = fields(entry.toLongLong());
            if (f.size() > 2 && f.at(2).toLongLong() == m_postmaster)
                n += f.at(1) == "Z" ? 1000 : 1;
        }
        return n;
    }
    // The CPU time so far, once the server is back to `settled` processes (a client's backend
    // ends some time after the client, and its time is the postmaster's only once reaped); waits
    // 5 s at the most.
    double ms(int settled) const
    {
        if (!m_postmaster)
            return 0;
        QElapsedTimer waited;
        waited.start();
        while (processes() > settled && waited.elapsed() < 5000)
            QThread::msleep(10);
        const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
        const QList<QByteArray> own = fields(m_postmaster);
        // stat field n is [n - 2]: [12] utime, [13] stime, [14] cutime, [15] cstime (fields 14-17)
        double total = (own.value(12).toDouble() + own.value(13).toDouble() + own.value(14).toDouble()
                           + own.value(15).toDouble())
            * tick;
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool isPid = false;
            const qint64 pid = entry.toLongLong(&isPid);
            if (!isPid)
                continue;
            const QList<QByteArray> f = fields(pid);
            if (f.size() > 13 && f.at(2).toLongLong() == m_postmaster)
                total += (f.at(12).toDouble() + f.at(13).toDouble()) * tick;
        }
        return total;
    }

private:
    // /proc/PID/stat as [command, state, ppid, ...] (the command may hold spaces: it ends at the
    // last ')').
    static QList<QByteArray> fields(qint64 pid)
    {
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray line = f.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            return {};
        QList<QByteArray> out{line.mid(open + 1, close - open - 1)};
        out += line.mid(close + 2).trimmed().split(' ');
        return out;
    }

    qint64 m_postmaster = 0;
};

// ---------------------------------------------------------------------------------------------
// The limits.

// A field of COPY's CSV format: always quoted, quotes doubled.
void appendCsvField(QByteArray &line, QByteArrayView v)
{
    line += '"';
    for (const char ch : v) {
        if (ch == '"')
            line += '"';
        line += ch;
    }
    line += '"';
}

// The limit of import: the same files read and their title, publication date, source and body
// COPYed into a table whose search column PostgreSQL fills (the title's and body's words), then
// the GIN index built over it. Client and server CPU in the out parameters.
double importLimit(const QString &conninfo, const QStringList &files, const ServerCpu &server, int quiet,
    double &clientCpuMs, double &serverCpuMs)
{
    const double cpuBefore = processCpuMs();
    const double serverBefore = server.ms(quiet);
    QElapsedTimer t;
    t.start();
    Pg c = connect(conninfo);
    exec(c.get(),
        "CREATE TABLE articles(id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL, published "
        "text, source text, body text NOT NULL, search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title "
        "|| ' ' || body)) STORED)");
    exec(c.get(), "BEGIN");
    PGresult *copy = PQexec(c.get(), "COPY articles(title, published, source, body) FROM STDIN (FORMAT csv)");
    const bool copying = PQresultStatus(copy) == PGRES_COPY_IN;
    PQclear(copy);
    if (!copying)
        fail(QStringLiteral("COPY: %1").arg(QString::fromUtf8(PQerrorMessage(c.get())).trimmed()));
    QByteArray buffer;
    auto flush = [&] {
        if (PQputCopyData(c.get(), buffer.constData(), int(buffer.size())) != 1)
            fail(QStringLiteral("COPY: %1").arg(QString::fromUtf8(PQerrorMessage(c.get())).trimmed()));
        buffer.clear();
    };
    for (const QString &name : files) {
        // the source is the news agency of the dateline when there is one
        const ArticleFile a = readArticle(name);
        const qsizetype dash = a.body.indexOf("\xe2\x80\x94"); // the dateline's em dash
        const QByteArrayView dateline = a.body.first(std::max<qsizetype>(dash, 0));
        const qsizetype agency = dateline.indexOf('(');
        appendCsvField(buffer, a.title);
        buffer += ',';
        appendCsvField(buffer, a.published);
        buffer += ',';
        if (agency >= 0)
            appendCsvField(buffer, dateline.sliced(agency + 1, dateline.lastIndexOf(')') - agency - 1));
        buffer += ',';
        appendCsvField(buffer, a.body);
        buffer += '\n';
        if (buffer.size() > (1 << 20))
            flush();
    }
    flush();
    if (PQputCopyEnd(c.get(), nullptr) != 1)
        fail(QStringLiteral("COPY: %1").arg(QString::fromUtf8(PQerrorMessage(c.get())).trimmed()));
    while (PGresult *r = PQgetResult(c.get())) {
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok)
            fail(QStringLiteral("COPY: %1").arg(QString::fromUtf8(PQerrorMessage(c.get())).trimmed()));
    }
    exec(c.get(), "COMMIT");
    exec(c.get(), "CREATE INDEX articles_search ON articles USING gin(search)");
    c.reset();
    const double elapsed = ms(t);
    clientCpuMs = processCpuMs() - cpuBefore;
    serverCpuMs = server.ms(quiet) - serverBefore;
    return elapsed;
}

// The rows `gloss export --layout highlights` writes (one per highlight and tag, tags as paths),
// in its order, as PostgreSQL selects them.
const char *const ExportSql
    = "WITH RECURSIVE paths(id, path) AS (SELECT id, name FROM tags WHERE parent_id IS NULL UNION ALL SELECT t.id, "
      "p.path || ' > ' || t.name FROM tags t JOIN paths p ON t.parent_id = p.id) "
      "SELECT a.id AS article_id, a.title AS article_title, a.published, a.source, h.id AS highlight_id, h.start, "
      "h.\"end\", h.quote AS text, p.path AS tag, n.body AS note, h.coder, h.created, h.modified "
      "FROM articles a JOIN highlights h ON h.article_id = a.id LEFT JOIN highlight_tags ht ON ht.highlight_id = h.id "
      "LEFT JOIN paths p ON p.id = ht.tag_id LEFT JOIN notes n ON n.highlight_id = h.id "
      "ORDER BY a.published COLLATE \"C\" NULLS FIRST, a.id, h.start, h.id, ht.position, ht.tag_id";

// PostgreSQL's own ranked search: the same tsquery on the same column, ranked by ts_rank, the
// best 50 with a ts_headline snippet of the body.
const char *const SearchSql
    = "SELECT a.id, a.title, a.published, a.source, ts_headline('simple', a.body, q, 'MaxFragments=1, MaxWords=24, "
      "MinWords=12') FROM articles a, to_tsquery('simple', $1::text) q WHERE a.search @@ q "
      "ORDER BY ts_rank(a.search, q) DESC, a.id LIMIT 50";

// Adds M highlights through core on the team project, as gloss-bench does on a file.
void addHighlights(gloss::Project &p, PGconn *c, int count)
{
    std::vector<std::pair<qint64, int>> lengths; // id, code points
    PGresult *r = PQexec(c, "SELECT id, length(body) FROM articles ORDER BY id");
    for (int i = 0; i < PQntuples(r); ++i)
        lengths.emplace_back(QByteArray(PQgetvalue(r, i, 0)).toLongLong(), QByteArray(PQgetvalue(r, i, 1)).toInt());
    PQclear(r);
    gloss::storage::Transaction tx(p.store());
    gloss::bench::addHighlights(p.store(), count, lengths);
    tx.commit();
}

SearchResult measureSearch(gloss::Project &p, PGconn *c, int runs)
{
    PGresult *prepared = PQprepare(c, "search", SearchSql, 1, nullptr);
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK)
        fail(QStringLiteral("prepare: %1").arg(QString::fromUtf8(PQerrorMessage(c)).trimmed()));
    PQclear(prepared);
    const QStringList mix = queryMix();
    QList<QByteArray> tsqueries;
    for (const QString &q : mix)
        tsqueries.append(gloss::search::toTsQuery(q).toUtf8());
    return compareSearch(
        mix, runs, glossSearch(p.store().articles(), mix),
        [&](int q, int &found) {
            QElapsedTimer t;
            t.start();
            const char *param = tsqueries.at(q).constData();
            PGresult *r = PQexecPrepared(c, "search", 1, &param, nullptr, nullptr, 0);
            if (PQresultStatus(r) != PGRES_TUPLES_OK)
                fail(QStringLiteral("search: %1").arg(QString::fromUtf8(PQerrorMessage(c)).trimmed()));
            found = PQntuples(r);
            for (int row = 0; row < found; ++row) // every column, as text
                for (int col = 0; col < 5; ++col)
                    PQgetvalue(r, row, col);
            PQclear(r);
            return ms(t);
        },
        QStringLiteral("PostgreSQL"));
}

const char *const Usage = "usage: team-bench [--server CONNINFO ($GLOSS_TEST_POSTGRES)] [--articles N (20000)] "
                          "[--highlights M>=1000 (100000)] [--runs R (3)] [--gloss PATH] [--json FILE] "
                          "[--workdir DIR] [--keep]";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("team-bench"));
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines as they come, also into a file
    const Options options(app.arguments(),
        {QStringLiteral("--server"), QStringLiteral("--articles"), QStringLiteral("--highlights"),
            QStringLiteral("--runs"), QStringLiteral("--json"), QStringLiteral("--workdir"), QStringLiteral("--gloss")},
        {QStringLiteral("--keep")}, QString::fromLatin1(Usage));
    auto option = [&](const char *name, const QString &fallback) { return options.value(name, fallback); };
    const QString server = option("--server", qEnvironmentVariable("GLOSS_TEST_POSTGRES"));
    const int articles = option("--articles", QStringLiteral("20000")).toInt();
    const int highlights = option("--highlights", QStringLiteral("100000")).toInt();
    const int runs = std::max(1, option("--runs", QStringLiteral("3")).toInt());
    const QString json = option("--json", QStringLiteral("team-bench-%1-%2.json").arg(articles).arg(highlights));
    const QString gloss = option("--gloss", QStringLiteral(GLOSS_EXECUTABLE));
    if (server.isEmpty() || articles < 1 || highlights < 1000)
        fail(QString::fromLatin1(Usage));
    QTemporaryDir tmp(option("--workdir", QDir::tempPath()) + QStringLiteral("/team-bench-XXXXXX"));
    tmp.setAutoRemove(!options.has("--keep"));
    const QDir work(tmp.path());
    Pg admin = connect(server);
    const ServerCpu serverCpu(admin.get());
    const QString tag = QStringLiteral("team_bench_%1").arg(getpid());
    const QString glossDb = tag + QStringLiteral("_gloss"), limitDb = tag + QStringLiteral("_limit");
    const QString glossUrl = conninfoFor(server, glossDb), limitUrl = conninfoFor(server, limitDb);
    auto recreate = [&](const QString &db) {
        exec(admin.get(), "DROP DATABASE IF EXISTS " + db.toUtf8() + " WITH (FORCE)");
        exec(admin.get(), "CREATE DATABASE " + db.toUtf8());
    };
    std::printf("team-bench: %d articles, %d highlights, %d runs, on %s (PostgreSQL %s), in %s\n", articles, highlights,
        runs, PQhost(admin.get()), value(admin.get(), "SHOW server_version").constData(), qPrintable(work.path()));
    QElapsedTimer total;
    total.start();
    QList<Row> rows;

    const Corpus corpus = writeCorpus(work, articles);
    QElapsedTimer t;

    // import; the server's CPU is read when it is back to the processes it has now
    const int quiet = serverCpu.processes();
    std::vector<double> importMs, limitMs, importCpu, limitCpu, importServer, limitServer, initMs;
    for (int run = 0; run < runs; ++run) {
        recreate(glossDb);
        const Child init
            = runChild(gloss, {QStringLiteral("--project"), glossUrl, QStringLiteral("team"), QStringLiteral("init")});
        if (init.status != 0)
            fail(QStringLiteral("gloss team init exited with %1").arg(init.status));
        initMs.push_back(init.wallMs);
        const double serverBefore = serverCpu.ms(quiet);
        const Child c = runChild(gloss,
            {QStringLiteral("--project"), glossUrl, QStringLiteral("import"), work.filePath(QStringLiteral("corpus"))});
        if (c.status != 0)
            fail(QStringLiteral("gloss import exited with %1").arg(c.status));
        importServer.push_back(serverCpu.ms(quiet) - serverBefore);
        importMs.push_back(c.wallMs);
        importCpu.push_back(c.cpuMs);
        recreate(limitDb);
        double cpu = 0, serverMs = 0;
        limitMs.push_back(importLimit(limitUrl, corpus.files, serverCpu, quiet, cpu, serverMs));
        limitCpu.push_back(cpu);
        limitServer.push_back(serverMs);
        std::printf("import run %d: gloss %.1f s (cpu %.1f s, server cpu %.1f s), COPY + GIN %.1f s (cpu %.1f s, "
                    "server cpu %.1f s)\n",
            run + 1, c.wallMs / 1e3, c.cpuMs / 1e3, importServer.back() / 1e3, limitMs.back() / 1e3, cpu / 1e3,
            serverMs / 1e3);
    }
    {
        Row r = ratioRow(QStringLiteral("import (gloss import vs COPY + GIN index)"), importMs, limitMs, 2);
        const Stat gc = summarise(importCpu), lc = summarise(limitCpu);
        r.note = QStringLiteral("%1 articles/s; client cpu %2 s vs %3 s")
                     .arg(qRound(articles / (r.gloss.median / 1e3)))
                     .arg(number(gc.median / 1e3, 2), number(lc.median / 1e3, 2));
        if (serverCpu.counted())
            r.note += QStringLiteral("; server cpu %1 s vs %2 s")
                          .arg(number(summarise(importServer).median / 1e3, 2),
                              number(summarise(limitServer).median / 1e3, 2));
        else
            r.note += QStringLiteral("; the server's cpu is not counted (not on this machine)");
        r.note += QStringLiteral("; team init %1 s before it").arg(number(summarise(initMs).median / 1e3, 2));
        rows.append(r);
    }
    exec(admin.get(), "DROP DATABASE IF EXISTS " + limitDb.toUtf8() + " WITH (FORCE)");

    // highlights, search, export on the last run's team project
    {
        auto opened = gloss::Project::open(glossUrl);
        if (!opened.project)
            fail(opened.error);
        Pg raw = connect(glossUrl);
        t.restart();
        addHighlights(*opened.project, raw.get(), highlights);
        std::printf("highlights: %d added through core in %.1f s\n", highlights, ms(t) / 1e3);
        exec(raw.get(), "VACUUM ANALYZE");

        const SearchResult s = measureSearch(*opened.project, raw.get(), runs);
        Row r = row(QStringLiteral("search p50 (top 50 with snippets vs ts_rank + ts_headline)"), QStringLiteral("ms"));
        r.gloss = s.glossP50;
        r.limit = s.rawP50;
        r.targetText = QStringLiteral("—");
        rows.append(r);
        Row r95
            = row(QStringLiteral("search p95 (top 50 with snippets vs ts_rank + ts_headline)"), QStringLiteral("ms"));
        r95.gloss = s.glossP95;
        r95.limit = s.rawP95;
        r95.targetText = QStringLiteral("≤ PG + 5 ms");
        r95.met = s.glossP95.median <= s.rawP95.median + 5;
        rows.append(r95);
    }
    {
        const QString glossCsv = work.filePath(QStringLiteral("gloss.csv")),
                      psqlCsv = work.filePath(QStringLiteral("psql.csv"));
        std::vector<double> g, l, gc, lc, gs, ls;
        for (int run = 0; run < runs; ++run) {
            double before = serverCpu.ms(quiet);
            const Child c = runChild(gloss,
                {QStringLiteral("--project"), glossUrl, QStringLiteral("export"), QStringLiteral("--layout"),
                    QStringLiteral("highlights"), QStringLiteral("-o"), glossCsv});
            if (c.status != 0)
                fail(QStringLiteral("gloss export exited with %1").arg(c.status));
            gs.push_back(serverCpu.ms(quiet) - before);
            before = serverCpu.ms(quiet);
            const Child q = runChild(QStringLiteral("psql"),
                {QStringLiteral("-X"), QStringLiteral("-q"), glossUrl, QStringLiteral("-c"),
                    QStringLiteral("\\copy (%1) TO '%2' CSV HEADER").arg(QString::fromUtf8(ExportSql), psqlCsv)});
            if (q.status != 0)
                fail(QStringLiteral("psql exited with %1").arg(q.status));
            ls.push_back(serverCpu.ms(quiet) - before);
            g.push_back(c.wallMs);
            l.push_back(q.wallMs);
            gc.push_back(c.cpuMs);
            lc.push_back(q.cpuMs);
        }
        Row r = ratioRow(QStringLiteral("export highlights (gloss export vs psql \\copy)"), g, l, 1.5);
        r.note = QStringLiteral("%1 MB of CSV (psql %2 MB); client cpu %3 s vs %4 s")
                     .arg(number(double(QFileInfo(glossCsv).size()) / 1e6, 1),
                         number(double(QFileInfo(psqlCsv).size()) / 1e6, 1), number(summarise(gc).median / 1e3, 2),
                         number(summarise(lc).median / 1e3, 2));
        if (serverCpu.counted())
            r.note += QStringLiteral("; server cpu %1 s vs %2 s")
                          .arg(number(summarise(gs).median / 1e3, 2), number(summarise(ls).median / 1e3, 2));
        rows.append(r);
    }
    if (!options.has("--keep"))
        exec(admin.get(), "DROP DATABASE IF EXISTS " + glossDb.toUtf8() + " WITH (FORCE)");
    else
        std::printf("kept: %s\n", qPrintable(glossUrl));

    const QJsonArray measures = printTable(rows);
    const double totalS = ms(total) / 1e3;
    std::printf("\nratio = gloss median / limit median; cpu: the command's own (client) and the server's backends "
                "(from /proc). Total %.0f s.\n",
        totalS);
    const QJsonObject doc{{QStringLiteral("articles"), articles}, {QStringLiteral("highlights"), highlights},
        {QStringLiteral("runs"), runs}, {QStringLiteral("raw_text_bytes"), corpus.bytes},
        {QStringLiteral("server_version"), QString::fromUtf8(value(admin.get(), "SHOW server_version"))},
        {QStringLiteral("server_cpu_counted"), serverCpu.counted()}, {QStringLiteral("seconds"), totalS},
        {QStringLiteral("measures"), measures}};
    writeJson(json, doc);
    return 0;
}
