// entity-eval: precision, recall and F1 of entity extraction per type against the gold
// annotations (tests/data/gold/entities) and against CoNLL-2003's development set (eng.testa),
// with the speed of the extractor and of its statistical recogniser.
//   entity-eval [--verbose] [--conll PATH]   (--verbose lists every missed and spurious mention
//   of the gold articles; PATH defaults to ../shared/data/conll2003/eng.testa beside the sources)
#include "extract/entityextractor.h"
#include "extract/nertagger.h"
#include "model/namekey.h"
#include "support/entityeval.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <ctime>
#include <vector>

namespace {

using gloss::test::TypeScore;

void printScores(QTextStream &out, const QMap<QString, TypeScore> &scores)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("type"), -20)
               .arg(QStringLiteral("gold"), 6)
               .arg(QStringLiteral("found"), 6)
               .arg(QStringLiteral("right"), 6)
               .arg(QStringLiteral("P"), 6)
               .arg(QStringLiteral("R"), 6)
               .arg(QStringLiteral("F1"), 6);
    // PER+ORG+LOC: the measure of the issue's target, without the other names.
    TypeScore main;
    for (const QString &type : {QStringLiteral("person"), QStringLiteral("organization"), QStringLiteral("place")}) {
        const TypeScore s = scores.value(type);
        main.truePositives += s.truePositives;
        main.falsePositives += s.falsePositives;
        main.falseNegatives += s.falseNegatives;
    }
    auto row = [&](const QString &name, const TypeScore &s) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(name, -20)
                   .arg(s.truePositives + s.falseNegatives, 6)
                   .arg(s.truePositives + s.falsePositives, 6)
                   .arg(s.truePositives, 6)
                   .arg(s.precision(), 6, 'f', 3)
                   .arg(s.recall(), 6, 'f', 3)
                   .arg(s.f1(), 6, 'f', 3);
    };
    for (const QString &type :
        {QStringLiteral("person"), QStringLiteral("organization"), QStringLiteral("place"), QStringLiteral("other")})
        row(type, scores.value(type));
    row(QStringLiteral("person+org+place"), main);
    row(QStringLiteral("all"), scores.value(QStringLiteral("all")));
}

