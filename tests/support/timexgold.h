#pragma once

#include <QDate>
#include <QList>
#include <QString>

// The temporal gold annotations of tests/data/gold/timex and the measures the benchmark and the
// regression test report on them.
namespace gloss::test {

struct GoldTimex
{
    qsizetype start = 0; // UTF-16 in the body
    qsizetype end = 0;
    QString text;
    QString value;
    QString granularity;
};

struct TimexGoldArticle
{
    QString file; // the sample's file name
    QDate anchor;
    QString body; // everything after the publication-date line
    QList<GoldTimex> expressions;
};

struct TimexScores
{
    int gold = 0;
    int found = 0;
    int exact = 0; // found spans equal to a gold span
    int overlapping = 0; // found spans overlapping a gold span
    int goldOverlapped = 0;
    int valueRight = 0; // exact spans whose value is the gold value
    // TempEval-3's value measure: found expressions overlapping a gold one with the gold value.
    int valueMatched = 0;
    QStringList misses; // human-readable differences, for the benchmark's report

    double exactPrecision() const { return found ? double(exact) / found : 0; }
    double exactRecall() const { return gold ? double(exact) / gold : 0; }
    double overlapPrecision() const { return found ? double(overlapping) / found : 0; }
    double overlapRecall() const { return gold ? double(goldOverlapped) / gold : 0; }
    // Of the expressions found with the gold span, the share with the gold value.
    double valueAccuracy() const { return exact ? double(valueRight) / exact : 0; }
    // Value precision, recall and F1 over overlapping spans (TempEval-3 "value F1").
    double valuePrecision() const { return found ? double(valueMatched) / found : 0; }
    double valueRecall() const { return gold ? double(valueMatched) / gold : 0; }
    double valueF1() const
    {
        const double p = valuePrecision();
        const double r = valueRecall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

// Reads every gold file of `goldDir` with its sample from `samplesDir`; on a problem fills `error`.
QList<TimexGoldArticle> loadTimexGold(const QString &goldDir, const QString &samplesDir, QString &error);

// Reads every TimeML file (*.tml) of `dir`: the TIMEX3 elements inside TEXT are the gold, the
// document creation time (DCT) the anchor; on a problem fills `error` naming the file.
QList<TimexGoldArticle> loadTimeMLGold(const QString &dir, QString &error);

// Runs the tagger on each article with its gold anchor and scores it.
TimexScores scoreTimex(const QList<TimexGoldArticle> &articles);

} // namespace gloss::test
