#include "support/timexgold.h"

#include "extract/temporaltagger.h"
#include "support/samplebody.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace gloss::test {

QList<TimexGoldArticle> loadTimexGold(const QString &goldDir, const QString &samplesDir, QString &error)
{
    QList<TimexGoldArticle> out;
    const QDir dir(goldDir);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        error = QStringLiteral("%1: no gold files").arg(goldDir);
        return {};
    }
    for (const QString &name : files) {
        QFile gf(dir.filePath(name));
        if (!gf.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("%1: %2").arg(gf.fileName(), gf.errorString());
            return {};
        }
        const QJsonObject obj = QJsonDocument::fromJson(gf.readAll()).object();
        TimexGoldArticle a;
        a.file = obj.value(QStringLiteral("file")).toString();
        a.anchor = QDate::fromString(obj.value(QStringLiteral("anchor")).toString(), Qt::ISODate);
        a.body = sampleBody(QDir(samplesDir).filePath(a.file), error);
        if (a.body.isEmpty())
            return {};
        qsizetype from = 0;
        for (const QJsonValue &v : obj.value(QStringLiteral("expressions")).toArray()) {
            const QJsonObject e = v.toObject();
            GoldTimex g;
            g.text = e.value(QStringLiteral("text")).toString();
            g.value = e.value(QStringLiteral("value")).toString();
            g.granularity = e.value(QStringLiteral("granularity")).toString();
            g.start = a.body.indexOf(g.text, from);
            if (g.start < 0) {
                error = QStringLiteral("%1: \"%2\" is not in the body after offset %3").arg(name, g.text).arg(from);
                return {};
            }
            g.end = g.start + g.text.size();
            from = g.end;
            a.expressions.append(g);
        }
        out.append(a);
    }
    return out;
}

QList<TimexGoldArticle> loadTimeMLGold(const QString &dir, QString &error)
{
    QList<TimexGoldArticle> out;
    const QDir d(dir);
    const QStringList files = d.entryList({QStringLiteral("*.tml")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        error = QStringLiteral("%1: no TimeML files (*.tml)").arg(dir);
        return {};
    }
    for (const QString &name : files) {
        QFile f(d.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("%1: %2").arg(f.fileName(), f.errorString());
            return {};
        }
        TimexGoldArticle a;
        a.file = name;
        QXmlStreamReader xml(&f);
        bool inText = false;
        bool inDct = false;
        GoldTimex open;
        bool inTimex = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == u"TEXT")
                    inText = true;
                else if (xml.name() == u"DCT")
                    inDct = true;
                else if (xml.name() == u"TIMEX3" && inDct)
                    a.anchor = QDate::fromString(
                        xml.attributes().value(QStringLiteral("value")).toString().left(10), Qt::ISODate);
                else if (xml.name() == u"TIMEX3" && inText) {
                    open = GoldTimex{};
                    open.start = a.body.size();
                    open.value = xml.attributes().value(QStringLiteral("value")).toString();
                    open.granularity = xml.attributes().value(QStringLiteral("type")).toString();
                    inTimex = true;
                }
            } else if (xml.isEndElement()) {
                if (xml.name() == u"TEXT")
                    inText = false;
                else if (xml.name() == u"DCT")
                    inDct = false;
                else if (xml.name() == u"TIMEX3" && inTimex) {
                    open.end = a.body.size();
                    open.text = a.body.mid(open.start, open.end - open.start);
                    a.expressions.append(open);
                    inTimex = false;
                }
            } else if (xml.isCharacters() && inText) {
                a.body += xml.text();
            }
        }
        if (xml.hasError()) {
            error = QStringLiteral("%1: line %2: %3").arg(f.fileName()).arg(xml.lineNumber()).arg(xml.errorString());
            return {};
        }
        if (!a.anchor.isValid()) {
            error = QStringLiteral("%1: no document creation time (DCT)").arg(f.fileName());
            return {};
        }
        out.append(a);
    }
    return out;
}

TimexScores scoreTimex(const QList<TimexGoldArticle> &articles)
{
    TimexScores s;
    for (const TimexGoldArticle &a : articles) {
        const QList<extract::TimeExpression> found = extract::tagTimeExpressions(a.body, a.anchor);
        s.gold += int(a.expressions.size());
        s.found += int(found.size());
        QList<bool> goldHit(a.expressions.size(), false);
        for (const extract::TimeExpression &f : found) {
            bool exact = false;
            bool overlap = false;
            bool valueMatched = false;
            for (qsizetype i = 0; i < a.expressions.size(); ++i) {
                const GoldTimex &g = a.expressions.at(i);
                if (f.start < g.end && g.start < f.end) {
                    overlap = true;
                    goldHit[i] = true;
                    valueMatched = valueMatched || f.value == g.value;
                }
                if (f.start == g.start && f.end == g.end) {
                    exact = true;
                    if (f.value == g.value)
                        ++s.valueRight;
                    else
                        s.misses
                            << QStringLiteral("%1: \"%2\" value %3, gold %4").arg(a.file, f.text, f.value, g.value);
                }
            }
            s.exact += exact;
            s.overlapping += overlap;
            s.valueMatched += valueMatched;
            if (!exact)
                s.misses << QStringLiteral("%1: found \"%2\" (%3)%4")
                                .arg(a.file, f.text, f.value,
                                    overlap ? QStringLiteral(", overlapping gold") : QString());
        }
        for (qsizetype i = 0; i < a.expressions.size(); ++i) {
            s.goldOverlapped += goldHit.at(i);
            const GoldTimex &g = a.expressions.at(i);
            const bool exactFound = std::any_of(found.cbegin(), found.cend(),
                [&](const extract::TimeExpression &f) { return f.start == g.start && f.end == g.end; });
            if (!exactFound)
                s.misses << QStringLiteral("%1: missed \"%2\" (%3)").arg(a.file, g.text, g.value);
        }
    }
    return s;
}

} // namespace gloss::test
