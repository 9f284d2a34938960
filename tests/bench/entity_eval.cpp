// entity-eval: precision, recall and F1 of entity extraction per type against the gold
// annotations (tests/data/gold/entities), and extraction speed in MB/s.
//   entity-eval [--verbose]   (--verbose lists every missed and spurious mention)
#include "extract/entityextractor.h"
#include "support/entityeval.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <ctime>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QString error;
    const QList<gloss::test::EntityGoldArticle> articles
        = gloss::test::loadGoldArticles(QStringLiteral(GLOSS_TEST_DATA "/gold/entities"),
            QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples"), &error);
    if (articles.isEmpty()) {
        QTextStream(stderr) << "entity-eval: " << error << '\n';
        return 1;
    }
    QStringList misses;
    const bool verbose = app.arguments().contains(QStringLiteral("--verbose"));
    const auto scores = gloss::test::scoreExtraction(articles, verbose ? &misses : nullptr);
    for (const QString &m : std::as_const(misses))
        out << m << '\n';
    int goldCount = 0;
    for (const auto &a : articles)
        goldCount += int(a.gold.size());
    out << "Entity extraction against " << articles.size() << " gold articles (" << goldCount << " mentions)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("type"), -14)
               .arg(QStringLiteral("gold"), 6)
               .arg(QStringLiteral("found"), 6)
               .arg(QStringLiteral("right"), 6)
               .arg(QStringLiteral("P"), 6)
               .arg(QStringLiteral("R"), 6)
               .arg(QStringLiteral("F1"), 6);
    for (const QString &type : {QStringLiteral("person"), QStringLiteral("organization"), QStringLiteral("place"),
             QStringLiteral("other"), QStringLiteral("all")}) {
        const auto s = scores.value(type);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(type, -14)
                   .arg(s.truePositives + s.falseNegatives, 6)
                   .arg(s.truePositives + s.falsePositives, 6)
                   .arg(s.truePositives, 6)
                   .arg(s.precision(), 6, 'f', 3)
                   .arg(s.recall(), 6, 'f', 3)
                   .arg(s.f1(), 6, 'f', 3);
    }

    // Speed: extraction alone, over the gold bodies repeated until about 20 MB were read.
    gloss::extract::EntityExtractor extractor;
    qint64 bytes = 0;
    for (const auto &a : articles)
        bytes += a.body.toUtf8().size();
    const int rounds = int(std::max<qint64>(1, 20'000'000 / bytes));
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    qsizetype found = 0;
    for (int r = 0; r < rounds; ++r)
        for (const auto &a : articles)
            found += extractor.extract(a.body).size();
    const double seconds = timer.nsecsElapsed() / 1e9;
    // CPU time too: on a shared machine the wall clock measures the neighbours as well.
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double megabytes = bytes * double(rounds) / 1e6;
    out << QStringLiteral("speed: %1 MB/s of CPU time, %2 MB/s wall clock (%3 MB UTF-8, %4 entities)\n")
               .arg(megabytes / cpuSeconds, 0, 'f', 2)
               .arg(megabytes / seconds, 0, 'f', 2)
               .arg(megabytes, 0, 'f', 1)
               .arg(found);
    return 0;
}
