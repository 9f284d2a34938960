#include "analysis/agreement.h"
#include "interchange/exporter.h"
#include "operations/agreement.h"
#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/error.h"
#include "operations/interchange.h"
#include "operations/library.h"
#include "support/tempproject.h"

#include <QBuffer>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

#include <cmath>

using namespace gloss;
using analysis::AgreementInput;
using analysis::CodedArticle;
using analysis::CodedSpan;
using model::AgreementLevel;

namespace {

// Krippendorff (2011), section C: two observers, binary data, no missing values.
const QList<int> BinaryA{0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
const QList<int> BinaryB{1, 1, 1, 0, 0, 1, 0, 0, 0, 0};

// Section A: two observers, nominal data (a..e as 0..4), no missing values.
const QList<int> NominalA{0, 0, 1, 1, 3, 2, 2, 2, 4, 3, 3, 0};
const QList<int> NominalB{1, 0, 1, 1, 1, 2, 2, 2, 4, 3, 3, 3};

// Section D: four observers, twelve units, values 1..5, missing values as -1 (observers as
// columns here, units as rows).
QList<QList<int>> paperMissing()
{
    const int x = -1;
    const QList<QList<int>> observers{
        {1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3},
        {x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x},
    };
    QList<QList<int>> units;
    for (int u = 0; u < 12; ++u) {
        QList<int> unit;
        for (const QList<int> &o : observers)
            unit.append(o.at(u));
        units.append(unit);
    }
    return units;
}

QList<QList<int>> columns(const QList<int> &a, const QList<int> &b)
{
    QList<QList<int>> units;
    for (qsizetype i = 0; i < a.size(); ++i)
        units.append({a.at(i), b.at(i)});
    return units;
}

double rounded(double v)
{
    return std::round(v * 1000) / 1000;
}

} // namespace

TEST_CASE("alpha reproduces Krippendorff's binary example", "[agreement]")
{
    analysis::Coincidences o(2);
    for (const QList<int> &unit : columns(BinaryA, BinaryB))
        o.addUnit(unit);
    CHECK(o.at(0, 0) == Approx(10));
    CHECK(o.at(0, 1) == Approx(4));
    CHECK(o.at(1, 0) == Approx(4));
    CHECK(o.at(1, 1) == Approx(2));
    CHECK(o.marginal(0) == Approx(14));
    CHECK(o.marginal(1) == Approx(6));
    CHECK(o.total() == Approx(20));
    REQUIRE(o.alpha());
    // 1 - (n - 1) o_01 / (n_0 n_1) = 1 - 19 * 4 / 84
    CHECK(*o.alpha() == Approx(1.0 - 19.0 * 4 / 84));
    CHECK(rounded(*o.alpha()) == Approx(0.095));
}

TEST_CASE("alpha reproduces Krippendorff's nominal example for two observers", "[agreement]")
{
    const auto alpha = analysis::krippendorffAlpha(columns(NominalA, NominalB));
    REQUIRE(alpha);
    CHECK(rounded(*alpha) == Approx(0.692));
}

TEST_CASE("alpha reproduces Krippendorff's example with four observers and missing values", "[agreement]")
{
    analysis::Coincidences o(6);
    for (const QList<int> &unit : paperMissing())
        o.addUnit(unit);
    // The coincidence matrix of the paper: o_11 = 7, o_12 = 4/3, o_13 = o_14 = 1/3, o_22 = 10,
    // o_23 = 4/3, o_33 = 8, o_44 = 4, o_55 = 3; n_c = 9, 13, 10, 5, 3; n = 40 (unit 12 unpairable).
    CHECK(o.at(1, 1) == Approx(7));
    CHECK(o.at(1, 2) == Approx(4.0 / 3));
    CHECK(o.at(1, 3) == Approx(1.0 / 3));
    CHECK(o.at(1, 4) == Approx(1.0 / 3));
    CHECK(o.at(2, 2) == Approx(10));
    CHECK(o.at(2, 3) == Approx(4.0 / 3));
    CHECK(o.at(3, 3) == Approx(8));
    CHECK(o.at(4, 4) == Approx(4));
    CHECK(o.at(5, 5) == Approx(3));
    CHECK(o.marginal(1) == Approx(9));
    CHECK(o.marginal(2) == Approx(13));
    CHECK(o.marginal(3) == Approx(10));
    CHECK(o.marginal(4) == Approx(5));
    CHECK(o.marginal(5) == Approx(3));
    CHECK(o.total() == Approx(40));
    REQUIRE(o.alpha());
    CHECK(*o.alpha() == Approx(1.0 - 39.0 * 8 / (1600 - 384)));
    CHECK(rounded(*o.alpha()) == Approx(0.743));
}

TEST_CASE("alpha is undefined without variation and one when all agree", "[agreement]")
{
    CHECK_FALSE(analysis::krippendorffAlpha({{1, 1}, {1, 1}, {1, -1}}));
    CHECK_FALSE(analysis::krippendorffAlpha({{1, -1}, {2, -1}}));
    const auto alpha = analysis::krippendorffAlpha({{0, 0, 0}, {1, 1, 1}, {2, 2, -1}});
    REQUIRE(alpha);
    CHECK(*alpha == Approx(1));
}

TEST_CASE("Cohen's kappa follows its definition", "[agreement]")
{
    // The binary example: p_o = 6/10; p_e = 0.8*0.6 + 0.2*0.4 = 0.56; kappa = 0.04/0.44.
    const auto kappa = analysis::cohenKappa(BinaryA, BinaryB);
    REQUIRE(kappa);
    CHECK(*kappa == Approx(0.04 / 0.44));
    CHECK_FALSE(analysis::cohenKappa({1, 1, 1}, {1, 1, 1}));
    CHECK(*analysis::cohenKappa({0, 1, 0, 1}, {1, 0, 1, 0}) == Approx(-1));

    analysis::BinaryTally tally;
    for (qsizetype i = 0; i < BinaryA.size(); ++i)
        tally.add(3, quint32(BinaryA.at(i)) | quint32(BinaryB.at(i)) << 1, 1);
    REQUIRE(tally.kappa(0, 1));
    CHECK(*tally.kappa(0, 1) == Approx(*kappa));
    CHECK(*tally.alpha() == Approx(1.0 - 19.0 * 4 / 84));
    CHECK(*tally.fullAgreement() == Approx(0.6));
    CHECK(tally.pairableUnits() == 10);
}

TEST_CASE("segment matching uses the overlap over the text both cover", "[agreement]")
{
    CHECK(analysis::spansMatch(10, 30, 10, 30, 100));
    CHECK(analysis::spansMatch(10, 30, 12, 30, 90)); // 18 of 20
    CHECK_FALSE(analysis::spansMatch(10, 30, 13, 30, 90)); // 17 of 20
    CHECK(analysis::spansMatch(10, 30, 13, 30, 85));
    CHECK_FALSE(analysis::spansMatch(10, 30, 30, 40, 1)); // touching is no overlap
    CHECK_FALSE(analysis::spansMatch(0, 10, 0, 100, 90));
}

namespace {

AgreementInput twoCoders(AgreementLevel level)
{
    AgreementInput in;
    in.coders = {QStringLiteral("ann"), QStringLiteral("ben")};
    in.tagIds = {1, 2};
    in.tagPaths = {{1, QStringLiteral("Frame")}, {2, QStringLiteral("Actor")}};
    in.level = level;
    return in;
}

} // namespace

TEST_CASE("segment level counts code points by who covers them", "[agreement]")
{
    AgreementInput in = twoCoders(AgreementLevel::Segment);
    CodedArticle a;
    a.articleId = 7;
    a.length = 100;
    // ann [10,30) Frame; ben [13,30) Frame: 17 code points both, 3 ann only, 80 neither.
    a.spans = {{1, 1, 10, 30, 0}, {2, 1, 13, 30, 1}};
    in.articles.push_back(a);
    const model::AgreementReport r = analysis::computeAgreement(in);
    REQUIRE(r.rows.size() == 3);
    const model::TagAgreement &frame = r.rows.at(0);
    CHECK(frame.tag == QStringLiteral("Frame"));
    CHECK(frame.units == 100);
    QList<int> annValues, benValues;
    for (int i = 0; i < 100; ++i) {
        annValues.append(i >= 10 && i < 30 ? 1 : 0);
        benValues.append(i >= 13 && i < 30 ? 1 : 0);
    }
    CHECK(*frame.alpha == Approx(*analysis::krippendorffAlpha(columns(annValues, benValues))));
    CHECK(*frame.kappa == Approx(*analysis::cohenKappa(annValues, benValues)));
    CHECK(frame.segments == 2);
    CHECK(frame.matched == 0); // 85% < 90%
    CHECK(*frame.percent == Approx(0));
    CHECK(frame.disagreements == 1);
    REQUIRE(r.disagreements.size() == 1);
    CHECK(r.disagreements.at(0).start == 10);
    CHECK(r.disagreements.at(0).end == 30);
    CHECK(model::describeParts(r.disagreements.at(0).parts) == QStringLiteral("ann: 10\u201330; ben: 13\u201330"));

    in.overlap = 85;
    const model::AgreementReport lenient = analysis::computeAgreement(in);
    CHECK(lenient.rows.at(0).matched == 2);
    CHECK(lenient.rows.at(0).disagreements == 0);
    // Actor: nobody used it: every code point agrees, alpha undefined.
    CHECK(lenient.rows.at(1).units == 100);
    CHECK_FALSE(lenient.rows.at(1).alpha);
    CHECK_FALSE(lenient.rows.at(1).percent);
    // Pooled: 200 units, the same disagreeing code points.
    CHECK(lenient.rows.at(2).tagId == 0);
    CHECK(lenient.rows.at(2).units == 200);
}

TEST_CASE("article level: applied by a highlight or an article tag", "[agreement]")
{
    AgreementInput in = twoCoders(AgreementLevel::Article);
    for (qint64 id = 1; id <= 4; ++id) {
        CodedArticle a;
        a.articleId = id;
        a.length = 50;
        in.articles.push_back(a);
    }
    in.articles[0].spans = {{1, 1, 0, 5, 0}, {2, 1, 20, 25, 1}}; // both: Frame
    in.articles[1].spans = {{3, 1, 0, 5, 0}}; // ann only
    in.articles[1].articleTags = {{1, 2}}; // ben: Actor on the article
    in.articles[2].articleTags = {{0, 1}, {1, 1}}; // both Frame
    const model::AgreementReport r = analysis::computeAgreement(in);
    const model::TagAgreement &frame = r.rows.at(0);
    CHECK(frame.units == 4);
    CHECK(*frame.percent == Approx(0.75));
    CHECK(frame.disagreements == 1);
    CHECK(*frame.alpha == Approx(*analysis::krippendorffAlpha(columns({1, 1, 1, 0}, {1, 0, 1, 0}))));
    CHECK(*frame.kappa == Approx(*analysis::cohenKappa({1, 1, 1, 0}, {1, 0, 1, 0})));
    REQUIRE(r.disagreements.size() == 2);
    CHECK(r.disagreements.at(0).articleId == 2);
    CHECK(r.disagreements.at(0).tagId == 1);
    CHECK(r.disagreements.at(0).start == 0);
    CHECK(model::describeParts(r.disagreements.at(0).parts) == QStringLiteral("ann: 0\u20135; ben: none"));
    CHECK(model::describeParts(r.disagreements.at(1).parts) == QStringLiteral("ann: none; ben: article tag"));
    CHECK(r.disagreements.at(1).start == -1);
    const model::TagAgreement &pooled = r.rows.at(2);
    CHECK(pooled.units == 8);
    CHECK(pooled.disagreements == 2);
}

TEST_CASE("the interval sweep agrees with one value per code point", "[agreement]")
{
    QRandomGenerator random(18);
    for (int round = 0; round < 30; ++round) {
        AgreementInput in;
        in.coders = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        in.tagIds = {5};
        in.level = AgreementLevel::Segment;
        QList<QList<int>> units;
        qint64 id = 0;
        for (int article = 0; article < 3; ++article) {
            CodedArticle a;
            a.articleId = article + 1;
            a.length = 40 + random.bounded(60);
            QList<QList<int>> values(a.length, QList<int>(3, 0));
            for (int coder = 0; coder < 3; ++coder)
                for (int h = random.bounded(5); h > 0; --h) { // overlapping highlights of one coder allowed
                    const qint64 start = random.bounded(int(a.length) - 1);
                    const qint64 end = start + 1 + random.bounded(int(a.length - start));
                    a.spans.append({++id, 5, start, end, coder});
                    for (qint64 i = start; i < end; ++i)
                        values[i][coder] = 1;
                }
            units.append(values);
            in.articles.push_back(a);
        }
        const model::AgreementReport r = analysis::computeAgreement(in);
        const auto expected = analysis::krippendorffAlpha(units);
        INFO("round " << round);
        CHECK(r.rows.at(0).units == units.size());
        REQUIRE(bool(r.rows.at(0).alpha) == bool(expected));
        if (expected)
            CHECK(*r.rows.at(0).alpha == Approx(*expected).epsilon(1e-9));
    }
}

namespace {

qint64 highlight(Project &p, qint64 article, qint64 start, qint64 end, const QString &coder, QList<qint64> tags)
{
    model::Highlight h;
    h.articleId = article;
    h.start = start;
    h.end = end;
    h.coder = coder;
    h.tagIds = tags;
    qint64 id = 0;
    p.annotations().addHighlight(h, &id);
    return id;
}

qint64 tag(Project &p, const QString &path)
{
    qint64 id = 0;
    p.codebook().ensure(path, &id);
    return id;
}

} // namespace

TEST_CASE("the agreement operation reads who coded what from the project", "[agreement][operations]")
{
    gloss::test::TempProject tp;
    Project &p = tp.project();
    const qint64 a1
        = tp.addArticle(QStringLiteral("Strike"), QStringLiteral("The union called a strike at the port today."));
    const qint64 a2 = tp.addArticle(QStringLiteral("Talks"), QStringLiteral("The minister said talks would resume."));
    tp.addArticle(QStringLiteral("Nobody coded"), QStringLiteral("Nothing to see."));
    const qint64 conflict = tag(p, QStringLiteral("Frames > Conflict"));
    const qint64 government = tag(p, QStringLiteral("Actors > Government"));
    tag(p, QStringLiteral("Unused"));
    highlight(p, a1, 4, 9, QStringLiteral("ann"), {conflict}); // "union"
    highlight(p, a1, 4, 9, QStringLiteral("ben"), {conflict});
    highlight(p, a1, 19, 25, QStringLiteral("ann"), {conflict}); // "strike": ben missed it
    highlight(p, a2, 4, 12, QStringLiteral("ben"), {government}); // "minister": ann missed it
    highlight(p, a2, 0, 3, QStringLiteral("dan"), {government}); // a coder not compared

    CHECK(p.agreement().coders() == QStringList{QStringLiteral("ann"), QStringLiteral("ben"), QStringLiteral("dan")});

    model::AgreementRequest r;
    r.coders = {QStringLiteral("ann"), QStringLiteral("ben")};
    // The articles compared are those both marked done: none yet.
    CHECK_THROWS_WITH(p.agreement().report(r), Catch::Contains("No article is marked done by all of ann, ben"));
    p.library().setDone({a1, a2}, QStringLiteral("ann"), true);
    p.library().setDone({a1}, QStringLiteral("ben"), true);
    CHECK(p.agreement().report(r).articles == 1); // ben has not finished a2
    p.library().setDone({a2}, QStringLiteral("ben"), true);
    model::AgreementReport article = p.agreement().report(r);
    CHECK(article.articles == 2); // the articles ann and ben both marked done
    REQUIRE(article.rows.size() == 3); // Conflict, Government (codebook order), pooled
    CHECK(article.rows.at(0).tag == QStringLiteral("Frames > Conflict"));
    CHECK(article.rows.at(0).disagreements == 0); // both applied it in a1, neither in a2
    CHECK(article.rows.at(1).tag == QStringLiteral("Actors > Government"));
    CHECK(article.rows.at(1).disagreements == 1);
    REQUIRE(article.disagreements.size() == 1);
    const model::Disagreement &d = article.disagreements.at(0);
    CHECK(d.title == QStringLiteral("Talks"));
    CHECK(d.text == QStringLiteral("minister"));
    CHECK(model::describeParts(d.parts) == QStringLiteral("ann: none; ben: 4\u201312"));

    r.level = model::AgreementLevel::Segment;
    const model::AgreementReport segment = p.agreement().report(r);
    CHECK(segment.rows.at(0).segments == 3);
    CHECK(segment.rows.at(0).matched == 2);
    REQUIRE(segment.disagreements.size() == 2);
    CHECK(segment.disagreements.at(0).text == QStringLiteral("strike"));
    CHECK(segment.rows.constLast().units == 2 * (44 + 37));

    r.allArticles = true;
    r.level = model::AgreementLevel::Article;
    r.tags = {QStringLiteral("Unused")};
    const model::AgreementReport unused = p.agreement().report(r);
    CHECK(unused.articles == 3);
    CHECK(unused.rows.at(0).units == 3);
    CHECK_FALSE(unused.rows.at(0).alpha);
    CHECK(*unused.rows.at(0).percent == Approx(1));

    // The export layouts write the same report.
    interchange::ExportOptions options;
    options.layout = interchange::Layout::Agreement;
    options.agreement.coders = {QStringLiteral("ann"), QStringLiteral("ben")};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(p.interchange().exportTo(buffer, options).ok());
    QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 4);
    CHECK(lines.at(0)
        == QStringLiteral(
            "tag,level,coders,articles,units,alpha,kappa,percent,disagreements,overlap,segments,matched"));
    CHECK(lines.at(2).startsWith(QStringLiteral("Actors > Government,article,ann; ben,2,2,")));
    CHECK(lines.at(3).startsWith(QStringLiteral(",article,ann; ben,2,4,")));

