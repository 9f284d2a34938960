// export-bench: how long `gloss export --layout highlights` takes on a million highlight rows,
// next to the sqlite3 shell writing the same rows as CSV from the same project file, in one run.
//
//   export-bench [--articles N] [--highlights N] [--runs N] [--keep]
//
// Builds a project through core (one transaction), then times each command `runs` times and
// prints the minimum and median of each and the ratio of the medians. Not run by ctest.

#include "operations/project.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/sqlitestore.h"
#include "storage/sqlite/transaction.h"
#include "text/codepoints.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

namespace {

// The same rows as the highlights layout: tags as full paths, one row per highlight and tag.
const char *const SqliteQuery = R"sql(
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

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

struct Timing
{
    double min = 0;
    double median = 0;
};

Timing summarise(QList<double> runs)
{
    std::sort(runs.begin(), runs.end());
    return {runs.first(), runs.at(runs.size() / 2)};
}

double childCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Run
{
    double wall = 0;
    double cpu = 0; // user + system of the child: steadier than wall time on a shared machine
};

// Runs a program with its standard output going to `outFile`.
Run timeRun(const QString &program, const QStringList &args, const QString &outFile)
{
    QProcess p;
    if (!outFile.isEmpty())
        p.setStandardOutputFile(outFile);
    const double cpuBefore = childCpuSeconds();
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(
            stderr, "export-bench: %s failed: %s\n", qPrintable(program), p.readAllStandardError().constData());
        std::exit(1);
    }
    return {seconds(t), childCpuSeconds() - cpuBefore};
}

// Both files hold the same records (they quote differently: sqlite3 also quotes cells with spaces).
const char *const SameRows = R"py(
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as a, open(sys.argv[2], newline="", encoding="utf-8") as b:
    n = 0
    for x, y in zip(csv.reader(a), csv.reader(b)):
        if x != y:
            print("differ at record", n, x, y)
            sys.exit(1)
        n += 1
    print(n - 1, "rows, the same in both files")
)py";

