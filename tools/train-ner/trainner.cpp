// gloss-train-ner: trains the entity recogniser (extract::NerTagger) on CoNLL-2003 English and
// writes its model file. Run by hand; training is reproducible (a fixed seed, 2003).
//   gloss-train-ner --train eng.train --dev eng.testa --out resources/ner/model.bin
//                   [--epochs N] [--bits B]
#include "extract/nertagger.h"
#include "model/namekey.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using gloss::extract::NerTag;
using gloss::extract::NerTagCount;
using gloss::extract::NerTagger;
using gloss::extract::NerToken;

namespace {

struct Sentence
{
    std::vector<int> gold; // NerTag per token
    std::vector<std::uint32_t> features; // NerTagger::FeatureCount per token
};

int typeOf(const QString &label)
{
    const QString t = label.mid(2);
    if (t == u"PER")
        return 0;
    if (t == u"ORG")
        return 1;
    if (t == u"LOC")
        return 2;
    return 3;
}

// Reads a CoNLL file (token POS chunk NER, IOB1) as sentences with IOB2 tags and their features.
bool readConll(const QString &path, int bits, std::vector<Sentence> &out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    QStringList words;
    std::vector<int> tags;
    int lineNumber = 0;
    auto flush = [&] {
        if (words.isEmpty())
            return;
        std::vector<NerToken> tokens(std::size_t(words.size()));
        for (qsizetype i = 0; i < words.size(); ++i) {
            tokens[std::size_t(i)].text = words.at(i);
            const QChar c = words.at(i).at(0);
            if (c.isUpper() || c.isTitleCase())
                tokens[std::size_t(i)].gazetteer = gloss::extract::nerGazetteerBits(gloss::model::nameKey(words.at(i)));
        }
        Sentence s;
        s.gold = tags;
        NerTagger::features(tokens, bits, s.features);
        out.push_back(std::move(s));
        words.clear();
        tags.clear();
    };
    QTextStream in(&file);
    QString line;
    while (in.readLineInto(&line)) {
        ++lineNumber;
        if (line.trimmed().isEmpty()) {
            flush();
            continue;
        }
        const QStringList cols = line.split(u' ');
        if (cols.size() < 4) {
            *error = QStringLiteral("%1: line %2: expected 'token POS chunk NER'").arg(path).arg(lineNumber);
            return false;
        }
        if (cols.first() == u"-DOCSTART-")
            continue;
        const QString &label = cols.last();
        int tag = 0;
        if (label != u"O") {
            const int type = typeOf(label);
            const bool inside = label.startsWith(u"I-") && !tags.empty() && tags.back() != 0
                && (tags.back() - 1) / 2 == type;
            tag = 1 + 2 * type + (inside ? 1 : 0);
        }
        words.append(cols.first());
        tags.push_back(tag);
    }
    flush();
    return true;
}

struct Model
{
    int bits = 0;
    std::vector<float> w, u; // weights and their time-weighted updates (averaging)
    std::vector<float> tw, tu; // transitions, the first row from the sentence start
    float clock = 1;

    explicit Model(int b)
        : bits(b)
        , w(std::size_t(NerTagCount) << b)
        , u(std::size_t(NerTagCount) << b)
        , tw((NerTagCount + 1) * NerTagCount)
        , tu((NerTagCount + 1) * NerTagCount)
    { }

