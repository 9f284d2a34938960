// Decoding, news dates, datelines and the readers of each format, on text made here.
#include "import/dateline.h"
#include "import/decoder.h"
#include "import/newsdate.h"
#include "import/reader.h"
#include "text/codepoints.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>

#include <catch2/catch.hpp>

using namespace gloss::import;
namespace model = gloss::model;

namespace {

QByteArray utf16(const QString &s, QStringConverter::Encoding e)
{
    QStringEncoder encoder(e, QStringConverter::Flag::WriteBom);
    return encoder.encode(s);
}

model::Article only(const ReadResult &r)
{
    REQUIRE(r.refused.isEmpty());
    REQUIRE(r.articles.size() == 1);
    return r.articles.first();
}

} // namespace

TEST_CASE("decoding: UTF-8 with and without BOM, UTF-16 LE/BE and UTF-32 with BOM", "[import][decode]")
{
    const QString text = QStringLiteral("São Paulo “rain” 😀\nline two");
    const QByteArray utf8 = text.toUtf8();

    const DecodedText plain = decodeText(utf8);
    CHECK(plain.ok());
    CHECK(plain.text == text);
    CHECK(plain.encoding == QStringLiteral("UTF-8"));
    CHECK(plain.warning.isEmpty());

    const DecodedText bom = decodeText("\xEF\xBB\xBF" + utf8);
    CHECK(bom.text == text); // the BOM is dropped
    CHECK(bom.encoding == QStringLiteral("UTF-8"));

    for (const auto &[encoding, name] :
        {std::pair{QStringConverter::Utf16LE, "UTF-16LE"}, std::pair{QStringConverter::Utf16BE, "UTF-16BE"},
            std::pair{QStringConverter::Utf32LE, "UTF-32LE"}, std::pair{QStringConverter::Utf32BE, "UTF-32BE"}}) {
        const QByteArray bytes = utf16(text, encoding);
        const DecodedText d = decodeText(bytes);
        INFO(name);
        CHECK(d.ok());
        CHECK(d.text == text);
        CHECK(d.encoding == QString::fromLatin1(name));
        CHECK_FALSE(d.text.startsWith(QChar(0xFEFF)));
    }
}

TEST_CASE("decoding: Windows-1252 only when UTF-8 fails, and said so, never U+FFFD", "[import][decode]")
{
    // “Olive” growers’ protest — café, año, €5 in Windows-1252.
    const QByteArray cp1252("\x93Olive\x94 growers\x92 protest \x97 caf\xE9, a\xF1o, \x80"
                            "5");
    const DecodedText d = decodeText(cp1252);
    REQUIRE(d.ok());
    CHECK(d.text == QStringLiteral("“Olive” growers’ protest — café, año, €5"));
    CHECK(d.encoding == QStringLiteral("Windows-1252"));
    CHECK(d.warning.contains(QStringLiteral("decoded as Windows-1252")));
    CHECK_FALSE(d.text.contains(QChar(0xFFFD)));

    // Undefined Windows-1252 bytes keep their value instead of becoming U+FFFD.
    const DecodedText odd = decodeText(QByteArray("a\x81"
                                                  "b\x8D"));
    CHECK(odd.text == QString(QChar(u'a')) + QChar(0x81) + QChar(u'b') + QChar(0x8D));

    // Valid UTF-8 stays UTF-8, even when it holds characters Windows-1252 has too.
    CHECK(decodeText(QStringLiteral("café").toUtf8()).warning.isEmpty());
    // A UTF-16 file with a broken surrogate is refused, not patched.
    for (const QByteArray &bytes : {QByteArray("\xFF\xFE"
                                               "a\x00\x00\xD8",
                                        6),
             QByteArray("\xFF\xFE"
                        "a\x00\x00\xDC"
                        "b\x00",
                 8),
             QByteArray("\xFF\xFE"
                        "a\x00"
                        "b",
                 5)}) {
        const DecodedText broken = decodeText(bytes);
        CHECK_FALSE(broken.ok());
        CHECK(broken.error.contains(QStringLiteral("UTF-16LE")));
        CHECK_FALSE(broken.text.contains(QChar(0xFFFD)));
    }
}