QString body(QRandomGenerator &rng, int words)
{
    static const QStringList vocabulary
        = {QStringLiteral("ceasefire"), QStringLiteral("talks"), QStringLiteral("Kabul"), QStringLiteral("Zürich"),
            QStringLiteral("tariffs"), QStringLiteral("olive"), QStringLiteral("growers"), QStringLiteral("São"),
            QStringLiteral("Paulo"), QStringLiteral("floods"), QStringLiteral("said"), QStringLiteral("the"),
            QStringLiteral("minister"), QStringLiteral("\"quote,\""), QStringLiteral("😀"), QStringLiteral("a"),
            QStringLiteral("of"), QStringLiteral("Núñez"), QStringLiteral("week"), QStringLiteral("data")};
    QString text;
    for (int i = 0; i < words; ++i) {
        if (i)
            text += (i % 40 == 0) ? u'\n' : u' ';
        text += vocabulary.at(rng.bounded(int(vocabulary.size())));
    }
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, int fallback) {
        const qsizetype at = args.indexOf(QString::fromLatin1(name));
        return at > 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const int articles = option("--articles", 2000);
    const int highlights = option("--highlights", 1000000);
    const int runs = option("--runs", 3);

    QTemporaryDir dir;
    dir.setAutoRemove(!args.contains(QStringLiteral("--keep")));
    const QString projectPath = dir.filePath(QStringLiteral("bench.gloss"));
    std::printf("project: %s\n", qPrintable(projectPath));

    qint64 rowsExpected = 0;
    {
        auto opened = gloss::Project::open(projectPath);
        if (!opened.project) {
            std::fprintf(stderr, "export-bench: %s\n", qPrintable(opened.error));
            return 1;
        }
        gloss::Project &p = *opened.project;
        gloss::storage::sqlite::databaseOf(p.store())->setDurability(
            gloss::storage::sqlite::Database::Durability::Normal);
        QRandomGenerator rng(42);
        QElapsedTimer t;
        t.start();
        gloss::storage::sqlite::Transaction tx(*gloss::storage::sqlite::databaseOf(p.store()));
        QList<qint64> ids;
        QList<qint64> lengths;
        for (int i = 0; i < articles; ++i) {
            gloss::model::Article a;
            a.title = QStringLiteral("Article %1: \"talks\", again").arg(i);
            a.body = body(rng, 400);
            a.published = QDate(2018, 1, 1).addDays(rng.bounded(1500));
            a.source = i % 2 ? QStringLiteral("AFP") : QStringLiteral("Dawn");
            ids.append(p.store().articles().insert(a));
            lengths.append(gloss::text::codePointLength(a.body));
        }
        QList<qint64> tags;
        for (const char *top : {"Actors", "Frames", "Places", "Tone", "Pro>Con"})
            for (const char *child : {"One", "Two", "Three", "Four"})
                tags.append(
                    p.store().tags().ensure(QString::fromUtf8(top) + QStringLiteral(" > ") + QString::fromUtf8(child)));
        for (int i = 0; i < highlights; ++i) {
            const int a = rng.bounded(articles);
            gloss::model::Highlight h;
            h.articleId = ids.at(a);
            h.start = rng.bounded(int(lengths.at(a) - 60));
            h.end = h.start + 1 + rng.bounded(59);
            h.coder = i % 2 ? QStringLiteral("ana") : QStringLiteral("bo");
            const int tagCount = rng.bounded(3); // 0, 1 or 2 tags
            for (int k = 0; k < tagCount; ++k) {
                const qint64 tag = tags.at(rng.bounded(int(tags.size())));
                if (!h.tagIds.contains(tag))
                    h.tagIds.append(tag);
            }
            if (i % 10 == 0)
                h.note = QStringLiteral("note %1,\nsecond line").arg(i);
            p.store().highlights().add(h);
            rowsExpected += std::max<qsizetype>(1, h.tagIds.size());
        }
        tx.commit();
        std::printf("built %d articles, %d highlights (%lld rows) in %.1f s\n", articles, highlights,
            static_cast<long long>(rowsExpected), seconds(t));
    }
    std::printf("project file: %.1f MB\n", double(QFileInfo(projectPath).size()) / 1e6);

    const QString glossOut = dir.filePath(QStringLiteral("gloss.csv"));
    const QString sqliteOut = dir.filePath(QStringLiteral("sqlite3.csv"));
    QList<Run> glossRuns, sqliteRuns, mappedRuns;
    for (int i = 0; i < runs; ++i) {
        // Alternate, so that neither gets a warmer cache.
        glossRuns.append(timeRun(QStringLiteral(GLOSS_EXECUTABLE),
            {QStringLiteral("--project"), projectPath, QStringLiteral("export"), QStringLiteral("--layout"),
                QStringLiteral("highlights"), QStringLiteral("-o"), glossOut},
            {}));
        sqliteRuns.append(timeRun(QStringLiteral("sqlite3"),
            {QStringLiteral("-readonly"), QStringLiteral("-csv"), QStringLiteral("-header"), projectPath,
                QString::fromUtf8(SqliteQuery)},
            sqliteOut));
        // sqlite3 again, reading through a memory map as gloss export does.
        mappedRuns.append(timeRun(QStringLiteral("sqlite3"),
            {QStringLiteral("-readonly"), QStringLiteral("-cmd"), QStringLiteral(".output /dev/null"),
                QStringLiteral("-cmd"), QStringLiteral("PRAGMA mmap_size=2147483648"), QStringLiteral("-cmd"),
                QStringLiteral(".output"), QStringLiteral("-csv"), QStringLiteral("-header"), projectPath,
                QString::fromUtf8(SqliteQuery)},
            sqliteOut));
    }
    auto wall = [](const QList<Run> &list) {
        QList<double> out;
        for (const Run &r : list)
            out.append(r.wall);
        return summarise(out);
    };
    auto cpu = [](const QList<Run> &list) {
        QList<double> out;
        for (const Run &r : list)
            out.append(r.cpu);
        return summarise(out);
    };
    const Timing g = wall(glossRuns), gc = cpu(glossRuns);
    const Timing s = wall(sqliteRuns), sc = cpu(sqliteRuns);
    const Timing m = wall(mappedRuns), mc = cpu(mappedRuns);
    std::printf("%d runs each, seconds          wall min  wall median   cpu min  cpu median   file\n", runs);
    std::printf("gloss export --layout highlights %8.3f  %11.3f  %8.3f  %10.3f  %5.1f MB\n", g.min, g.median, gc.min,
        gc.median, double(QFileInfo(glossOut).size()) / 1e6);
    std::printf("sqlite3 -csv, the same rows      %8.3f  %11.3f  %8.3f  %10.3f  %5.1f MB\n", s.min, s.median, sc.min,
        sc.median, double(QFileInfo(sqliteOut).size()) / 1e6);
    std::printf("sqlite3 -csv, mmap_size=2 GiB    %8.3f  %11.3f  %8.3f  %10.3f\n", m.min, m.median, mc.min, mc.median);
    std::printf("ratio gloss/sqlite3: wall median %.2f, wall min %.2f, cpu median %.2f\n", g.median / s.median,
        g.min / s.min, gc.median / sc.median);
    std::printf("ratio gloss/sqlite3 with mmap: wall median %.2f, wall min %.2f, cpu median %.2f\n",
        g.median / m.median, g.min / m.min, gc.median / mc.median);
    std::fflush(stdout);
    QProcess check;
    check.setProcessChannelMode(QProcess::ForwardedChannels);
    check.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(SameRows), glossOut, sqliteOut});
    check.waitForFinished(-1);
    return check.exitCode();
}
