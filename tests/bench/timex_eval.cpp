// Measures the temporal tagger against the gold annotations: span precision and recall (exact and
// overlapping) and the share of found expressions whose value is exactly right.
// Usage: timex-eval [--verbose] [GOLD_DIR SAMPLES_DIR]

#include "support/timexgold.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool verbose = args.removeAll(QStringLiteral("--verbose")) > 0;
    const QString goldDir = args.size() >= 1 ? args.at(0) : QStringLiteral(GLOSS_TEST_DATA "/gold/timex");
    const QString samplesDir = args.size() >= 2 ? args.at(1) : QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples");
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const QList<gloss::test::TimexGoldArticle> gold = gloss::test::loadTimexGold(goldDir, samplesDir, error);
    if (!error.isEmpty()) {
        err << "timex-eval: " << error << '\n';
        return 1;
    }
    const gloss::test::TimexScores s = gloss::test::scoreTimex(gold);
    if (verbose)
        for (const QString &line : s.misses)
            out << "  " << line << '\n';
    auto pct = [](double x) -> QString { return QString::number(100 * x, 'f', 1) + u'%'; };
    out << "articles " << gold.size() << ", gold expressions " << s.gold << ", found " << s.found << '\n';
    out << "exact spans:       precision " << pct(s.exactPrecision()) << "  recall " << pct(s.exactRecall()) << '\n';
    out << "overlapping spans: precision " << pct(s.overlapPrecision()) << "  recall " << pct(s.overlapRecall())
        << '\n';
    out << "value exactly right (of exact spans): " << pct(s.valueAccuracy()) << " (" << s.valueRight << '/' << s.exact
        << ")\n";
    return 0;
}