TEST_CASE("decoding: CRLF and CR become LF, empty and binary input are refused", "[import][decode]")
{
    CHECK(decodeText("one\r\ntwo\rthree\n\r\nfour").text == QStringLiteral("one\ntwo\nthree\n\nfour"));
    CHECK(utf16(QStringLiteral("a\r\nb"), QStringConverter::Utf16LE).size() > 0);
    CHECK(decodeText(utf16(QStringLiteral("a\r\nb"), QStringConverter::Utf16LE)).text == QStringLiteral("a\nb"));

    CHECK(decodeText(QByteArray()).error == QStringLiteral("empty file"));
    CHECK(decodeText(QByteArray("\xEF\xBB\xBF")).error == QStringLiteral("empty file"));
    const DecodedText binary = decodeText(QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16));
    CHECK_FALSE(binary.ok());
    CHECK(binary.error.startsWith(QStringLiteral("binary file")));
}

TEST_CASE("news dates as newspapers write them", "[import][dates]")
{
    struct Case
    {
        const char *text;
        QDate date;
    };
    const Case cases[] = {
        {"June 09, 2018", QDate(2018, 6, 9)},
        {"June 9, 2018", QDate(2018, 6, 9)},
        {"9 June 2018", QDate(2018, 6, 9)},
        {"22 June 2018", QDate(2018, 6, 22)},
        {"Sat, 9 Jun 2018", QDate(2018, 6, 9)},
        {"Saturday, June 9, 2018", QDate(2018, 6, 9)},
        {"Tuesday September 26, 2023", QDate(2023, 9, 26)},
        {"2018-06-09", QDate(2018, 6, 9)},
        {"2018/06/09", QDate(2018, 6, 9)},
        {"June 9, 2018 10:32 AM EDT", QDate(2018, 6, 9)},
        {"June 26, 2018 4:05 PM EDT", QDate(2018, 6, 26)},
        {"Updated: September 5, 2018", QDate(2018, 9, 5)},
        {"Published on 9 June 2018", QDate(2018, 6, 9)},
        {"Last updated: Sat, 9 Jun 2018 14:20 GMT", QDate(2018, 6, 9)},
        {"Sept. 5, 2018", QDate(2018, 9, 5)},
        {"5th of September 2018", QDate(2018, 9, 5)},
        {"2018-08-18T14:20:00+05:00", QDate(2018, 8, 18)},
        {"2018-05-25T09:00:00Z", QDate(2018, 5, 25)},
        {"Sat, 09 Jun 2018 14:20:00 +0000", QDate(2018, 6, 9)},
        {"  June 17, 2018 10:32 a.m. ", QDate(2018, 6, 17)},
    };
    for (const Case &c : cases) {
        INFO(c.text);
        const NewsDate d = parseNewsDate(QString::fromUtf8(c.text));
        CHECK(d.date == c.date);
    }
    CHECK(parseNewsDate(u"June 9, 2018 10:32 AM EDT").time == QTime(10, 32));
    CHECK(parseNewsDate(u"June 26, 2018 4:05 PM EDT").time == QTime(16, 5));
    CHECK(parseNewsDate(u"2018-08-18T14:20:00+05:00").time == QTime(14, 20));
    CHECK(parseNewsDate(u"Updated: September 5, 2018").updated);
    CHECK_FALSE(parseNewsDate(u"June 9, 2018").updated);

    // Not a date line: prose, impossible dates, headlines with years.
    for (const char *text : {"The truce began on June 9, 2018 and held.", "February 30, 2018", "2018-13-01",
             "US wants Pakistan, allies help", "Taliban ceasefire 2018", ""}) {
        INFO(text);
        CHECK_FALSE(parseNewsDate(QString::fromUtf8(text)).isValid());
    }
}

