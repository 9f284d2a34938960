// Hostile input that once hurt a reader, and the fuzzers' findings: each a regression test.
#include "extract/temporaltagger.h"
#include "import/decoder.h"
#include "import/reader.h"
#include "model/timevalue.h"
#include "search/ftsquery.h"

#include <catch2/catch.hpp>

using namespace gloss::import;

TEST_CASE("hostile: a NUL in the middle of a text file is refused, naming its line", "[import][hostile]")
{
    // Past the binary probe, so only a look at the whole text finds it.
    QByteArray bytes = "Headline\n\n" + QByteArray("A long paragraph of plain words. ").repeated(400) + '\n';
    bytes += QByteArray("before") + '\0' + QByteArray("after\n");
    REQUIRE(bytes.indexOf('\0') > BinaryProbeBytes);
    const DecodedText utf8 = decodeText(bytes);
    CHECK_FALSE(utf8.ok());
    CHECK(utf8.error == QStringLiteral("binary data in a text file (a NUL character on line 4)"));
    CHECK(utf8.text.isEmpty());

    // The same in a file that is not UTF-8 (decoded as Windows-1252) and in UTF-16.
    const DecodedText cp1252 = decodeText(bytes + "caf\xE9\n");
    CHECK_FALSE(cp1252.ok());
    CHECK(cp1252.warning.isEmpty());
    QByteArray utf16("\xFF\xFE", 2);
    const QString text = QString::fromLatin1(bytes);
    utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    const DecodedText wide = decodeText(utf16);
    CHECK_FALSE(wide.ok());
    CHECK(wide.error.contains(QStringLiteral("NUL")));
}

TEST_CASE("fuzz: a day range without a year and without an anchor is left out", "[extract][hostile]")
{
    // tests/fuzz/regressions/temporaltagger: "June 7-9" with no anchor gave the value "/".
    using namespace gloss::extract;
    const QString body = QStringLiteral("The talks ran June 7-9 and again 12-14 July, and on June 20.");
    CHECK(tagTimeExpressions(body, QDate()).isEmpty());
    const QList<TimeExpression> anchored = tagTimeExpressions(body, QDate(2018, 6, 30));
    REQUIRE(anchored.size() == 3);
    CHECK(anchored.at(0).value == QStringLiteral("2018-06-07/2018-06-09"));
    for (const TimeExpression &t : anchored) {
        gloss::model::Granularity g;
        QDate from;
        QDate to;
        CHECK(gloss::model::parseTimeValue(t.value, g, from, to));
    }
}

TEST_CASE("fuzz: a NUL in a search cannot break the FTS5 query", "[search][hostile]")
{
    // SQLite reads MATCH text up to its first NUL: a NUL inside a quoted term left it open.
    const QString query = gloss::search::toFtsQuery(QStringLiteral("cease") + QChar(0) + QStringLiteral("fire"));
    CHECK_FALSE(query.contains(QChar(0)));
    CHECK(query == gloss::search::toFtsQuery(QStringLiteral("cease fire")));
}
