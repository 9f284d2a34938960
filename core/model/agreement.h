#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace gloss::model {

// What a unit of intercoder agreement is (README, "Intercoder agreement"): an article × tag (did
// the coder apply the tag anywhere in the article) or a code point of the body × tag (does it lie
// inside one of the coder's highlights with the tag).
enum class AgreementLevel { Article, Segment };

// What to compare: which coders, tags, level and articles.
struct AgreementRequest
{
    QStringList coders; // at least two; empty: every named coder of the project
    QStringList tags; // paths or unique names; empty: every tag a chosen coder used in the scope
    AgreementLevel level = AgreementLevel::Article;
    double overlap = 90; // percent, segment matching (1..100)
    // The articles compared. Given: exactly these. Otherwise every article when `allArticles`,
    // else the articles every chosen coder marked done (done marks).
    std::optional<QList<qint64>> articleIds;
    bool allArticles = false;
};

// One row of the agreement report: one tag, or all the tags of the report pooled (tagId 0).
struct TagAgreement
{
    qint64 tagId = 0; // 0: every tag of the report pooled
    QString tag; // the tag's path; empty for the pooled row
    qint64 units = 0; // pairable units: values from at least two coders
    std::optional<double> alpha; // Krippendorff's alpha, nominal; none when undefined (no variation)
    std::optional<double> kappa; // Cohen's kappa, two coders only
    // Article level: the share of units on which every coder agrees. Segment level: the share of
    // highlights matched by every other coder's highlight with the tag overlapping by at least the
    // threshold (MAXQDA's segment matching). In [0, 1]; none without units or highlights.
    std::optional<double> percent;
    qint64 disagreements = 0;
    qint64 segments = 0; // segment level: highlights × tag compared
    qint64 matched = 0; // of them, matched
};

// What one coder did at a disagreement: the spans (code points) of their highlights with the tag
// in the passage (segment level) or in the article (article level), and whether they set the tag
// on the article itself.
struct CoderPart
{
    QString coder;
    QList<std::pair<qint64, qint64>> spans;
    bool articleTag = false;
    bool applied() const { return articleTag || !spans.isEmpty(); }
};

// One place where the chosen coders did not agree: an article × tag whose value differs (article
// level), or a passage of overlapping highlights with the tag of which at least one has no match
// (segment level). start/end (code points) is the passage, -1 when no coder highlighted one (an
// article tag only); text is the body there.
struct Disagreement
{
    qint64 articleId = 0;
    QString title;
    qint64 tagId = 0;
    QString tag;
    qint64 start = -1;
    qint64 end = -1;
    QString text;
    QList<CoderPart> parts; // one per chosen coder, in the order of the report's coders
};

struct AgreementReport
{
    AgreementLevel level = AgreementLevel::Article;
    QStringList coders;
    double overlap = 90; // the segment matching threshold, percent
    qint64 articles = 0; // articles in scope
    QList<TagAgreement> rows; // one per tag in codebook order, then the pooled row (tagId 0)
    QList<Disagreement> disagreements; // by article, then tag, then position
};

QString agreementLevelName(AgreementLevel level); // "article", "segment"
std::optional<AgreementLevel> agreementLevelFromName(const QString &name);
// "A: 120–180, 300–310; B: none" — who coded what at a disagreement, for tables and CSV.
QString describeParts(const QList<CoderPart> &parts);

} // namespace gloss::model