TEST_CASE("datelines as agencies write them", "[import][dateline]")
{
    struct Case
    {
        const char *body;
        const char *place;
        const char *prefix;
    };
    const Case cases[] = {
        {"WASHINGTON: The Trump administration seeks support.", "WASHINGTON", "WASHINGTON:"},
        {"WASHINGTON — The Trump administration seeks support.", "WASHINGTON", "WASHINGTON —"},
        {"BRUSSELS – Talks stalled.", "BRUSSELS", "BRUSSELS –"},
        {"KABUL, Afghanistan (Reuters) - President Ashraf Ghani offered talks.", "KABUL",
            "KABUL, Afghanistan (Reuters) -"},
        {"ISLAMABAD, June 9 (AP) — The Taliban said on Saturday.", "ISLAMABAD", "ISLAMABAD, June 9 (AP) —"},
        {"SÃO PAULO (AFP) - Torrential rain flooded streets.", "SÃO PAULO", "SÃO PAULO (AFP) -"},
        {"ISLAMABAD (Reuters) - U.S. Secretary of State Mike Pompeo met.", "ISLAMABAD", "ISLAMABAD (Reuters) -"},
        {"Toronto, Feb 26 - Shares rose.", "Toronto", "Toronto, Feb 26 -"},
        {"NEW YORK, Feb 26- American Express said.", "NEW YORK", "NEW YORK, Feb 26-"},
        {"ATLANTA , March 3 - Delta said.", "ATLANTA", "ATLANTA , March 3 -"},
        {"LONDON, 2 March - Gilts fell.", "LONDON", "LONDON, 2 March -"},
        {"Bonn, march 3 - The Bundesbank said.", "Bonn", "Bonn, march 3 -"},
        {"BAHIA BLANCA, Argentina, Feb 26 - Grain.", "BAHIA BLANCA", "BAHIA BLANCA, Argentina, Feb 26 -"},
    };
    for (const Case &c : cases) {
        const QString body = QString::fromUtf8(c.body);
        INFO(c.body);
        const Dateline d = findDateline(body);
        CHECK(d.place == QString::fromUtf8(c.place));
        CHECK(gloss::text::sliceCodePoints(body, 0, d.end) == QString::fromUtf8(c.prefix));
    }
    for (const char *body : {"The Trump administration seeks support.", "US-EU talks - stalled again.",
             "UPDATE: the vote was delayed.", "A ceasefire — the first — held.",
             "On Monday, March 3 - the vote - markets fell.", "Meanwhile - prices rose."}) {
        INFO(body);
        CHECK_FALSE(findDateline(QString::fromUtf8(body)).isValid());
    }
    // Offsets are code points: an emoji before does not exist here, but accents count once.
    const QString accented = QStringLiteral("SÃO PAULO: Rain.");
    CHECK(findDateline(accented).end == 10);
}