double cpuSince(std::clock_t start)
{
    return double(std::clock() - start) / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QString error;
    // Loading the model as Gloss does once per process (read the resource, uncompress, decode).
    QElapsedTimer loadTimer;
    loadTimer.start();
    const std::clock_t loadCpu = std::clock();
    gloss::extract::NerTagger::instance();
    const double instanceMs = loadTimer.nsecsElapsed() / 1e6;
    const double instanceCpuMs = double(std::clock() - loadCpu) * 1000.0 / CLOCKS_PER_SEC;
    loadTimer.restart();
    {
        QFile model(QStringLiteral(":/ner/model.bin"));
        gloss::extract::NerTagger again;
        QString loadError;
        if (!model.open(QIODevice::ReadOnly) || !again.load(model.readAll(), &loadError))
            out << "the model cannot be read: " << loadError << '\n';
    }
    const QString modelLoad
        = QStringLiteral("model load: %1 ms wall clock, %2 ms of CPU (a second load: %3 ms wall clock)\n")
              .arg(instanceMs, 0, 'f', 1)
              .arg(instanceCpuMs, 0, 'f', 1)
              .arg(loadTimer.nsecsElapsed() / 1e6, 0, 'f', 1);

    const QStringList args = app.arguments();
    QString conll = QStringLiteral(GLOSS_SOURCE_DIR "/../shared/data/conll2003/eng.testa");
    if (!QFileInfo::exists(conll))
        conll = QStringLiteral(GLOSS_SOURCE_DIR "/../../shared/data/conll2003/eng.testa");
    if (const qsizetype at = args.indexOf(QStringLiteral("--conll")); at > 0 && at + 1 < args.size())
        conll = args.at(at + 1);

    // --show TEXT: the names found in TEXT, one a line (for looking at what the extractor does).
    if (const qsizetype at = args.indexOf(QStringLiteral("--show")); at > 0 && at + 1 < args.size()) {
        const QString text = args.at(at + 1);
        for (const auto &e : gloss::extract::EntityExtractor().extract(text))
            for (const auto &m : e.mentions)
                out << m.start << ' ' << int(e.type) << " \"" << m.text << "\" -> " << e.name << '\n';
        return 0;
    }
    const QList<gloss::test::EntityGoldArticle> articles
        = gloss::test::loadGoldArticles(QStringLiteral(GLOSS_TEST_DATA "/gold/entities"),
            QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples"), &error);
    if (articles.isEmpty()) {
        QTextStream(stderr) << "entity-eval: " << error << '\n';
        return 1;
    }
    QStringList misses;
    const bool verbose = args.contains(QStringLiteral("--verbose"));
    const auto scores = gloss::test::scoreExtraction(articles, verbose ? &misses : nullptr);
    for (const QString &m : std::as_const(misses))
        out << m << '\n';
    int goldCount = 0;
    for (const auto &a : articles)
        goldCount += int(a.gold.size());
    out << "Entity extraction against " << articles.size() << " gold articles (" << goldCount << " mentions)\n";
    printScores(out, scores);

    // Speed: extraction alone, over the gold bodies repeated until about 20 MB were read.
    gloss::extract::EntityExtractor extractor;
    qint64 bytes = 0;
    for (const auto &a : articles)
        bytes += a.body.toUtf8().size();
    const int rounds = int(std::max<qint64>(1, 20'000'000 / bytes));
    QElapsedTimer timer;
    timer.start();
    std::clock_t cpuStart = std::clock();
    qsizetype found = 0;
    for (int r = 0; r < rounds; ++r)
        for (const auto &a : articles)
            found += extractor.extract(a.body).size();
    const double seconds = timer.nsecsElapsed() / 1e9;
    // CPU time too: on a shared machine the wall clock measures the neighbours as well.
    const double cpuSeconds = cpuSince(cpuStart);
    const double megabytes = bytes * double(rounds) / 1e6;
    out << QStringLiteral("speed: %1 MB/s of CPU time, %2 MB/s wall clock (%3 MB UTF-8, %4 entities)\n")
               .arg(megabytes / cpuSeconds, 0, 'f', 2)
               .arg(megabytes / seconds, 0, 'f', 2)
               .arg(megabytes, 0, 'f', 1)
               .arg(found);

    // CoNLL-2003's development set, read as text by the whole extractor (rules and recogniser).
    qsizetype tokens = 0;
    const QList<gloss::test::EntityGoldArticle> documents = gloss::test::loadConllArticles(conll, &tokens, &error);
    if (documents.isEmpty()) {
        out << "\nCoNLL-2003 not measured: " << error << '\n';
        return 0;
    }
    out << "\nEntity extraction against " << conll << " (" << documents.size() << " documents, " << tokens
        << " tokens; exact spans, MISC as other)\n";
    QStringList conllMisses;
    const auto conllScores = gloss::test::scoreExtraction(documents, verbose ? &conllMisses : nullptr);
    for (const QString &m : std::as_const(conllMisses))
        out << "conll " << m << '\n';
    printScores(out, conllScores);
    cpuStart = std::clock();
    for (const auto &d : documents)
        found += extractor.extract(d.body).size();
    const double extractorCpu = cpuSince(cpuStart);

    // The recogniser alone: its tokens per second of CPU on one core, the gazetteer's bits read
    // beforehand.
    std::vector<std::vector<gloss::extract::NerToken>> sentences;
    QStringList words;
    for (const auto &d : documents)
        for (const QString &sentence : d.body.split(QStringLiteral("\n\n")))
            words.append(sentence);
    for (const QString &sentence : std::as_const(words)) {
        std::vector<gloss::extract::NerToken> s;
        for (const QStringView w : QStringView(sentence).split(u' ')) {
            gloss::extract::NerToken t;
            t.text = w;
            if (!w.isEmpty() && w.at(0).isUpper())
                t.gazetteer = gloss::extract::nerGazetteerBits(gloss::model::nameKey(w));
            s.push_back(t);
        }
        sentences.push_back(std::move(s));
    }
    const gloss::extract::NerTagger &tagger = gloss::extract::NerTagger::instance();
    out << modelLoad;
    std::vector<gloss::extract::NerTag> tags(1024);
    const int tagRounds = 10;
    cpuStart = std::clock();
    for (int r = 0; r < tagRounds; ++r)
        for (const auto &s : sentences) {
            if (tags.size() < s.size())
                tags.resize(s.size());
            tagger.tag(s, std::span(tags.data(), s.size()));
        }
    const double taggerCpu = cpuSince(cpuStart);
    out << QStringLiteral(
        "speed: the extractor %1 tokens/s of CPU, the recogniser alone %2 tokens/s of CPU (one core)\n")
               .arg(double(tokens) / extractorCpu, 0, 'f', 0)
               .arg(double(tokens) * tagRounds / taggerCpu, 0, 'f', 0);
    return 0;
}
