// Hard-wrapped wire text: paragraphs joined at import, every word kept, tables kept in place.
#include "extract/entityextractor.h"
#include "import/reader.h"
#include "import/reflow.h"

#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace gloss::import;

namespace {

// A Reuters-style story (invented), wrapped at about 70 columns, with a table of figures.
const QString Story = QStringLiteral("WASHINGTON, March 3 - Federal Reserve Board Chairman Paul\n"
                                     "Volcker told the Senate Banking Committee on Tuesday that the dollar's\n"
                                     "fall had gone far enough, and Agriculture Secretary Clayton\n"
                                     "Yeutter said grain exports would rise this year.\n"
                                     "    Officials of the Securities and Exchange Commission and the\n"
                                     "Treasury met later in the day to discuss long-\n"
                                     "term lending.\n"
                                     "\n"
                                     "                          1987        1986\n"
                                     "    Wheat exports       12,345      11,234\n"
                                     "    Corn exports         9,876       8,765\n"
                                     "\n"
                                     "    The committee will meet again on Thursday, a spokesman\n"
                                     "said, and is expected to hear from Commerce Department officials\n"
                                     "about the trade figures.\n");

QStringList words(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString t = text;
    t.replace(QStringLiteral("-\n"), QStringLiteral("-")); // a hyphen at a line end joins without a space
    return t.split(space, Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("hard-wrapped paragraphs are joined, indented starts and tables kept", "[import][reflow]")
{
    const Reflowed r = reflowHardWrapped(Story);
    CHECK(r.joined == 7);
    const QStringList lines = r.text.split(u'\n');
    INFO(r.text.toStdString());
    REQUIRE(lines.size() == 9);
    CHECK(lines.at(0).startsWith(
        QStringLiteral("WASHINGTON, March 3 - Federal Reserve Board Chairman Paul Volcker told")));
    CHECK(lines.at(0).endsWith(QStringLiteral("grain exports would rise this year.")));
    CHECK(lines.at(1)
        == QStringLiteral("    Officials of the Securities and Exchange Commission and the Treasury met later "
                          "in the day to discuss long-term lending."));
    CHECK(lines.at(2).isEmpty());
    CHECK(lines.at(3) == QStringLiteral("                          1987        1986"));
    CHECK(lines.at(5) == QStringLiteral("    Corn exports         9,876       8,765"));
    REQUIRE(r.fixedWidth.size() == 1);
    CHECK(r.fixedWidth.first() == qMakePair(4, 6));
    CHECK(r.fixedWidthText() == QStringLiteral("4-6"));
    // Every word kept, in order.
    CHECK(words(r.text) == words(Story));
}

TEST_CASE("text that is not wrapped at a fixed width is left as it is", "[import][reflow]")
{
    const QString paragraphs = QStringLiteral(
        "One paragraph per line, as most web pages and JSON corpora give it, and this one is long enough to be "
        "longer than any terminal would wrap at.\nA second paragraph.\nA third one, short.\n");
    CHECK(reflowHardWrapped(paragraphs).text == paragraphs);
    CHECK(reflowHardWrapped(paragraphs).joined == 0);
    const QString poem = QStringLiteral("Roses are red,\nviolets are blue,\nthe vote was delayed\nand so were you.\n");
    CHECK(reflowHardWrapped(poem).text == poem);
    const QString list = QStringLiteral("The agenda for the meeting of the council on Thursday has three items:\n"
                                        "- the budget for the coming year and the cuts it needs to make\n"
                                        "- the library on Elm Street, whose roof has leaked since 2018\n"
                                        "- any other business that members raise before the meeting\n");
    CHECK(reflowHardWrapped(list).text == list);
}

TEST_CASE(
    "an imported wire story is reflowed, and a name broken across lines is found whole", "[import][reflow][extract]")
{
    const ReadResult read
        = readArticles(Format::NewsText, QStringLiteral("Volcker says dollar fall enough\n\n") + Story);
    REQUIRE(read.articles.size() == 1);
    const gloss::model::Article &a = read.articles.first();
    CHECK(a.body.contains(QStringLiteral("Chairman Paul Volcker told")));
    CHECK(a.dateline == QStringLiteral("WASHINGTON"));
    bool fixed = false;
    for (const auto &[name, value] : a.variables)
        fixed = fixed || (name == u"fixed_width_lines" && value == u"4-6");
    CHECK(fixed);
    QStringList names;
    for (const gloss::model::FoundEntity &e : gloss::extract::EntityExtractor().extract(a.body))
        names.append(e.name);
    INFO(names.join(QStringLiteral(" | ")).toStdString());
    CHECK(names.contains(QStringLiteral("Paul Volcker")));
    CHECK(names.contains(QStringLiteral("Clayton Yeutter")));
    CHECK(names.contains(QStringLiteral("Securities and Exchange Commission")));
}

TEST_CASE("a table's header of words is kept with its rows, and its words are not a name", "[import][reflow][extract]")
{
    // Reuters' quarterly results: the header names the columns in words, the rows hold the figures.
    const QString story = QStringLiteral("NEW YORK, March 3 - Acme Widget Corp said its net income rose in\n"
                                         "the fourth quarter on higher sales of industrial parts to car\n"
                                         "makers in the United States and Canada.\n"
                                         "\n"
                                         "                         Qtr          Year\n"
                                         "    Shr                 1.20          4.10\n"
                                         "    Revs          12.3 mln      48.7 mln\n"
                                         "\n"
                                         "    The company said it expected further gains in the coming year\n"
                                         "as new plants in Ohio and Ontario started production next month.\n");
    const Reflowed r = reflowHardWrapped(story);
    const QStringList lines = r.text.split(u'\n');
    INFO(r.text.toStdString());
    REQUIRE(lines.size() == 8);
    CHECK(lines.at(2) == QStringLiteral("                         Qtr          Year"));
    REQUIRE(r.fixedWidth.size() == 1);
    CHECK(r.fixedWidth.first() == qMakePair(3, 5));
    CHECK(words(r.text) == words(story));

    QStringList names;
    for (const gloss::model::FoundEntity &e : gloss::extract::EntityExtractor().extract(r.text))
        names.append(e.name);
    INFO(names.join(QStringLiteral(" | ")).toStdString());
    CHECK(names.contains(QStringLiteral("Ohio")));
    for (const QString &name : names) {
        CHECK_FALSE(name.contains(QStringLiteral("Qtr")));
        CHECK_FALSE(name.contains(QStringLiteral("Year")));
    }
}