TEST_CASE("datelines in the forms wires use, on an invented set", "[import][dateline]")
{
    // tests/data/datelines/datelines.tsv (generate.py): openings with the place and prefix each
    // should yield; an empty place where the opening has no dateline.
    QFile file(QStringLiteral(GLOSS_TEST_DATA "/datelines/datelines.tsv"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    int total = 0;
    int right = 0;
    int negatives = 0;
    QStringList wrong;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList cols = line.split(u'\t');
        REQUIRE(cols.size() == 3);
        const Dateline d = findDateline(cols.at(0));
        ++total;
        negatives += cols.at(1).isEmpty() ? 1 : 0;
        if (d.place == cols.at(1) && gloss::text::sliceCodePoints(cols.at(0), 0, d.end) == cols.at(2))
            ++right;
        else
            wrong.append(cols.at(0) + u" -> " + d.place);
    }
    INFO(wrong.join(u'\n').toStdString());
    REQUIRE(total >= 500);
    REQUIRE(negatives >= 15);
    WARN("datelines right: " << right << " of " << total);
    CHECK(double(right) / total >= 0.99);
}

TEST_CASE("news text: retrieved date, title, publication date, dateline and body", "[import][newstext]")
{
    const QString text
        = QStringLiteral("Tuesday September 26, 2023\n\nUS wants Pakistan, allies help impose Taliban ceasefire\n\n"
                         "June 09, 2018\n\nWASHINGTON: The Trump administration seeks support.\n\n"
                         "Second paragraph.\n\n");
    const model::Article a = only(readArticles(Format::NewsText, text));
    CHECK(a.retrieved == QDate(2023, 9, 26));
    CHECK(a.title == QStringLiteral("US wants Pakistan, allies help impose Taliban ceasefire"));
    CHECK(a.published == QDate(2018, 6, 9));
    CHECK(a.body == QStringLiteral("WASHINGTON: The Trump administration seeks support.\n\nSecond paragraph."));
    CHECK(a.dateline == QStringLiteral("WASHINGTON"));
    CHECK(a.datelineEnd == 11);

    // Each part optional, blank lines missing.
    const model::Article b = only(readArticles(Format::NewsText,
        QStringLiteral("Taliban announce Eid ceasefire\nSat, 9 Jun 2018\nISLAMABAD, June 9 (AP) — The Taliban said.")));
    CHECK(b.title == QStringLiteral("Taliban announce Eid ceasefire"));
    CHECK(b.published == QDate(2018, 6, 9));
    CHECK_FALSE(b.retrieved.isValid());
    CHECK(b.body == QStringLiteral("ISLAMABAD, June 9 (AP) — The Taliban said."));
    CHECK(b.dateline == QStringLiteral("ISLAMABAD"));

    const model::Article c = only(readArticles(Format::NewsText, QStringLiteral("A title only\n\nThen a body.")));
    CHECK(c.title == QStringLiteral("A title only"));
    CHECK_FALSE(c.published.isValid());
    CHECK(c.body == QStringLiteral("Then a body."));
    CHECK(c.dateline.isEmpty());
    CHECK(c.datelineEnd == 0);

    const QString longLine
        = QStringLiteral("Just one long paragraph of text that runs on and on well past the length of any "
                         "headline, which is how a body with no title starts. It has sentences.");
    const model::Article d = only(readArticles(Format::NewsText, longLine));
    CHECK(d.title.isEmpty());
    CHECK(d.body == longLine);

    const model::Article e = only(
        readArticles(Format::NewsText, QStringLiteral("Updated: September 5, 2018\nPompeo in Islamabad\n\nBody.")));
    CHECK(e.published == QDate(2018, 9, 5)); // one date above the title is the publication date
    CHECK(e.title == QStringLiteral("Pompeo in Islamabad"));

    // A short first paragraph with a dateline is not a headline.
    const model::Article f
        = only(readArticles(Format::NewsText, QStringLiteral("WASHINGTON: Short news.\n\nMore news.")));
    CHECK(f.title.isEmpty());
    CHECK(f.body == QStringLiteral("WASHINGTON: Short news.\n\nMore news."));
    CHECK(f.dateline == QStringLiteral("WASHINGTON"));
    const model::Article g
        = only(readArticles(Format::NewsText, QStringLiteral("UK: Minister resigns\n9 June 2018\nLONDON — Body.")));
    CHECK(g.title == QStringLiteral("UK: Minister resigns"));
    CHECK(g.published == QDate(2018, 6, 9));

    const gloss::import::ReadResult none = readArticles(Format::NewsText, QStringLiteral("June 9, 2018\n\n\n"));
    CHECK(none.articles.isEmpty());
    REQUIRE(none.refused.size() == 1);
    CHECK(none.refused.first().reason == QStringLiteral("no body"));
}

TEST_CASE("HTML: title, date, credits and main text without page furniture", "[import][html]")
{
    const QString page = QStringLiteral(R"(<!DOCTYPE html><html><head>
<title>Ceasefire holds &#8211; Frontier Ledger</title>
<meta property="og:title" content="Ceasefire holds in Kabul &amp; beyond">
<meta property="article:published_time" content="2018-06-17T10:32:00+04:30">
<meta property="og:site_name" content="Frontier Ledger">
<meta name="author" content="Ayesha Rahim">
<link rel="canonical" href="https://example.com/a">
<style>p { color: red }</style>
<script>var x = "<p>not article text</p>";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li></ul></nav>
<!-- a comment <p>hidden</p> -->
<header><p>Site header</p></header>
<article>
<h1>Ceasefire holds</h1>
<p class="byline">By Ayesha Rahim</p>
<p>KABUL, Afghanistan (Reuters) -   Fighters  embraced
soldiers &ldquo;with joy&rdquo; in Jalalabad.</p>
<p>Caf&eacute; owners &mdash; and <b>everyone</b> else &#x1F600; &bogus; cheered.</p>
<aside>Related: other things</aside>
</article>
<footer><p>&copy; 2018</p></footer>
</body></html>)");
    REQUIRE(detectFormat(QStringLiteral("page.txt"), page) == Format::Html);
    const model::Article a = only(readArticles(Format::Html, page));
    CHECK(a.title == QStringLiteral("Ceasefire holds in Kabul & beyond"));
    CHECK(a.published == QDate(2018, 6, 17));
    CHECK(a.source == QStringLiteral("Frontier Ledger"));
    CHECK(a.author == QStringLiteral("Ayesha Rahim"));
    CHECK(a.url == QStringLiteral("https://example.com/a"));
    CHECK(a.body
        == QStringLiteral("KABUL, Afghanistan (Reuters) - Fighters embraced soldiers “with joy” in Jalalabad.\n\n"
                          "Café owners — and everyone else 😀 &bogus; cheered."));
    CHECK(a.dateline == QStringLiteral("KABUL"));

    // Without og:title: the h1; dates from JSON-LD, then <time datetime>.
    const QString second = QStringLiteral(R"(<html><head><title>Page | Site</title>
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2018-05-25T09:00:00-07:00",
"publisher":{"@type":"Organization","name":"TechDispatch"},"author":[{"name":"Jordan Whitaker"}]}]}</script></head>
<body><main><h1>Privacy law takes effect</h1><div class="meta">Jordan &bull; <time datetime="2018-01-01">Jan 1</time></div>
<p>SAN FRANCISCO &mdash; Europe&#8217;s law took effect.</p></main><p>Outside main.</p></body></html>)");
    const model::Article b = only(readArticles(Format::Html, second));
    CHECK(b.title == QStringLiteral("Privacy law takes effect"));
    CHECK(b.published == QDate(2018, 5, 25));
    CHECK(b.source == QStringLiteral("TechDispatch"));
    CHECK(b.author == QStringLiteral("Jordan Whitaker"));
    CHECK(b.body == QStringLiteral("SAN FRANCISCO — Europe’s law took effect."));

    const model::Article c = only(readArticles(Format::Html,
        QStringLiteral("<html><head><title>Only a title here | Some Site</title></head><body>"
                       "<p>One.<br>Two.</p><p>Three.</p><p><time datetime=\"2018-06-09\">x</time></p></body></html>")));
    CHECK(c.title == QStringLiteral("Only a title here"));
    CHECK(c.published == QDate(2018, 6, 9));
    CHECK(c.body == QStringLiteral("One.\nTwo.\n\nThree.\n\nx"));
}

