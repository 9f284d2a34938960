#include "operations/timeline.h"
#include "support/glossprocess.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using gloss::test::runGloss;

TEST_CASE("gloss timeline lists publication dates and the dates articles mention", "[cli][timeline][engines]")
{
    gloss::test::TempProject tp;
    const QString body = QStringLiteral("WASHINGTON 🇺🇸 — Officials met on Friday and will meet again next Monday.");
    const qint64 first = tp.addArticle(QStringLiteral("US wants Pakistan's help"), body, QDate(2018, 6, 9));
    const qint64 second = tp.addArticle(
        QStringLiteral("Ghani offers talks"), QStringLiteral("Talks failed back in 2001."), QDate(2018, 2, 28));
    gloss::model::Article undated;
    undated.title = QStringLiteral("Undated");
    undated.body = QStringLiteral("The minister resigned yesterday.");
    undated.retrieved = QDate(2023, 9, 26);
    tp.project().store().articles().insert(undated);
    for (const qint64 id : {first, second, undated.id})
        tp.project().timeline().extract(*tp.project().store().articles().get(id));
    const QString path = tp.path();
    tp.close();

    const auto one = runGloss({QStringLiteral("timeline"), QStringLiteral("--article"), QString::number(first),
                                  QStringLiteral("--format"), QStringLiteral("json")},
        path);
    REQUIRE(one.code == 0);
    const QJsonArray entries = QJsonDocument::fromJson(one.out.toUtf8()).array();
    REQUIRE(entries.size() == 3);
    const QJsonObject published = entries.at(0).toObject();
    CHECK(published.value(QStringLiteral("kind")).toString() == u"published");
    CHECK(published.value(QStringLiteral("value")).toString() == u"2018-06-09");
    CHECK(published.value(QStringLiteral("start")).isNull());
    CHECK(published.value(QStringLiteral("end")).isNull());
    const QJsonObject friday = entries.at(1).toObject();
    CHECK(friday.value(QStringLiteral("kind")).toString() == u"mentioned");
    CHECK(friday.value(QStringLiteral("text")).toString() == u"Friday");
    CHECK(friday.value(QStringLiteral("value")).toString() == u"2018-06-08");
    CHECK(friday.value(QStringLiteral("granularity")).toString() == u"day");
    CHECK(friday.value(QStringLiteral("anchor")).toString() == u"2018-06-09");
    CHECK(friday.value(QStringLiteral("anchor_kind")).toString() == u"published");
    // Offsets are code points: the flag is two code points (four UTF-16 units).
    const qint64 start = friday.value(QStringLiteral("start")).toInteger();
    const qint64 end = friday.value(QStringLiteral("end")).toInteger();
    CHECK(gloss::text::sliceCodePoints(body, start, end) == u"Friday");
    CHECK(start == body.indexOf(QStringLiteral("Friday")) - 2);
    CHECK(entries.at(2).toObject().value(QStringLiteral("value")).toString() == u"2018-06-11");

    // Every article: its publication (else retrieval) entry and what it mentions.
    const auto all = runGloss({QStringLiteral("timeline"), QStringLiteral("--format"), QStringLiteral("json")}, path);
    REQUIRE(all.code == 0);
    const QJsonArray everything = QJsonDocument::fromJson(all.out.toUtf8()).array();
    QStringList kinds;
    for (const QJsonValue &v : everything)
        kinds << v.toObject().value(QStringLiteral("kind")).toString() + u':'
                + v.toObject().value(QStringLiteral("value")).toString();
    CHECK(kinds
        == QStringList{QStringLiteral("published:2018-02-28"), QStringLiteral("mentioned:2001"),
            QStringLiteral("published:2018-06-09"), QStringLiteral("mentioned:2018-06-08"),
            QStringLiteral("mentioned:2018-06-11"), QStringLiteral("retrieved:2023-09-26"),
            QStringLiteral("mentioned:2023-09-25")});
    CHECK(everything.last().toObject().value(QStringLiteral("anchor_kind")).toString() == u"retrieved");

    const auto csv = runGloss({QStringLiteral("timeline"), QStringLiteral("--format"), QStringLiteral("csv")}, path);
    REQUIRE(csv.code == 0);
    CHECK(csv.out.startsWith(QStringLiteral("article,kind,value,granularity,start,end,anchor,text")));
    CHECK(csv.out.contains(QStringLiteral("mentioned,2001,year,")));

    const auto table
        = runGloss({QStringLiteral("timeline"), QStringLiteral("--article"), QString::number(undated.id)}, path);
    REQUIRE(table.code == 0);
    CHECK(table.out.contains(QStringLiteral("2023-09-26 (retrieved)")));
    CHECK(table.out.contains(QStringLiteral("yesterday")));

    CHECK(runGloss({QStringLiteral("timeline"), QStringLiteral("--article"), QStringLiteral("999")}, path).code == 1);
    CHECK(runGloss({QStringLiteral("timeline"), QStringLiteral("--article"), QStringLiteral("x")}, path).code == 2);
    CHECK(runGloss({QStringLiteral("timeline"), QStringLiteral("--format"), QStringLiteral("xml")}, path).code == 2);
}