    void decode(const Sentence &s, std::vector<int> &tags, bool averaged) const
    {
        const std::size_t n = s.gold.size();
        std::vector<float> score(n * NerTagCount);
        std::vector<int> back(n * NerTagCount);
        auto weight = [&](const std::vector<float> &v, const std::vector<float> &acc, std::size_t i) {
            return averaged ? v[i] - acc[i] / clock : v[i];
        };
        for (std::size_t i = 0; i < n; ++i)
            for (int k = 0; k < NerTagger::FeatureCount; ++k) {
                const std::size_t row = std::size_t(s.features[i * NerTagger::FeatureCount + std::size_t(k)]) * NerTagCount;
                for (int t = 0; t < NerTagCount; ++t)
                    score[i * NerTagCount + std::size_t(t)] += weight(w, u, row + std::size_t(t));
            }
        const float never = -1e30f;
        for (int t = 0; t < NerTagCount; ++t)
            score[std::size_t(t)] = NerTagger::allowed(-1, t) ? score[std::size_t(t)] + weight(tw, tu, std::size_t(t)) : never;
        for (std::size_t i = 1; i < n; ++i)
            for (int t = 0; t < NerTagCount; ++t) {
                float best = never;
                int from = 0;
                for (int p = 0; p < NerTagCount; ++p) {
                    const float prev = score[(i - 1) * NerTagCount + std::size_t(p)];
                    if (!NerTagger::allowed(p, t) || prev <= never)
                        continue;
                    const float v = prev + weight(tw, tu, std::size_t((p + 1) * NerTagCount + t));
                    if (v > best) {
                        best = v;
                        from = p;
                    }
                }
                score[i * NerTagCount + std::size_t(t)] = best <= never ? never : best + score[i * NerTagCount + std::size_t(t)];
                back[i * NerTagCount + std::size_t(t)] = from;
            }
        tags.assign(n, 0);
        const float *last = score.data() + (n - 1) * NerTagCount;
        int t = int(std::max_element(last, last + NerTagCount) - last);
        for (std::size_t i = n; i-- > 0;) {
            tags[i] = t;
            if (i > 0)
                t = back[i * NerTagCount + std::size_t(t)];
        }
    }

    void update(std::vector<float> &v, std::vector<float> &acc, std::size_t i, float d)
    {
        v[i] += d;
        acc[i] += clock * d;
    }

    void learn(const Sentence &s, std::vector<int> &guess)
    {
        decode(s, guess, false);
        const std::size_t n = s.gold.size();
        if (guess != s.gold) {
            for (std::size_t i = 0; i < n; ++i) {
                const int g = s.gold[i], p = guess[i];
                if (g != p)
                    for (int k = 0; k < NerTagger::FeatureCount; ++k) {
                        const std::size_t row = std::size_t(s.features[i * NerTagger::FeatureCount + std::size_t(k)]) * NerTagCount;
                        update(w, u, row + std::size_t(g), 1);
                        update(w, u, row + std::size_t(p), -1);
                    }
                const int gp = i == 0 ? 0 : s.gold[i - 1] + 1;
                const int pp = i == 0 ? 0 : guess[i - 1] + 1;
                if (gp != pp || g != p) {
                    update(tw, tu, std::size_t(gp * NerTagCount + g), 1);
                    update(tw, tu, std::size_t(pp * NerTagCount + p), -1);
                }
            }
        }
        clock += 1;
    }

