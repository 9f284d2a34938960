#include "model/timevalue.h"

#include <catch2/catch.hpp>

using gloss::model::checkTimeValue;
using gloss::model::Granularity;
using gloss::model::parseTimeValue;

TEST_CASE("values parse back to their granularity and days", "[timex][timevalue]")
{
    Granularity g{};
    QDate from, to;
    REQUIRE(parseTimeValue(QStringLiteral("2018-W23"), g, from, to));
    CHECK(g == Granularity::Week);
    CHECK(from == QDate(2018, 6, 4));
    REQUIRE(parseTimeValue(QStringLiteral("2018-Q2"), g, from, to));
    CHECK(to == QDate(2018, 6, 30));
    REQUIRE(parseTimeValue(QStringLiteral("2018-06-07/2018-06-09"), g, from, to));
    CHECK(g == Granularity::Day);
    CHECK(to == QDate(2018, 6, 9));
    REQUIRE(parseTimeValue(QStringLiteral("P3M"), g, from, to));
    CHECK(g == Granularity::Duration);
    CHECK_FALSE(parseTimeValue(QStringLiteral("2018-13"), g, from, to));
    CHECK_FALSE(parseTimeValue(QStringLiteral("soon"), g, from, to));
    CHECK_FALSE(parseTimeValue(QStringLiteral("T25:00"), g, from, to));
}

TEST_CASE("a granularity name reads back, and an unknown one does not", "[timevalue]")
{
    for (const Granularity g : {Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Quarter,
             Granularity::Year, Granularity::Decade, Granularity::Century, Granularity::Duration, Granularity::Time})
        CHECK(gloss::model::granularityFromName(gloss::model::granularityName(g)) == g);
    CHECK_FALSE(gloss::model::granularityFromName(u"fortnight").has_value());
}

TEST_CASE("a researcher's correction is checked before it is stored, with the reason in words", "[timevalue]")
{
    CHECK(checkTimeValue(QStringLiteral("2018-07-25")).isEmpty());
    CHECK(checkTimeValue(QStringLiteral("199X"), QStringLiteral("decade")).isEmpty());
    CHECK(checkTimeValue({}, QStringLiteral("month")).isEmpty()); // keeps the value extraction found
    CHECK(checkTimeValue({}, {}).isEmpty());

    const QString badValue = checkTimeValue(QStringLiteral("soon"));
    CHECK(badValue.contains(QStringLiteral("\"soon\" is not a date value")));
    CHECK(badValue.contains(QStringLiteral("2018-W23"))); // an example of what would do
    CHECK(checkTimeValue(QStringLiteral("2018-02-30")).contains(QStringLiteral("not a date value")));
    CHECK(checkTimeValue(QStringLiteral("2018-06-09/2018-06-07")).contains(QStringLiteral("not a date value")));
    CHECK(checkTimeValue({}, QStringLiteral("fortnight")) == QStringLiteral("\"fortnight\" is not a granularity"));
    // The value is reported first: it is what the researcher typed.
    CHECK(checkTimeValue(QStringLiteral("soon"), QStringLiteral("fortnight")).contains(QStringLiteral("soon")));
}

TEST_CASE("durations, recurrences and references are described in words for the timeline's list", "[timex][timevalue]")
{
    using gloss::model::describeTimeValue;
    CHECK(describeTimeValue(QStringLiteral("P3M"), Granularity::Duration) == u"3 months");
    CHECK(describeTimeValue(QStringLiteral("P1Y6M"), Granularity::Duration) == u"1 year 6 months");
    // A vague amount reads as one ("lasts several months", never "lasts months").
    CHECK(describeTimeValue(QStringLiteral("PXM"), Granularity::Duration) == u"several months");
    CHECK(describeTimeValue(QStringLiteral("PXW"), Granularity::Duration) == u"several weeks");
    CHECK(describeTimeValue(QStringLiteral("PXY"), Granularity::Duration) == u"several years");
    CHECK(describeTimeValue(QStringLiteral("PTXH"), Granularity::Duration) == u"several hours");
    CHECK(describeTimeValue(QStringLiteral("PXW"), Granularity::Set) == u"every few weeks");
    CHECK(describeTimeValue(QStringLiteral("P4W"), Granularity::Duration) == u"4 weeks");
    CHECK(describeTimeValue(QStringLiteral("P2DE"), Granularity::Duration) == u"2 decades");
    CHECK(describeTimeValue(QStringLiteral("PT2H30M"), Granularity::Duration) == u"2 hours 30 minutes");
    CHECK(describeTimeValue(QStringLiteral("P1DT12H"), Granularity::Duration) == u"1 day 12 hours");
    CHECK(describeTimeValue(QStringLiteral("P1Y"), Granularity::Set) == u"every year");
    CHECK(describeTimeValue(QStringLiteral("P2W"), Granularity::Set) == u"every 2 weeks");
    CHECK(describeTimeValue(QStringLiteral("XXXX-WXX-1"), Granularity::Set) == u"every Monday");
    CHECK(describeTimeValue(QStringLiteral("XXXX-WXX-5TNI"), Granularity::Set) == u"every Friday night");
    CHECK(describeTimeValue(QStringLiteral("XXXX-XX-XXTMO"), Granularity::Set) == u"every morning");
    CHECK(describeTimeValue(QStringLiteral("XXXX-XX-XXT09:30"), Granularity::Set) == u"every day at 09:30");
    CHECK(describeTimeValue(QStringLiteral("XXXX-SU"), Granularity::Set) == u"every summer");
    CHECK(describeTimeValue(QStringLiteral("XXXX-06-15"), Granularity::Set) == u"every 15 June");
    CHECK(describeTimeValue(QStringLiteral("PRESENT_REF"), Granularity::Reference) == u"the present");
    CHECK(describeTimeValue(QStringLiteral("PAST_REF"), Granularity::Reference) == u"the past");
    CHECK(describeTimeValue(QStringLiteral("T22:00"), Granularity::Time) == u"22:00, day not known");
    // What is not understood comes back as it is.
    CHECK(describeTimeValue(QStringLiteral("P3Z"), Granularity::Duration) == u"P3Z");
    CHECK(describeTimeValue(QStringLiteral("2018-06"), Granularity::Month) == u"2018-06");
    // Every value the tagger gives a duration or a set is described, never left as a code.
    Granularity g{};
    QDate from, to;
    for (const char *v : {"P3M", "PXY", "PT4H", "XXXX-WXX-WE", "XXXX-XX-XX", "XXXX-FA"}) {
        REQUIRE(parseTimeValue(QString::fromLatin1(v), g, from, to));
        CHECK(describeTimeValue(QString::fromLatin1(v), g) != QString::fromLatin1(v));
    }
}
