#pragma once

#include "model/agreement.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>
#include <vector>

namespace gloss::analysis {

// The coincidence matrix of Krippendorff (2011, "Computing Krippendorff's Alpha-Reliability") for
// nominal values 0..values-1: each unit coded by m >= 2 coders adds, for every ordered pair of
// its values (c, k) from two different coders, 1/(m - 1) to o(c, k). Units with fewer than two
// values are not pairable and add nothing.
class Coincidences final
{
public:
    explicit Coincidences(int values);

    // One unit: each coder's value, or -1 when that coder gave none (a missing value).
    void addUnit(const QList<int> &values);
    // `weight` identical units in which counts[c] coders gave value c (the number of pairable
    // values m is the sum): how segment level adds a run of code points at once.
    void addCounts(const std::vector<qint64> &counts, double weight = 1);
    void add(const Coincidences &other);

    int values() const { return m_values; }
    double at(int c, int k) const { return m_o[std::size_t(c * m_values + k)]; }
    double marginal(int c) const; // n_c, the sum of row c
    double total() const; // n, the number of pairable values

    // alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k. None when there are fewer
    // than two pairable values or only one value was used (no variation: alpha is 0/0).
    std::optional<double> alpha() const;

private:
    int m_values;
    std::vector<double> m_o;
};

// Krippendorff's alpha (nominal) of reliability data: one row per unit, one value per coder
// (-1: missing). Values are small non-negative integers.
std::optional<double> krippendorffAlpha(const QList<QList<int>> &units);
// Cohen's kappa of two coders' nominal values over the units both coded (-1: missing):
// (p_o - p_e) / (1 - p_e). None when there are no such units or p_e = 1.
std::optional<double> cohenKappa(const QList<int> &first, const QList<int> &second);

// Binary units (a coder applied the tag or not) counted by who coded them and who applied the tag:
// enough for alpha, kappa and the share of units with full agreement, however many units there
// are (a run of equal code points is one entry with its length). Coders are bits 0..31.
class BinaryTally final
{
public:
    // `count` units in which the coders of `present` gave a value and those of `applied` (a subset)
    // applied the tag.
    void add(quint32 present, quint32 applied, qint64 count);
    void add(const BinaryTally &other);

    qint64 pairableUnits() const; // units with values from at least two coders
    Coincidences coincidences() const;
    std::optional<double> alpha() const { return coincidences().alpha(); }
    // Cohen's kappa between coders `a` and `b` (bits), over the units both coded.
    std::optional<double> kappa(int a, int b) const;
    // The share of pairable units on which every coder who coded the unit agrees.
    std::optional<double> fullAgreement() const;

private:
    QHash<quint64, qint64> m_counts; // present << 32 | applied -> units
};

// The input of an agreement computation: what each chosen coder coded in each article of the
// scope, from the project (operations::Agreement reads it).
struct CodedSpan
{
    qint64 highlightId = 0;
    qint64 tagId = 0;
    qint64 start = 0; // code points of the body
    qint64 end = 0;
    int coder = 0; // index into AgreementInput::coders
};

struct CodedArticle
{
    qint64 articleId = 0;
    qint64 length = 0; // the body's length in code points
    QList<CodedSpan> spans; // highlights, one entry per tag
    QList<std::pair<int, qint64>> articleTags; // (coder, tag) set on the article itself
};

struct AgreementInput
{
    QStringList coders; // 2..32 names; every coder has a value for every unit of every article
    QList<qint64> tagIds; // the tags to report, in their order
    QHash<qint64, QString> tagPaths;
    model::AgreementLevel level = model::AgreementLevel::Article;
    double overlap = 90; // percent, segment matching
    std::vector<CodedArticle> articles;
};

inline constexpr int MaxCoders = 32;

// The report: one row per tag of the input and the pooled row, and every disagreement (titles
// and passage texts left empty: the caller knows the articles). Segment level sweeps each
// article's intervals, never one value per code point, so 2,000 articles x 50 tags x 3 coders
// take a fraction of a second.
model::AgreementReport computeAgreement(const AgreementInput &input);

// Whether two spans overlap by at least `percent` of the text either covers (intersection over
// union), the test of MAXQDA's segment matching.
bool spansMatch(qint64 start1, qint64 end1, qint64 start2, qint64 end2, double percent);

} // namespace gloss::analysis
