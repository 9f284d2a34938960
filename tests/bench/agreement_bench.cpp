// agreement-bench: the speed of intercoder agreement at segment level (issue 18): 2,000 articles of
// about 3 KB, 3 coders, 50 tags, each coder with about 12 highlights an article (one or two tags
// each, boundaries a little apart between coders). Times Project::agreement().report() from the
// open project (reading the codings, the sweeps, the matching, the disagreements' texts), at
// segment and article level, 5 runs each; prints the minimum and the median. Target: under 2 s.
//
// usage: agreement-bench [--articles N] [--coders C] [--tags T] [--runs R]
#include "model/article.h"
#include "model/contenthash.h"
#include "operations/agreement.h"
#include "operations/project.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace gloss;

namespace {

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int articles = option(args, QStringLiteral("--articles"), 2000);
    const int coders = option(args, QStringLiteral("--coders"), 3);
    const int tags = option(args, QStringLiteral("--tags"), 50);
    const int runs = option(args, QStringLiteral("--runs"), 5);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("agreement.gloss"));
    auto opened = Project::open(path);
    if (!opened.project) {
        std::fprintf(stderr, "agreement-bench: %s\n", qPrintable(opened.error));
        return 1;
    }
    Project &project = *opened.project;
    storage::Store &store = project.store();
    QRandomGenerator rng(18);
    const char *words[] = {"the", "minister", "said", "talks", "with", "union", "would", "resume", "after", "strike",
        "ended", "port", "reopened", "ships", "grain", "fuel", "council", "budget", "court", "ruling"};
    QElapsedTimer setup;
    setup.start();
    qint64 highlights = 0;
    {
        storage::Transaction tx(store);
        QList<qint64> tagIds;
        for (int t = 0; t < tags; ++t)
            tagIds.append(store.tags().ensure(QStringLiteral("Frames > Frame %1").arg(t + 1)));
        QStringList names;
        for (int c = 0; c < coders; ++c)
            names.append(QStringLiteral("coder%1").arg(c + 1));
        for (int a = 0; a < articles; ++a) {
            model::Article article;
            article.title = QStringLiteral("Article %1").arg(a + 1);
            QString body;
            while (body.size() < 3000)
                body += QString::fromLatin1(words[rng.bounded(20)]) + (rng.bounded(12) ? u' ' : u'.');
            body += QString::number(a);
            article.body = body;
            article.contentHash = model::contentHash(article.title, body);
            article.imported = QDateTime::currentDateTimeUtc();
            store.articles().insertUnindexed(article);
            const int length = int(body.size());
            for (int k = 0; k < 12; ++k) { // passages all coders code, each with their own boundaries
                const int start = rng.bounded(length - 200);
                const int end = start + 20 + rng.bounded(150);
                QList<qint64> passageTags{tagIds.at(rng.bounded(tags))};
                if (const qint64 second = tagIds.at(rng.bounded(tags));
                    rng.bounded(3) == 0 && second != passageTags.first())
                    passageTags.append(second);
                for (int c = 0; c < coders; ++c) {
                    if (rng.bounded(8) == 0)
                        continue; // this coder missed it
                    model::Highlight h;
                    h.articleId = article.id;
                    h.start = start + rng.bounded(6);
                    h.end = end - rng.bounded(6);
                    h.coder = names.at(c);
                    h.tagIds = passageTags;
                    if (rng.bounded(10) == 0)
                        h.tagIds = {tagIds.at(rng.bounded(tags))}; // another tag
                    store.highlights().add(h);
                    ++highlights;
                }
            }
        }
        tx.commit();
    }
    std::printf("project: %d articles, %d coders, %d tags, %lld highlights (set up in %.1f s)\n", articles, coders,
        tags, static_cast<long long>(highlights), double(setup.elapsed()) / 1000);

    for (const model::AgreementLevel level : {model::AgreementLevel::Segment, model::AgreementLevel::Article}) {
        std::vector<double> ms, cpuMs; // wall and CPU time: on a busy machine the CPU time varies less
        model::AgreementReport report;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            t.start();
            const std::clock_t cpu = std::clock();
            model::AgreementRequest request;
            request.level = level;
            request.allArticles = true; // every article is coded; no done marks to read
            report = project.agreement().report(request);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            cpuMs.push_back(double(std::clock() - cpu) * 1000 / CLOCKS_PER_SEC);
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpuMs.begin(), cpuMs.end());
        const model::TagAgreement &pooled = report.rows.constLast();
        std::printf("%-8s level: wall min %7.1f ms, median %7.1f ms; cpu min %7.1f ms, median %7.1f ms  (%zu tag rows, "
                    "%lld units, alpha %.3f, %lld "
                    "disagreements)\n",
            level == model::AgreementLevel::Segment ? "segment" : "article", ms.front(), ms[ms.size() / 2],
            cpuMs.front(), cpuMs[cpuMs.size() / 2], std::size_t(report.rows.size()),
            static_cast<long long>(pooled.units), pooled.alpha.value_or(-99),
            static_cast<long long>(pooled.disagreements));
    }
    return 0;
}
