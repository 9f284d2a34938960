// Measures the temporal tagger against gold annotations: span precision and recall (exact and
// overlapping), the share of exact spans whose value is right, and TempEval-3's value precision,
// recall and F1 (over overlapping spans). Two sets: the project's gold on the samples, and a TimeML
// set (TIMEX3 in *.tml files, anchored on their DCT).
// Usage: timex-eval [--verbose] [GOLD_DIR SAMPLES_DIR [TIMEML_DIR]]
#include "support/timexgold.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

void report(QTextStream &out, const QString &title, const QList<gloss::test::TimexGoldArticle> &gold, bool verbose)
{
    const gloss::test::TimexScores s = gloss::test::scoreTimex(gold);
    out << "== " << title << '\n';
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
    out << "value (overlapping spans): precision " << pct(s.valuePrecision()) << "  recall " << pct(s.valueRecall())
        << "  F1 " << QString::number(s.valueF1(), 'f', 3) << '\n';
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool verbose = args.removeAll(QStringLiteral("--verbose")) > 0;
    const QString goldDir = args.size() >= 1 ? args.at(0) : QStringLiteral(GLOSS_TEST_DATA "/gold/timex");
    const QString samplesDir = args.size() >= 2 ? args.at(1) : QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples");
    const QString timemlDir = args.size() >= 3 ? args.at(2) : QStringLiteral(GLOSS_TEST_DATA "/timeml");
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const QList<gloss::test::TimexGoldArticle> gold = gloss::test::loadTimexGold(goldDir, samplesDir, error);
    if (!error.isEmpty()) {
        err << "timex-eval: " << error << '\n';
        return 1;
    }
    const QList<gloss::test::TimexGoldArticle> timeml = gloss::test::loadTimeMLGold(timemlDir, error);
    if (!error.isEmpty()) {
        err << "timex-eval: " << error << '\n';
        return 1;
    }
    report(out, QStringLiteral("project gold (") + goldDir + u')', gold, verbose);
    report(out, QStringLiteral("TimeML set (") + timemlDir + u')', timeml, verbose);
    return 0;
}
