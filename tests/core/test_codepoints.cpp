#include "text/codepoints.h"

#include <catch2/catch.hpp>

using namespace gloss::text;

TEST_CASE("code point offsets count an emoji as one character", "[text]")
{
    const QString s = QStringLiteral("Hi 😀 there é");
    // UTF-16: "Hi " (3) + surrogate pair (2) + " there é"
    CHECK(codePointLength(s) == 12);
    CHECK(toCodePoints(s, 3) == 3);
    CHECK(toCodePoints(s, 5) == 4);
    CHECK(toUtf16(s, 4) == 5);
    CHECK(sliceCodePoints(s, 3, 4) == QStringLiteral("😀"));
    CHECK(sliceCodePoints(s, 5, 10) == QStringLiteral("there"));
    CHECK(toUtf16(s, 13) == -1);
    CHECK(sliceCodePoints(s, 4, 99).isEmpty());
}

TEST_CASE("flags and combining marks are several code points", "[text]")
{
    const QString flag = QStringLiteral("🇵🇰!");
    CHECK(codePointLength(flag) == 3);
    CHECK(sliceCodePoints(flag, 2, 3) == QStringLiteral("!"));
    const QString combining = QStringLiteral("e\u0301a");
    CHECK(codePointLength(combining) == 3);
}

TEST_CASE("word count counts runs of letters and digits", "[text]")
{
    CHECK(wordCount(QStringLiteral("The U.S. sent 3,000 troops — again.")) == 8);
    CHECK(wordCount(QString()) == 0);
}

TEST_CASE("an offset map agrees with the direct conversions", "[text]")
{
    for (const QString &s :
        {QStringLiteral("plain ascii text"), QStringLiteral("Hi 😀 there é 🇵🇰!"), QString(), QStringLiteral("😀")}) {
        const OffsetMap map(s);
        for (qsizetype cp = 0; cp <= codePointLength(s); ++cp)
            CHECK(map.toUtf16(cp) == toUtf16(s, cp));
        for (qsizetype u = 0; u <= s.size(); ++u)
            CHECK(map.toCodePoints(u) == toCodePoints(s, u));
    }
}
