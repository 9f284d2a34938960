#include "csv/csvreader.h"
#include "csv/csvwriter.h"

#include <QBuffer>

#include <catch2/catch.hpp>

using gloss::csv::CsvReader;
using gloss::csv::CsvWriter;

TEST_CASE("CSV fields are quoted, doubled and rows end in CRLF", "[csv]")
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(buffer);
    writer.writeRow(
        {QStringLiteral("plain"), QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("two\nlines")});
    REQUIRE(writer.finish());
    CHECK(buffer.data() == QByteArray("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"));
}

TEST_CASE("CSV cells that a spreadsheet would run as formulas are neutralised", "[csv]")
{
    CHECK(CsvWriter::escape(QStringLiteral("=SUM(A1)"), false) == QStringLiteral("'=SUM(A1)"));
    CHECK(CsvWriter::escape(QStringLiteral("@cmd"), false) == QStringLiteral("'@cmd"));
    CHECK(CsvWriter::escape(QStringLiteral("+cmd"), false) == QStringLiteral("'+cmd"));
    CHECK(CsvWriter::escape(QStringLiteral("-42"), false) == QStringLiteral("-42"));
    CHECK(CsvWriter::escape(QStringLiteral("-2+3"), false) == QStringLiteral("'-2+3"));
    CHECK(CsvWriter::escape(QStringLiteral("=SUM(A1)"), true) == QStringLiteral("=SUM(A1)"));
    CHECK(CsvWriter::unguard(QStringLiteral("'=SUM(A1)")) == QStringLiteral("=SUM(A1)"));
    CHECK(CsvWriter::unguard(QStringLiteral("'quoted")) == QStringLiteral("'quoted"));
}

TEST_CASE("CSV reader reads back what the writer wrote", "[csv]")
{
    const QList<QStringList> rows = {
        {QStringLiteral("a"), QStringLiteral("b,c"), QString()},
        {QStringLiteral("multi\r\nline"), QStringLiteral("\"q\""), QStringLiteral("😀 é")},
    };
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(buffer, {true, true});
    for (const QStringList &r : rows)
        writer.writeRow(r);
    REQUIRE(writer.finish());
    CHECK(buffer.data().startsWith("\xEF\xBB\xBF"));
    CsvReader reader(QString::fromUtf8(buffer.data()));
    QStringList fields;
    int line = 0;
    REQUIRE(reader.next(fields, line));
    CHECK(fields == rows.at(0));
    CHECK(line == 1);
    REQUIRE(reader.next(fields, line));
    CHECK(fields == rows.at(1));
    CHECK(line == 2);
    CHECK_FALSE(reader.next(fields, line));
    CHECK(reader.error().isEmpty());
}

TEST_CASE("CSV reader counts the lines of quoted cells and keeps quotes inside unquoted ones", "[csv]")
{
    CsvReader reader(QStringLiteral("title,body\n\"A\",\"one\ntwo\n\"\"three\"\"\"\nB,5\" tall, \"x\"\n\"open"));
    QStringList fields;
    int line = 0;
    REQUIRE(reader.next(fields, line));
    CHECK(line == 1);
    REQUIRE(reader.next(fields, line));
    CHECK(line == 2);
    CHECK(fields == QStringList{QStringLiteral("A"), QStringLiteral("one\ntwo\n\"three\"")});
    REQUIRE(reader.next(fields, line));
    CHECK(line == 5); // the row after a cell of three lines
    CHECK(fields == QStringList{QStringLiteral("B"), QStringLiteral("5\" tall"), QStringLiteral(" \"x\"")});
    REQUIRE(reader.next(fields, line));
    CHECK(line == 6);
    CHECK(fields == QStringList{QStringLiteral("open")});
    CHECK(reader.error() == QStringLiteral("line 6: the file ends inside a quoted field"));
    CHECK_FALSE(reader.next(fields, line));
}
