#pragma once

#include "model/entity.h"

#include <QList>
#include <QMap>
#include <QString>

namespace gloss::test {

// One sample article with its gold entity mentions (tests/data/gold/README.md).
struct EntityGoldArticle
{
    QString file;
    QString body; // the text after the publication-date line
    struct Span
    {
        qsizetype start;
        qsizetype end;
        QString text;
        model::EntityType type;
    };
    QList<Span> gold;
};

// Loads the gold entity annotations and their sample articles; `error` says what failed.
QList<EntityGoldArticle> loadGoldArticles(const QString &goldDir, const QString &samplesDir, QString *error);

// The documents of a CoNLL-2003 file (token POS chunk NER, IOB1) as articles: each sentence's
// tokens joined by spaces, sentences apart by a blank line, PER/ORG/LOC/MISC as person,
// organization, place and other; `tokens` gets the number of tokens read.
QList<EntityGoldArticle> loadConllArticles(const QString &path, qsizetype *tokens, QString *error);

struct TypeScore
{
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    double precision() const;
    double recall() const;
    double f1() const;
};

// Precision, recall and F1 of the extractor per type ("person", …, "all"): a mention counts when
// its span and type match a gold mention exactly. `misses` gets one line per error when given.
QMap<QString, TypeScore> scoreExtraction(const QList<EntityGoldArticle> &articles, QStringList *misses = nullptr);

} // namespace gloss::test