TEST_CASE("JSON, JSON Lines and CSV corpora: field mapping and per-record errors", "[import][corpus]")
{
    const QString jsonl = QStringLiteral(
        "{\"headline\": \"One\", \"text\": \"BRUSSELS — First.\\r\\n\\r\\nMore.\", \"published\": \"2018-07-17\", "
        "\"publisher\": \"EuroWire\", \"link\": \"https://e.example/1\", \"byline\": \"By Claire Dubois\"}\n"
        "\n"
        "{\"title\": \"Two\", \"content\": \"Second body.\", \"pubdate\": \"Sat, 9 Jun 2018\", \"outlet\": \"AP\", "
        "\"url\": \"u\", \"author\": {\"name\": \"Kathy Gannon\"}}\n"
        "{\"title\": \"Broken\", \"body\": \"unterminated}\n"
        "{\"title\": \"No body\", \"summary\": \"x\"}\n"
        "{\"title\": \"Empty body\", \"article\": \"   \", \"publication_date\": \"someday\"}\n");
    REQUIRE(detectFormat(QStringLiteral("feed"), jsonl) == Format::JsonLines);
    const ReadResult r = readArticles(Format::JsonLines, jsonl);
    REQUIRE(r.articles.size() == 2);
    const model::Article &one = r.articles.at(0);
    CHECK(one.title == QStringLiteral("One"));
    CHECK(one.body == QStringLiteral("BRUSSELS — First.\n\nMore."));
    CHECK(one.published == QDate(2018, 7, 17));
    CHECK(one.source == QStringLiteral("EuroWire"));
    CHECK(one.url == QStringLiteral("https://e.example/1"));
    CHECK(one.author == QStringLiteral("Claire Dubois"));
    CHECK(one.dateline == QStringLiteral("BRUSSELS"));
    const model::Article &two = r.articles.at(1);
    CHECK(two.published == QDate(2018, 6, 9));
    CHECK(two.source == QStringLiteral("AP"));
    CHECK(two.author == QStringLiteral("Kathy Gannon"));
    REQUIRE(r.refused.size() == 3);
    CHECK(r.refused.at(0).where == QStringLiteral("line 4"));
    CHECK(r.refused.at(0).reason.startsWith(QStringLiteral("not valid JSON")));
    CHECK(r.refused.at(1).where == QStringLiteral("line 5"));
    CHECK(r.refused.at(1).reason.contains(QStringLiteral("fields found: summary, title")));
    CHECK(r.refused.at(2).where == QStringLiteral("line 6"));
    CHECK(r.refused.at(2).reason == QStringLiteral("no body"));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings.first().where == QStringLiteral("line 6"));
    CHECK(r.warnings.first().reason.contains(QStringLiteral("someday")));

    const QString array = QStringLiteral(
        "[{\"title\": \"A\", \"body\": \"Body A, [with] {brackets} \\\"and\\\" quotes.\", \"date\": \"9 June 2018\"},\n"
        " {\"headline\": \"B\",\n \"text\": [\"Para 1.\", \"Para 2.\"]},\n\n 42]");
    REQUIRE(detectFormat(QStringLiteral("corpus.json"), array) == Format::Json);
    const ReadResult ra = readArticles(Format::Json, array);
    REQUIRE(ra.articles.size() == 2);
    CHECK(ra.articles.at(0).published == QDate(2018, 6, 9));
    CHECK(ra.articles.at(1).body == QStringLiteral("Para 1.\n\nPara 2."));
    REQUIRE(ra.refused.size() == 1);
    CHECK(ra.refused.first().text() == QStringLiteral("record 3 (line 5): not a JSON object"));
    CHECK(ra.articles.at(0).body == QStringLiteral("Body A, [with] {brackets} \"and\" quotes."));

    const ReadResult unknown = readArticles(Format::Json, QStringLiteral("[{\"name\": \"x\", \"desc\": \"y\"}]"));
    CHECK(unknown.articles.isEmpty());
    REQUIRE(unknown.refused.size() == 1);
    CHECK(unknown.refused.first().reason.contains(QStringLiteral("fields found: desc, name")));

    const QString csv = QStringLiteral(
        "Headline,Text,Date,Source,URL,Author,Extra\r\n"
        "\"Tariffs, again\",\"MADRID (AFP) - He said \"\"no\"\".\n\nNext para.\",2018-07-12,AFP,u,a,x\r\n"
        "Empty,,2018-07-13,AFP,u,a,x\r\n"
        "Third,Body three.,,,,,\r\n");
    REQUIRE(detectFormat(QStringLiteral("export"), csv) == Format::Csv);
    const ReadResult rc = readArticles(Format::Csv, csv);
    REQUIRE(rc.articles.size() == 2);
    CHECK(rc.articles.at(0).title == QStringLiteral("Tariffs, again"));
    CHECK(rc.articles.at(0).body == QStringLiteral("MADRID (AFP) - He said \"no\".\n\nNext para."));
    CHECK(rc.articles.at(0).published == QDate(2018, 7, 12));
    CHECK(rc.articles.at(0).dateline == QStringLiteral("MADRID"));
    CHECK(rc.articles.at(1).title == QStringLiteral("Third"));
    REQUIRE(rc.refused.size() == 1);
    CHECK(rc.refused.first().text() == QStringLiteral("line 5: no body")); // the first record spans lines 2-4

    const ReadResult noBody = readArticles(Format::Csv, QStringLiteral("name,summary\nx,y\n"));
    REQUIRE(noBody.refused.size() == 1);
    CHECK(noBody.refused.first().reason.contains(QStringLiteral("columns found: name, summary")));

    const ReadResult open = readArticles(Format::Csv, QStringLiteral("title,body\nA,\"unterminated\n"));
    REQUIRE(open.refused.size() == 1);
    CHECK(open.refused.first().reason.contains(QStringLiteral("ends inside a quoted field")));
}

