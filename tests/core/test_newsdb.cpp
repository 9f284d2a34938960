// News-database exports (LexisNexis, ProQuest, Factiva): fixtures of each layout, invented,
// split into articles with their fields and without the database's boilerplate.
#include "import/decoder.h"
#include "import/newsdb.h"
#include "import/reader.h"
#include "model/contenthash.h"
#include "operations/imports.h"
#include "operations/project.h"
#include "storage/articlerepository.h"
#include "storage/store.h"
#include "support/tempproject.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace gloss::import;
using gloss::model::Article;

namespace {

struct Read
{
    Format format;
    ReadResult result;
};

// The fixture read as an import reads a file: decoded, its format detected, then read.
Read readFixture(const char *name)
{
    const QString path = QStringLiteral(GLOSS_TEST_DATA "/newsdb/") + QString::fromLatin1(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const DecodedText decoded = decodeText(file.readAll());
    REQUIRE(decoded.ok());
    const Format format = detectFormat(path, decoded.text);
    return {format, readArticles(format, decoded.text)};
}

QString variable(const Article &a, const char *name)
{
    for (const auto &[key, value] : a.variables)
        if (key == QLatin1StringView(name))
            return value;
    return {};
}

// What no body of any database may keep.
void checkNoBoilerplate(const Article &a)
{
    INFO(a.body.toStdString());
    for (const char *furniture : {"Load-Date", "LOAD-DATE", "End of Document", "Copyright", "(c) 20", "DOCUMENTS",
             "Page 2 of", "Document URL", "ProQuest document ID", "Classification", "Body\n",
             "LANGUAGE:", "Fin du document", "Search Summary", "Client/Matter"})
        CHECK_FALSE(a.body.contains(QString::fromLatin1(furniture)));
}

} // namespace

TEST_CASE("LexisNexis classic text: documents split, header and fields read, boilerplate out", "[import][newsdb]")
{
    const Read r = readFixture("lexisnexis-classic-en.txt");
    CHECK(r.format == Format::LexisNexis);
    CHECK(r.result.refused.isEmpty());
    CHECK(r.result.warnings.isEmpty());
    REQUIRE(r.result.articles.size() == 3);
    const Article &a = r.result.articles.at(0);
    CHECK(a.title == QStringLiteral("Port workers end strike after pay deal"));
    CHECK(a.source == QStringLiteral("The Harbour Gazette"));
    CHECK(a.published == QDate(2020, 3, 5));
    CHECK(a.author == QStringLiteral("Marta Okonkwo"));
    CHECK(a.url == QStringLiteral("http://www.harbourgazette.example/2020/03/05/port-strike.html"));
    CHECK(a.dateline == QStringLiteral("KESTREL BAY"));
    CHECK(a.body.startsWith(QStringLiteral("KESTREL BAY, March 4 - Dock workers")));
    CHECK(a.body.endsWith(QStringLiteral("for nine days.")));
    CHECK(variable(a, "section") == QStringLiteral("Section A; Column 0; Business Desk; Pg. 10"));
    CHECK(variable(a, "length") == QStringLiteral("412 words"));
    CHECK(variable(a, "language") == QStringLiteral("ENGLISH"));
    CHECK(variable(a, "load_date") == QStringLiteral("2020-03-06"));
    CHECK(variable(a, "edition") == QStringLiteral("Late Edition - Final"));
    CHECK(variable(a, "publication_type") == QStringLiteral("Newspaper"));
    CHECK(variable(a, "copyright") == QStringLiteral("Copyright 2020 The Harbour Gazette Company"));
    // No "BODY:" label: the body starts after the fields.
    const Article &b = r.result.articles.at(1);
    CHECK(b.title == QStringLiteral("Council votes to close the old library"));
    CHECK(b.source == QStringLiteral("Inland Valley Courier (Ohio)"));
    CHECK(b.author == QStringLiteral("Daniel Reyes"));
    CHECK(b.body.startsWith(QStringLiteral("The town council voted")));
    CHECK(variable(b, "subjects") == QStringLiteral("LIBRARIES (90%); CITY GOVERNMENT (78%)"));
    // A date line with a time.
    CHECK(r.result.articles.at(2).published == QDate(2020, 3, 7));
    CHECK(r.result.articles.at(2).body
        == QStringLiteral("Growers reported frost damage on Saturday across the southern orchards."));
    for (const Article &x : r.result.articles)
        checkNoBoilerplate(x);
}

TEST_CASE("LexisNexis classic text in German", "[import][newsdb]")
{
    const Read r = readFixture("lexisnexis-classic-de.txt");
    CHECK(r.format == Format::LexisNexis);
    REQUIRE(r.result.articles.size() == 2);
    const Article &a = r.result.articles.at(0);
    CHECK(a.title == QStringLiteral("Hafenarbeiter beenden Streik nach Einigung"));
    CHECK(a.source == QStringLiteral("Rheinische Abendpost"));
    CHECK(a.published == QDate(2020, 3, 5));
    CHECK(a.author == QStringLiteral("Jana Vogel"));
    CHECK(variable(a, "section") == QStringLiteral("WIRTSCHAFT; S. 7"));
    CHECK(variable(a, "length") == QStringLiteral("310 Wörter"));
    CHECK(variable(a, "language") == QStringLiteral("GERMAN"));
    CHECK(a.body.endsWith(QStringLiteral("lahmgelegt.")));
    CHECK(r.result.articles.at(1).published == QDate(2020, 3, 6));
    for (const Article &x : r.result.articles)
        checkNoBoilerplate(x);
}

TEST_CASE("Nexis Uni text: cover page and contents out, End of Document splits, page heads dropped", "[import][newsdb]")
{
    const Read r = readFixture("nexisuni-en.txt");
    CHECK(r.format == Format::LexisNexis);
    CHECK(r.result.refused.isEmpty());
    CHECK(r.result.warnings.isEmpty());
    REQUIRE(r.result.articles.size() == 3);
    const Article &a = r.result.articles.at(0);
    CHECK(a.title == QStringLiteral("Port workers end strike after pay deal"));
    CHECK(a.source == QStringLiteral("The Harbour Gazette"));
    CHECK(a.published == QDate(2020, 3, 5));
    CHECK(a.author == QStringLiteral("Marta Okonkwo"));
    CHECK(variable(a, "dateline") == QStringLiteral("KESTREL BAY, March 4"));
    CHECK(variable(a, "subjects") == QStringLiteral("STRIKES (92%); PORTS (90%)"));
    CHECK(variable(a, "copyright").startsWith(QStringLiteral("Copyright 2020 The Harbour Gazette")));
    CHECK(a.body.endsWith(QStringLiteral("for nine days.")));
    const Article &b = r.result.articles.at(1);
    CHECK(b.source == QStringLiteral("Inland Valley Courier (Ohio)"));
    CHECK(b.body.endsWith(QStringLiteral("east side.")));
    CHECK_FALSE(b.body.contains(QStringLiteral("Council votes"))); // the running head
    CHECK(r.result.articles.at(2).title == QStringLiteral("Frost damages early blossom in southern orchards"));
    for (const Article &x : r.result.articles)
        checkNoBoilerplate(x);
}

TEST_CASE("Nexis Uni text in French and Spanish", "[import][newsdb]")
{
    const Read fr = readFixture("nexisuni-fr.txt");
    CHECK(fr.format == Format::LexisNexis);
    REQUIRE(fr.result.articles.size() == 2);
    CHECK(fr.result.articles.at(0).title == QStringLiteral("Le port reprend le travail après un accord salarial"));
    CHECK(fr.result.articles.at(0).source == QStringLiteral("Le Courrier du Littoral"));
    CHECK(fr.result.articles.at(0).published == QDate(2020, 3, 5));
    CHECK(fr.result.articles.at(0).author == QStringLiteral("Claire Dumas"));
    CHECK(variable(fr.result.articles.at(0), "section") == QStringLiteral("ÉCONOMIE; Pg. 4"));
    CHECK(variable(fr.result.articles.at(0), "length") == QStringLiteral("288 mots"));
    CHECK(fr.result.articles.at(1).published == QDate(2020, 3, 6));
    const Read es = readFixture("nexisuni-es.txt");
    CHECK(es.format == Format::LexisNexis);
    REQUIRE(es.result.articles.size() == 1);
    const Article &e = es.result.articles.at(0);
    CHECK(e.title == QStringLiteral("Los estibadores vuelven al trabajo tras el acuerdo"));
    CHECK(e.published == QDate(2020, 3, 5));
    CHECK(e.author == QStringLiteral("Lucía Márquez"));
    CHECK(variable(e, "length") == QStringLiteral("301 palabras"));
    CHECK(e.body.startsWith(QStringLiteral("Los estibadores del puerto")));
    for (const Article &x : fr.result.articles + es.result.articles)
        checkNoBoilerplate(x);
}

TEST_CASE(
    "ProQuest text: records split, fields read, a record without full text refused by its number", "[import][newsdb]")
{
    const Read r = readFixture("proquest-en.txt");
    CHECK(r.format == Format::ProQuest);
    REQUIRE(r.result.articles.size() == 2);
    const Article &a = r.result.articles.at(0);
    CHECK(a.title == QStringLiteral("Port workers end strike after pay deal"));
    CHECK(a.author == QStringLiteral("Okonkwo, Marta"));
    CHECK(a.source == QStringLiteral("The Harbour Gazette; Kestrel Bay"));
    CHECK(a.published == QDate(2020, 3, 5));
    CHECK(a.url == QStringLiteral("https://www.proquest.example/docview/2372610001?accountid=1"));
    CHECK(a.body.startsWith(QStringLiteral("KESTREL BAY, March 4 - Dock workers")));
    CHECK(a.body.endsWith(QStringLiteral("for nine days.")));
    CHECK(variable(a, "document_id") == QStringLiteral("2372610001"));
    CHECK(variable(a, "section") == QStringLiteral("Business"));
    CHECK(variable(a, "language") == QStringLiteral("English"));
    CHECK(variable(a, "subjects") == QStringLiteral("Strikes; Ports; Labor unions"));
    CHECK(variable(a, "places") == QStringLiteral("Kestrel Bay"));
    CHECK(variable(a, "source_type") == QStringLiteral("Newspapers"));
    const Article &b = r.result.articles.at(1);
    CHECK(b.body.contains(QStringLiteral("\n\nResidents who spoke")));
    REQUIRE(r.result.refused.size() == 1);
    CHECK(r.result.refused.first().where.startsWith(QStringLiteral("document 3 (line ")));
    CHECK(r.result.refused.first().reason.contains(QStringLiteral("no full text")));
    for (const Article &x : r.result.articles)
        checkNoBoilerplate(x);

    const Read de = readFixture("proquest-de.txt");
    CHECK(de.format == Format::ProQuest);
    REQUIRE(de.result.articles.size() == 2);
    CHECK(de.result.articles.at(0).author == QStringLiteral("Vogel, Jana"));
    CHECK(de.result.articles.at(0).source == QStringLiteral("Rheinische Abendpost"));
    CHECK(de.result.articles.at(0).published == QDate(2020, 3, 5));
    CHECK(variable(de.result.articles.at(0), "document_id") == QStringLiteral("2372620001"));
    CHECK(de.result.articles.at(1).published == QDate(2020, 3, 6));
}

TEST_CASE("Factiva: the field layout and the displayed one, as text and HTML", "[import][newsdb]")
{
    for (const char *name : {"factiva-fields.txt", "factiva-displayed.txt", "factiva.html", "factiva-fields.html"}) {
        INFO(name);
        const Read r = readFixture(name);
        CHECK((r.format == Format::Factiva || r.format == Format::FactivaHtml));
        CHECK(r.result.refused.isEmpty());
        REQUIRE(r.result.articles.size() >= 1);
        const Article &a = r.result.articles.at(0);
        CHECK(a.title == QStringLiteral("Port workers end strike after pay deal"));
        CHECK(a.author == QStringLiteral("Marta Okonkwo"));
        CHECK(a.published == QDate(2020, 3, 5));
        CHECK(a.source == QStringLiteral("The Harbour Gazette"));
        CHECK(variable(a, "length") == QStringLiteral("412 words"));
        CHECK(variable(a, "source_code") == QStringLiteral("HARBGZ"));
        CHECK(variable(a, "language") == QStringLiteral("English"));
        CHECK(variable(a, "document_id") == QStringLiteral("HARBGZ0020200305eg350000a"));
        CHECK(variable(a, "copyright").contains(QStringLiteral("The Harbour Gazette Company")));
        CHECK(a.body.startsWith(QStringLiteral("KESTREL BAY, March 4 - Dock workers")));
        CHECK(a.dateline == QStringLiteral("KESTREL BAY"));
        for (const Article &x : r.result.articles)
            checkNoBoilerplate(x);
    }
    const Read fields = readFixture("factiva-fields.txt");
    REQUIRE(fields.result.articles.size() == 2);
    // A body line that opens like a field code ("IN the end") stays in the body.
    CHECK(fields.result.articles.at(0).body.contains(QStringLiteral("IN the end, the union said")));
    CHECK(variable(fields.result.articles.at(0), "subjects").contains(QStringLiteral("glabor")));
    CHECK(fields.result.articles.at(1).published == QDate(2020, 3, 6));
    const Read displayed = readFixture("factiva-displayed.txt");
    REQUIRE(displayed.result.articles.size() == 3);
    CHECK(displayed.result.articles.at(1).title == QStringLiteral("Council votes to close the old library"));
    CHECK(displayed.result.articles.at(1).author.isEmpty());
    CHECK(variable(displayed.result.articles.at(1), "time") == QStringLiteral("10:42"));
    CHECK(displayed.result.articles.at(2).published == QDate(2020, 3, 6));
    CHECK(displayed.result.articles.at(2).author == QStringLiteral("Jana Vogel"));
    CHECK(variable(displayed.result.articles.at(2), "document_id") == QStringLiteral("SUEDLZ0020200306eg360000c"));
    const Read html = readFixture("factiva.html");
    REQUIRE(html.result.articles.size() == 2);
    CHECK(html.result.articles.at(0).body.contains(QStringLiteral("nine days & nights.")));
    const Read table = readFixture("factiva-fields.html");
    REQUIRE(table.result.articles.size() == 1);
    CHECK(table.result.articles.at(0).body.contains(QStringLiteral("Union leaders called the deal fair.")));
}

TEST_CASE("database dates in four languages", "[import][newsdb]")
{
    const struct
    {
        const char *text;
        QDate date;
    } cases[] = {
        {"March 5, 2020 Thursday", QDate(2020, 3, 5)},
        {"March 7, 2020 Saturday 2:15 PM GMT", QDate(2020, 3, 7)},
        {"5. März 2020 Donnerstag", QDate(2020, 3, 5)},
        {"jeudi 5 mars 2020", QDate(2020, 3, 5)},
        {"5 de marzo de 2020 jueves", QDate(2020, 3, 5)},
        {"Mar 5, 2020", QDate(2020, 3, 5)},
        {"05.03.2020", QDate(2020, 3, 5)},
        {"2020-03-05", QDate(2020, 3, 5)},
        {"1 août 2019", QDate(2019, 8, 1)},
        {"14 diciembre 2021", QDate(2021, 12, 14)},
    };
    for (const auto &c : cases) {
        INFO(c.text);
        CHECK(parseDatabaseDate(QString::fromUtf8(c.text)) == c.date);
    }
    for (const char *text :
        {"Port workers end strike in March 2020", "March 2020", "31 February 2020", "Section A; Pg. 10"}) {
        INFO(text);
        CHECK_FALSE(parseDatabaseDate(QString::fromUtf8(text)).isValid());
    }
}

TEST_CASE("plain news text and other formats are not taken for database exports", "[import][newsdb]")
{
    CHECK(detectNewsDatabase(QStringLiteral("Title\n\nMarch 5, 2020\n\nBody text about 3 of 4 documents.\n"))
        == NewsDatabase::None);
    CHECK(detectNewsDatabase(QStringLiteral("A story\n\nIt said the Document ABCDEFGHIJKLMNOP was lost.\n"))
        == NewsDatabase::None);
    CHECK(detectFormat(QStringLiteral("a.txt"), QStringLiteral("Headline\n\nBody.\n")) == Format::NewsText);
}

TEST_CASE("the same story from two databases, or two layouts, is a duplicate", "[import][newsdb][duplicates][engines]")
{
    gloss::test::TempProject tp;
    auto &imports = tp.project().imports();
    const auto fixture = [](const char *name) {
        return QString(QStringLiteral(GLOSS_TEST_DATA "/newsdb/") + QString::fromLatin1(name));
    };
    const ImportReport uni = imports.importPaths({fixture("nexisuni-en.txt")});
    CHECK(uni.imported == 3);
    // The classic layout of the same three stories: other header, hard-wrapped lines, BODY: label.
    const ImportReport classic = imports.importPaths({fixture("lexisnexis-classic-en.txt")});
    CHECK(classic.imported == 0);
    CHECK(classic.duplicates == 3);
    // ProQuest and Factiva copies of two of them; Factiva's third story is new.
    const ImportReport proquest = imports.importPaths({fixture("proquest-en.txt")});
    CHECK(proquest.imported == 0);
    CHECK(proquest.duplicates == 2);
    REQUIRE(proquest.refused.size() == 1);
    CHECK(proquest.refused.first().path.endsWith(QStringLiteral("proquest-en.txt")));
    CHECK(proquest.refused.first().reason.startsWith(QStringLiteral("document 3 (line ")));
    const ImportReport factiva = imports.importPaths({fixture("factiva-displayed.txt")});
    CHECK(factiva.imported == 1);
    CHECK(factiva.duplicates == 2);
    CHECK(tp.project().store().articles().count() == 4);
}

TEST_CASE("a copy differing in white space, case, quotes and a copyright line has the same hash, other words do not",
    "[import][duplicates]")
{
    using gloss::model::contentHash;
    const QString body
        = QStringLiteral("KABUL (Reuters) - The truce \u201cheld\u201d \u2014 officials said.\nTalks go on.");
    const QString copy
        = QStringLiteral("Copyright 2018 Reuters\n\nKABUL (Reuters) -  The truce \"held\" - officials\nsaid.\n\n"
                         "Talks go on.\n(c) 2018 Thomson Reuters. All rights reserved.");
    CHECK(contentHash(QStringLiteral("Truce holds"), body) == contentHash(QStringLiteral("TRUCE HOLDS "), copy));
    CHECK(contentHash(QStringLiteral("Truce holds"), body)
        != contentHash(
            QStringLiteral("Truce holds"), QString(body).replace(QStringLiteral("held"), QStringLiteral("failed"))));
    CHECK(contentHash(QStringLiteral("Truce holds"), body) != contentHash(QStringLiteral("Truce fails"), body));
}

TEST_CASE(
    "an article stored before hashes were normalised is still found as a duplicate", "[import][duplicates][engines]")
{
    gloss::test::TempProject tp;
    gloss::model::Article old;
    old.title = QStringLiteral("Story number one");
    old.body = QStringLiteral("Paragraph one of the story.");
    old.contentHash = gloss::model::exactContentHash(old.title, old.body); // as stored before
    old.imported = QDateTime::currentDateTime();
    tp.project().store().articles().insert(old);
    const ImportReport again = tp.project().imports().importFiles(
        {{QStringLiteral("again.txt"), QByteArrayLiteral("Story number one\n\nParagraph one of the story.\n")}});
    CHECK(again.imported == 0);
    CHECK(again.duplicates == 1);
}
