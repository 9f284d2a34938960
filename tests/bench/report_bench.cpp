// report-bench: the speed of the reports (issue 19) over a large project: N articles (100,000) of
// about 900 characters over three years and six sources, M highlights (1,000,000) with one or two
// of 24 tags by two coders, an article tag on every tenth article and an entity mentioned in every
// article. Times each report from the open project, R runs each (3), and prints the minimum and the
// median wall and CPU time. Target: every report under 1 s (README, Performance).
//
// usage: report-bench [--articles N] [--highlights M] [--runs R]
#include "interchange/exporter.h"
#include "model/article.h"
#include "model/contenthash.h"
#include "operations/interchange.h"
#include "operations/project.h"
#include "operations/reports.h"
#include "storage/sqlite/sqlitestore.h"
#include "storage/store.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace gloss;

namespace {

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

// A device that only counts: the matrix export is timed without the disk.
class Counter final : public QIODevice
{
public:
    Counter() { open(QIODevice::WriteOnly); }
    qint64 bytes = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 n) override
    {
        bytes += n;
        return n;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int articles = option(args, QStringLiteral("--articles"), 100000);
    const int highlights = option(args, QStringLiteral("--highlights"), 1000000);
    const int runs = std::max(1, option(args, QStringLiteral("--runs"), 3));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reports.gloss"));
    auto opened = Project::open(path);
    if (!opened.project) {
        std::fprintf(stderr, "report-bench: %s\n", qPrintable(opened.error));
        return 1;
    }
    Project &project = *opened.project;
    storage::Store &store = project.store();
    storage::sqlite::databaseOf(store)->setDurability(storage::sqlite::Database::Durability::Normal);
    QRandomGenerator rng(19);
    const char *words[] = {"the", "minister", "said", "talks", "with", "union", "would", "resume", "after", "strike",
        "ended", "port", "reopened", "ships", "grain", "fuel", "council", "budget", "court", "ruling"};
    const char *sources[] = {"Dawn", "The News", "Express Tribune", "Reuters", "AP", "Business Recorder"};
    QElapsedTimer setup;
    setup.start();
    QList<qint64> tagIds;
    {
        storage::Transaction tx(store);
        for (const char *parent : {"Frames", "Actors", "Tone"})
            for (int t = 0; t < 8; ++t)
                tagIds.append(store.tags().ensure(QStringLiteral("%1 > %1 %2").arg(QLatin1String(parent)).arg(t + 1)));
        const int perArticle = std::max(1, highlights / std::max(1, articles));
        const QDate first(2016, 1, 1);
        for (int a = 0; a < articles; ++a) {
            model::Article article;
            article.title = QStringLiteral("Article %1").arg(a + 1);
            QString body = QStringLiteral("Karachi: ");
            while (body.size() < 900)
                body += QString::fromLatin1(words[rng.bounded(20)]) + (rng.bounded(12) ? u' ' : u'.');
            body += QString::number(a);
            article.body = body;
            article.published = first.addDays(rng.bounded(3 * 365));
            article.source = QString::fromLatin1(sources[rng.bounded(6)]);
            article.contentHash = model::contentHash(article.title, body);
            article.imported = QDateTime::currentDateTimeUtc();
            store.articles().insertUnindexed(article);
            const int length = int(body.size());
            for (int k = 0; k < perArticle; ++k) {
                model::Highlight h;
                h.articleId = article.id;
                h.start = k == 0 ? 0 : rng.bounded(length - 120);
                h.end = h.start + 20 + rng.bounded(100);
                h.coder = k % 2 ? QStringLiteral("ana") : QStringLiteral("bo");
                h.tagIds = {tagIds.at(rng.bounded(int(tagIds.size())))};
                if (const qint64 second = tagIds.at(rng.bounded(int(tagIds.size())));
                    rng.bounded(4) == 0 && second != h.tagIds.first())
                    h.tagIds.append(second);
                if (k % 10 == 0)
                    h.note = QStringLiteral("note on passage %1").arg(k);
                store.highlights().add(h);
            }
            if (a % 10 == 0)
                store.articles().setArticleTags(article.id, QString(), {tagIds.at(a % tagIds.size())});
        }
        tx.commit();
    }
    // One entity, "Karachi", mentioned at the start of every article.
    {
        auto *db = storage::sqlite::databaseOf(store);
        db->exec("INSERT INTO entities(name, type, created) VALUES('Karachi', 'place', '2026-01-01')");
        db->exec("INSERT INTO mentions(entity_id, article_id, start, end, text) "
                 "SELECT (SELECT max(id) FROM entities), id, 0, 7, 'Karachi' FROM articles");
        db->exec("ANALYZE");
    }
    std::printf("project: %d articles, %d tags, %d highlights (set up in %.1f s)\n", articles, int(tagIds.size()),
        highlights, double(setup.elapsed()) / 1000);
    std::fflush(stdout);

    auto measure = [&](const char *name, const std::function<QString()> &work) {
        std::vector<double> ms, cpuMs;
        QString what;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            t.start();
            const std::clock_t cpu = std::clock();
            what = work();
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            cpuMs.push_back(double(std::clock() - cpu) * 1000 / CLOCKS_PER_SEC);
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpuMs.begin(), cpuMs.end());
        std::printf("%-42s wall min %7.1f ms, median %7.1f ms; cpu median %7.1f ms  %s %s\n", name, ms.front(),
            ms[ms.size() / 2], cpuMs[cpuMs.size() / 2], ms[ms.size() / 2] < 1000 ? "(< 1 s)" : "(OVER 1 s)",
            qPrintable(what));
        std::fflush(stdout);
    };
    operations::Reports &reports = project.reports();
    for (const char *by : {"month", "week", "year", "source"}) {
        const model::FrequencyBy unit = *model::frequencyByFromName(QString::fromLatin1(by));
        measure(qPrintable(QStringLiteral("frequency by %1, all tags").arg(QLatin1String(by))), [&] {
            const model::FrequencyReport r = reports.frequency({}, unit);
            return QStringLiteral("%1 buckets, %2 cells").arg(r.buckets.size()).arg(r.cells.size());
        });
    }
    model::ReportScope oneTag;
    oneTag.tagIds = {tagIds.at(0)};
    measure("frequency by month, one tag, one coder", [&] {
        model::ReportScope s = oneTag;
        s.coders = {QStringLiteral("ana")};
        return QStringLiteral("%1 cells")
            .arg(reports.frequency(s, *model::frequencyByFromName(QStringLiteral("month"))).cells.size());
    });
    measure("co-occurrence by highlight", [&] {
        return QStringLiteral("%1 pairs")
            .arg(reports.cooccurrence({}, model::CooccurrenceUnit::Highlight).cells.size());
    });
    measure("co-occurrence by article", [&] {
        return QStringLiteral("%1 pairs").arg(reports.cooccurrence({}, model::CooccurrenceUnit::Article).cells.size());
    });
    measure("entity x tag", [&] {
        model::ReportScope none;
        return QStringLiteral("%1 cells")
            .arg(reports.cooccurrence(none, model::CooccurrenceUnit::Highlight, true).entities.size());
    });
    measure("passages of one tag", [&] { return QStringLiteral("%1 passages").arg(reports.passages(oneTag).size()); });
    measure("export --layout matrix", [&] {
        Counter out;
        interchange::ExportOptions options;
        options.layout = interchange::Layout::Matrix;
        const interchange::ExportResult r = project.interchange().exportTo(out, options);
        return QStringLiteral("%1 rows, %2 MB").arg(r.rows).arg(double(out.bytes) / 1e6, 0, 'f', 1);
    });
    return 0;
}