    options.layout = interchange::Layout::Disagreements;
    options.agreement.level = model::AgreementLevel::Segment;
    QBuffer rows;
    rows.open(QIODevice::WriteOnly);
    REQUIRE(p.interchange().exportTo(rows, options).ok());
    lines = QString::fromUtf8(rows.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    CHECK(lines.at(0)
        == QStringLiteral("article_id,article_title,tag,level,start,end,text,coded_by,not_coded_by,detail"));
    CHECK(lines.at(1)
        == QStringLiteral("%1,Strike,Frames > Conflict,segment,19,25,strike,ann,ben,ann: 19\u201325; ben: none")
               .arg(a1));

    // Article tags count for their coder: ben tags a2 with Conflict, ann does not.
    p.annotations().setArticleTags(a2, QStringLiteral("ben"), {conflict});
    options.layout = interchange::Layout::Agreement;
    options.agreement.level = model::AgreementLevel::Article;
    QBuffer withTag;
    withTag.open(QIODevice::WriteOnly);
    REQUIRE(p.interchange().exportTo(withTag, options).ok());
    lines = QString::fromUtf8(withTag.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 4);
    CHECK(lines.at(1).startsWith(QStringLiteral("Frames > Conflict,article,ann; ben,2,2,")));
    CHECK(lines.at(1).section(u',', 8, 8) == QStringLiteral("1")); // one disagreement now: a2

    // Refusals, in words.
    model::AgreementRequest one;
    one.coders = {QStringLiteral("ann")};
    CHECK_THROWS_WITH(p.agreement().report(one), Catch::Contains("at least two coders"));
    model::AgreementRequest ghost;
    ghost.coders = {QStringLiteral("ann"), QStringLiteral("zoe")};
    CHECK_THROWS_WITH(p.agreement().report(ghost), Catch::Contains("zoe has coded nothing"));
    model::AgreementRequest noTag = r;
    noTag.tags = {QStringLiteral("Nonexistent")};
    CHECK_THROWS_AS(p.agreement().report(noTag), operations::OperationError);
    options.agreement = one;
    QBuffer refused;
    refused.open(QIODevice::WriteOnly);
    const interchange::ExportResult failed = p.interchange().exportTo(refused, options);
    CHECK_FALSE(failed.ok());
    CHECK(failed.error.contains(QStringLiteral("two coders")));
}