TEST_CASE("Markdown with YAML front matter", "[import][markdown]")
{
    const QString md
        = QStringLiteral("---\ntitle: \"São Paulo braces for rain\"\ndate: 2018-10-24\nsource: Brazil Wire\n"
                         "url: https://b.example/x\nauthor: 'Fernanda Lobo'\ntags: [a, b]\n---\n\n"
                         "SÃO PAULO — With the *rainy* season near.\n\nMore.\n");
    REQUIRE(detectFormat(QStringLiteral("x.txt"), md) == Format::Markdown);
    const model::Article a = only(readArticles(Format::Markdown, md));
    CHECK(a.title == QStringLiteral("São Paulo braces for rain"));
    CHECK(a.published == QDate(2018, 10, 24));
    CHECK(a.source == QStringLiteral("Brazil Wire"));
    CHECK(a.url == QStringLiteral("https://b.example/x"));
    CHECK(a.author == QStringLiteral("Fernanda Lobo"));
    CHECK(a.body == QStringLiteral("SÃO PAULO — With the *rainy* season near.\n\nMore."));
    CHECK(a.dateline == QStringLiteral("SÃO PAULO"));

    const model::Article b = only(readArticles(Format::Markdown, QStringLiteral("# A heading title\n\nThe body.\n")));
    CHECK(b.title == QStringLiteral("A heading title"));
    CHECK(b.body == QStringLiteral("The body."));
}

