#include "support/entityeval.h"

#include "extract/entityextractor.h"
#include "support/samplebody.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <set>
#include <tuple>

namespace gloss::test {

QList<EntityGoldArticle> loadGoldArticles(const QString &goldDir, const QString &samplesDir, QString *error)
{
    QList<EntityGoldArticle> out;
    const QDir gold(goldDir);
    const QStringList files = gold.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty() && error)
        *error = QStringLiteral("%1: no gold files").arg(goldDir);
    for (const QString &name : files) {
        QFile g(gold.filePath(name));
        if (!g.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: cannot read").arg(g.fileName());
            return {};
        }
        const QJsonObject doc = QJsonDocument::fromJson(g.readAll()).object();
        EntityGoldArticle a;
        a.file = doc.value(QStringLiteral("file")).toString();
        QString bodyError;
        a.body = sampleBody(QDir(samplesDir).filePath(a.file), bodyError);
        if (a.body.isEmpty()) {
            if (error)
                *error = bodyError;
            return {};
        }
        qsizetype from = 0;
        for (const QJsonValue &v : doc.value(QStringLiteral("mentions")).toArray()) {
            const QJsonObject m = v.toObject();
            const QString t = m.value(QStringLiteral("text")).toString();
            const qsizetype at = a.body.indexOf(t, from);
            if (at < 0) {
                if (error)
                    *error = QStringLiteral("%1: gold mention \"%2\" not found").arg(name, t);
                return {};
            }
            a.gold.append({at, at + t.size(), t,
                model::entityTypeFromName(m.value(QStringLiteral("type")).toString())
                    .value_or(model::EntityType::Other)});
            from = at + t.size();
        }
        out.append(a);
    }
    return out;
}

QList<EntityGoldArticle> loadConllArticles(const QString &path, qsizetype *tokens, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<EntityGoldArticle> out;
    EntityGoldArticle doc;
    int documents = 0;
    qsizetype count = 0;
    qsizetype openStart = -1;
    QString openType;
    auto close = [&] {
        if (openStart < 0)
            return;
        const QString text = doc.body.mid(openStart);
        const model::EntityType type = openType == u"PER" ? model::EntityType::Person
            : openType == u"ORG"                          ? model::EntityType::Organization
            : openType == u"LOC"                          ? model::EntityType::Place
                                                          : model::EntityType::Other;
        doc.gold.append({openStart, doc.body.size(), text, type});
        openStart = -1;
    };
    auto flushDocument = [&] {
        close();
        if (!doc.body.isEmpty())
            out.append(doc);
        doc = EntityGoldArticle();
        doc.file = QStringLiteral("%1").arg(++documents, 3, 10, QLatin1Char('0'));
    };
    flushDocument();
    bool sentenceOpen = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty()) {
            close();
            sentenceOpen = false;
            continue;
        }
        const QStringList cols = line.split(u' ');
        if (cols.first() == u"-DOCSTART-") {
            flushDocument();
            continue;
        }
        const QString &label = cols.last();
        const QString type = label.size() > 2 ? label.mid(2) : QString();
        if (openStart >= 0 && (label == u"O" || label.startsWith(u"B-") || type != openType))
            close();
        if (!doc.body.isEmpty())
            doc.body += sentenceOpen ? QStringLiteral(" ") : QStringLiteral("\n\n");
        sentenceOpen = true;
        if (label != u"O" && openStart < 0) {
            openStart = doc.body.size();
            openType = type;
        }
        doc.body += cols.first();
        ++count;
    }
    flushDocument();
    if (tokens)
        *tokens = count;
    if (out.isEmpty() && error)
        *error = path + QStringLiteral(": no sentences");
    return out;
}

double TypeScore::precision() const
{
    const int n = truePositives + falsePositives;
    return n ? double(truePositives) / n : 0.0;
}

double TypeScore::recall() const
{
    const int n = truePositives + falseNegatives;
    return n ? double(truePositives) / n : 0.0;
}

double TypeScore::f1() const
{
    const double p = precision();
    const double r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

QMap<QString, TypeScore> scoreExtraction(const QList<EntityGoldArticle> &articles, QStringList *misses)
{
    QMap<QString, TypeScore> scores;
    const QString all = QStringLiteral("all");
    extract::EntityExtractor extractor;
    for (const EntityGoldArticle &a : articles) {
        QMap<std::tuple<qsizetype, qsizetype, int>, QString> predicted;
        for (const model::FoundEntity &e : extractor.extract(a.body))
            for (const model::FoundMention &m : e.mentions)
                predicted.insert({m.start, m.end, int(e.type)}, m.text);
        std::set<std::tuple<qsizetype, qsizetype, int>> gold;
        for (const EntityGoldArticle::Span &s : a.gold) {
            const std::tuple<qsizetype, qsizetype, int> key{s.start, s.end, int(s.type)};
            gold.insert(key);
            const QString type = model::entityTypeName(s.type);
            if (predicted.contains(key)) {
                ++scores[type].truePositives;
                ++scores[all].truePositives;
            } else {
                ++scores[type].falseNegatives;
                ++scores[all].falseNegatives;
                if (misses)
                    misses->append(QStringLiteral("%1: missed %2 \"%3\"").arg(a.file.left(2), type, s.text));
            }
        }
        for (auto it = predicted.cbegin(); it != predicted.cend(); ++it) {
            if (gold.count(it.key()))
                continue;
            const QString type = model::entityTypeName(model::EntityType(std::get<2>(it.key())));
            ++scores[type].falsePositives;
            ++scores[all].falsePositives;
            if (misses)
                misses->append(QStringLiteral("%1: spurious %2 \"%3\"").arg(a.file.left(2), type, it.value()));
        }
    }
    return scores;
}

} // namespace gloss::test
