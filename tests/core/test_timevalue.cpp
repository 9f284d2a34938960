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