TEST_CASE("format detection by content as well as extension", "[import][detect]")
{
    CHECK(detectFormat(QStringLiteral("a.txt"), QStringLiteral("Title\n\nBody")) == Format::NewsText);
    CHECK(detectFormat(QStringLiteral("noext"), QStringLiteral("Title\n\nBody")) == Format::NewsText);
    CHECK(detectFormat(QStringLiteral("a.html"), QStringLiteral("Just text, saved as .html")) == Format::Html);
    CHECK(detectFormat(QStringLiteral("a.txt"), QStringLiteral("<!doctype html><p>x</p>")) == Format::Html);
    CHECK(detectFormat(QStringLiteral("a.json"), QStringLiteral("{\"title\": \"a\",\n \"body\": \"b\"}"))
        == Format::Json);
    CHECK(detectFormat(QStringLiteral("a.txt"), QStringLiteral("{\"body\": \"a\"}\n{\"body\": \"b\"}\n"))
        == Format::JsonLines);
    CHECK(detectFormat(QStringLiteral("a.md"), QStringLiteral("Some text")) == Format::Markdown);
    CHECK(detectFormat(QStringLiteral("a.csv"), QStringLiteral("a,b\n1,2")) == Format::Csv);
    CHECK(
        detectFormat(QStringLiteral("a.txt"), QStringLiteral("Title, with a comma\n\nBody, too")) == Format::NewsText);
}

TEST_CASE("mangled input never crashes a reader and never yields a broken article", "[import][robust]")
{
    const QDir samples(QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples"));
    QList<QByteArray> seeds;
    for (const QString &name : samples.entryList(QDir::Files, QDir::Name)) {
        QFile f(samples.filePath(name));
        REQUIRE(f.open(QIODevice::ReadOnly));
        seeds.append(f.readAll());
    }
    REQUIRE(seeds.size() >= 30);
    QRandomGenerator rng(20180609);
    const char *const fragments[]
        = {"<", ">", "&", "&#", "\"", "\n", "\r", "---\n", "{", "[", ",", ":", " — ", "\xC3", "\xFF", "\x00"};
    const QStringList names = {QStringLiteral("x.txt"), QStringLiteral("x.html"), QStringLiteral("x.json"),
        QStringLiteral("x.jsonl"), QStringLiteral("x.csv"), QStringLiteral("x.md"), QStringLiteral("x")};
    for (int round = 0; round < 400; ++round) {
        QByteArray bytes = seeds.at(rng.bounded(int(seeds.size())));
        // Cut it short, and splice in fragments that matter to some format.
        bytes.truncate(rng.bounded(int(bytes.size()) + 1));
        for (int k = rng.bounded(12); k > 0 && !bytes.isEmpty(); --k) {
            const char *fragment = fragments[rng.bounded(int(std::size(fragments)))];
            const qsizetype len = fragment[0] == 0 ? 1 : qsizetype(qstrlen(fragment));
            bytes.insert(rng.bounded(int(bytes.size())), fragment, len);
        }
        const DecodedText decoded = decodeText(bytes);
        if (!decoded.ok())
            continue;
        CHECK_FALSE(decoded.text.contains(u'\r'));
        const QString name = names.at(rng.bounded(int(names.size())));
        const ReadResult read = readArticles(detectFormat(name, decoded.text), decoded.text);
        for (const model::Article &a : read.articles) {
            CHECK_FALSE(a.body.trimmed().isEmpty());
            CHECK_FALSE(a.body.contains(u'\r'));
            CHECK_FALSE(a.title.isNull());
            CHECK(a.datelineEnd <= gloss::text::codePointLength(a.body));
            CHECK(a.dateline.isEmpty() == (a.datelineEnd == 0));
            if (!decoded.text.contains(QChar(0xFFFD)))
                CHECK_FALSE(a.body.contains(QChar(0xFFFD)));
        }
    }
}