    std::vector<float> averaged(const std::vector<float> &v, const std::vector<float> &acc) const
    {
        std::vector<float> out(v.size());
        for (std::size_t i = 0; i < v.size(); ++i)
            out[i] = v[i] - acc[i] / clock;
        return out;
    }
};

struct Count
{
    int gold = 0, found = 0, right = 0;
    double p() const { return found ? double(right) / found : 0; }
    double r() const { return gold ? double(right) / gold : 0; }
    double f() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

// Spans (first, last, type) of IOB2 tags.
std::vector<std::array<int, 3>> spans(const std::vector<int> &tags)
{
    std::vector<std::array<int, 3>> out;
    for (int i = 0; i < int(tags.size()); ++i) {
        if (tags[std::size_t(i)] == 0)
            continue;
        const int type = (tags[std::size_t(i)] - 1) / 2;
        int j = i;
        while (j + 1 < int(tags.size()) && tags[std::size_t(j + 1)] == 2 + 2 * type)
            ++j;
        out.push_back({i, j, type});
        i = j;
    }
    return out;
}

// P/R/F1 per type (PER, ORG, LOC, MISC) and over PER+ORG+LOC (index 4).
std::array<Count, 5> evaluate(const Model &m, const std::vector<Sentence> &dev)
{
    std::array<Count, 5> c{};
    std::vector<int> guess;
    for (const Sentence &s : dev) {
        m.decode(s, guess, true);
        const auto g = spans(s.gold), p = spans(guess);
        for (const auto &x : g) {
            ++c[std::size_t(x[2])].gold;
            if (x[2] < 3)
                ++c[4].gold;
        }
        for (const auto &x : p) {
            ++c[std::size_t(x[2])].found;
            if (x[2] < 3)
                ++c[4].found;
            if (std::find(g.begin(), g.end(), x) != g.end()) {
                ++c[std::size_t(x[2])].right;
                if (x[2] < 3)
                    ++c[4].right;
            }
        }
    }
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString train, dev, output;
    int epochs = 12, bits = 18;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const QString value = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (a == u"--train")
            train = value;
        else if (a == u"--dev")
            dev = value;
        else if (a == u"--out")
            output = value;
        else if (a == u"--epochs")
            epochs = value.toInt();
        else if (a == u"--bits")
            bits = value.toInt();
        else {
            err << "gloss-train-ner: unknown argument " << a
                << "\nusage: gloss-train-ner --train eng.train --dev eng.testa --out model.bin [--epochs N] [--bits B]\n";
            return 2;
        }
        ++i;
    }
    if (train.isEmpty() || dev.isEmpty() || output.isEmpty() || epochs < 1 || bits < 8 || bits > 24) {
        err << "usage: gloss-train-ner --train eng.train --dev eng.testa --out model.bin [--epochs N] [--bits B (8-24)]\n";
        return 2;
    }
    std::vector<Sentence> trainSet, devSet;
    QString error;
    if (!readConll(train, bits, trainSet, &error) || !readConll(dev, bits, devSet, &error)) {
        err << "gloss-train-ner: " << error << '\n';
        return 1;
    }
    out << "training on " << trainSet.size() << " sentences, tuning on " << devSet.size() << ", " << epochs
        << " epochs, " << (1 << bits) << " rows\n";
    out.flush();
    Model model(bits);
    std::mt19937 random(2003);
    std::vector<std::size_t> order(trainSet.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::vector<int> guess;
    const char *names[] = {"PER", "ORG", "LOC", "MISC", "PER+ORG+LOC"};
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        // Fisher-Yates with the generator's raw output: the same order on every platform.
        for (std::size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[random() % (i + 1)]);
        for (std::size_t i : order)
            model.learn(trainSet[i], guess);
        const auto c = evaluate(model, devSet);
        out << "epoch " << epoch << ": " << dev << " F1";
        for (int t = 0; t < 5; ++t)
            out << ' ' << names[t] << ' ' << QString::number(c[std::size_t(t)].f(), 'f', 3);
        out << '\n';
        out.flush();
    }
    const auto c = evaluate(model, devSet);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(QStringLiteral("type"), -12).arg(QStringLiteral("gold"), 6).arg(QStringLiteral("found"), 6).arg(QStringLiteral("right"), 6).arg(QStringLiteral("P"), 6).arg(QStringLiteral("R"), 6).arg(QStringLiteral("F1"), 6);
    for (int t = 0; t < 5; ++t) {
        const Count &k = c[std::size_t(t)];
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(QString::fromLatin1(names[t]), -12).arg(k.gold, 6).arg(k.found, 6).arg(k.right, 6).arg(k.p(), 6, 'f', 3).arg(k.r(), 6, 'f', 3).arg(k.f(), 6, 'f', 3);
    }
    const QByteArray file = NerTagger::save(bits, model.averaged(model.w, model.u), model.averaged(model.tw, model.tu));
    QSaveFile f(output);
    if (!f.open(QIODevice::WriteOnly) || f.write(file) != file.size() || !f.commit()) {
        err << "gloss-train-ner: " << output << ": " << f.errorString() << '\n';
        return 1;
    }
    out << "wrote " << output << " (" << file.size() << " bytes)\n";
    return 0;
}
