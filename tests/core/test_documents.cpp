// Word, OpenDocument, RTF and PDF articles: the fixtures of tests/data/documents (written by its
// make_documents.py) read through the importer's reading half, and damaged, encrypted and bomb
// documents refused with their reason while the rest of a folder imports.
#include "import/documents/documents.h"
#include "import/preparer.h"
#include "operations/imports.h"
#include "operations/project.h"
#include "storage/store.h"
#include "support/tempproject.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace gloss;
using import::DocumentKind;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(GLOSS_TEST_DATA "/documents/") + QString::fromUtf8(name);
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

import::PreparedFile prepare(const QString &path, qint64 maxBytes = qint64(64) * 1024 * 1024){
    import::ImportOptions options;
options.maxFileBytes = maxBytes;
return import::Preparer::prepare({path, {}, false}, options);
} // namespace

import::PreparedFile prepareBytes(const QString &name, const QByteArray &bytes){
    return import::Preparer::prepare({name, bytes, true}, import::ImportOptions{});
}

QString refusal(const import::PreparedFile &file)
{
    return file.refused.isEmpty() ? QString() : file.refused.first().reason;
}

QString variable(const model::Article &a, const char *name)
{
    for (const auto &[k, v] : a.variables)
        if (k == QString::fromUtf8(name))
            return v;
    return {};
}

// The dock-strike article, as each format holds it: the fields and the paragraphs a reader checks.
void checkDockStrike(const model::Article &a)
{
    INFO(a.body.toStdString());
    CHECK(a.title == QStringLiteral("Harbour cranes idle as dock strike enters second week"));
    CHECK(a.published == QDate(2026, 3, 3));
    CHECK(a.author == QStringLiteral("Ines Okafor"));
    CHECK(
        a.body.startsWith(QStringLiteral("ROTTERDAM - Container ships queued outside the port on Monday as a strike by "
                                         "crane operators entered its second week, and shipping lines began diverting "
                                         "cargo to Antwerp and Hamburg.")));
    CHECK(a.dateline == QStringLiteral("ROTTERDAM"));
}

} // namespace

TEST_CASE("documents are told by their bytes first, their extension second", "[import][documents]")
{
    CHECK(import::detectDocument(QStringLiteral("x.bin"), bytesOf(fixture("dock-strike.docx"))) == DocumentKind::Docx);
    CHECK(import::detectDocument(QStringLiteral("x.docx"), bytesOf(fixture("dock-strike.odt"))) == DocumentKind::Odt);
    CHECK(import::detectDocument(QStringLiteral("x.txt"), bytesOf(fixture("dock-strike.rtf"))) == DocumentKind::Rtf);
    CHECK(import::detectDocument(QStringLiteral("x"), bytesOf(fixture("dock-strike.pdf"))) == DocumentKind::Pdf);
    CHECK(import::detectDocument(QStringLiteral("x.pdf"), QByteArray("Plain words.\n")) == DocumentKind::Pdf);
    CHECK(import::detectDocument(QStringLiteral("x.txt"), QByteArray("Plain words.\n")) == DocumentKind::None);
    CHECK(
        import::detectDocument(QStringLiteral("x.txt"), QByteArray("On the %PDF-1.7 header.\n")) == DocumentKind::None);
    CHECK(import::detectDocument(QStringLiteral("x.pdf"), "junk\n" + bytesOf(fixture("dock-strike.pdf")))
        == DocumentKind::Pdf);
    // A ZIP that is no document is no document (the text path refuses it as binary).
    QByteArray zip("PK\x03\x04", 4);
    CHECK(import::detectDocument(QStringLiteral("x.zip"), zip) == DocumentKind::None);
}

TEST_CASE("a DOCX article: title, date, author and body, runs, tables and notes", "[import][documents]")
{
    const import::PreparedFile file = prepare(fixture("dock-strike.docx"));
    CHECK(file.refused.isEmpty());
    REQUIRE(file.articles.size() == 1);
    const model::Article &a = file.articles.first();
    INFO(a.body.toStdString());
    checkDockStrike(a);
    CHECK(a.body.contains(QStringLiteral("Antwerp and Hamburg.[1]")));
    CHECK(a.body.contains(QStringLiteral("Importers of perishable goods were the first to feel the stoppage. Fruit "
                                         "wholesalers reported")));
    CHECK_FALSE(a.body.contains(QStringLiteral("DELETED")));
    CHECK(a.body.contains(QStringLiteral("\n\nPort\tShips\nAntwerp\t14\nHamburg\t9\n\n")));
    CHECK(a.body.contains(QStringLiteral("Economists put the cost at\tforty million euros\na day.")));
    CHECK(a.body.endsWith(QStringLiteral("\n\n[1] Figures from the port authority, 2 March 2026.")));
    CHECK(variable(a, "document_created") == QStringLiteral("2026-03-04T08:15:00Z"));
    CHECK(variable(a, "document_modified") == QStringLiteral("2026-03-05T10:00:00Z"));
    CHECK(a.path == fixture("dock-strike.docx"));
}

TEST_CASE("a DOCX without properties is read as its text says", "[import][documents]")
{
    const import::PreparedFile file = prepare(fixture("wind-farm.docx"));
    REQUIRE(file.articles.size() == 1);
    const model::Article &a = file.articles.first();
    CHECK(a.title == QStringLiteral("Wind farm approved off the Galician coast"));
    CHECK(a.published == QDate(2026, 2, 12));
    CHECK(a.body
        == QStringLiteral("A CORUÑA - Spain's government approved a floating wind farm of 28 turbines off the "
                          "coast of Galicia on Thursday.\n\nFishing associations said they would appeal."));
    CHECK(a.author.isEmpty());
}

TEST_CASE("an OpenDocument article: spaces, notes, lists and tables, no comments", "[import][documents]")
{
    const import::PreparedFile file = prepare(fixture("dock-strike.odt"));
    CHECK(file.refused.isEmpty());
    REQUIRE(file.articles.size() == 1);
    const model::Article &a = file.articles.first();
    INFO(a.body.toStdString());
    checkDockStrike(a);
    CHECK(a.body.contains(QStringLiteral("Antwerp and Hamburg.[1]")));
    CHECK_FALSE(a.body.contains(QStringLiteral("COMMENT")));
    CHECK(
        a.body.contains(QStringLiteral("\n\nImporters of perishable goods were the first to feel the stoppage.\n\n")));
    CHECK(a.body.contains(QStringLiteral("\n\nPort\tShips\nAntwerp\t14\n\n")));
    CHECK(a.body.contains(QStringLiteral("Economists put the cost at\tforty million euros\na day.")));
    CHECK(a.body.endsWith(QStringLiteral("\n\n[1] Figures from the port authority, 2 March 2026.")));
    CHECK(variable(a, "document_created") == QStringLiteral("2026-03-04T08:15:00"));
}

TEST_CASE("an RTF article: code page, \\u with its fallback, escapes, fields and \\info", "[import][documents]")
{
    const import::PreparedFile file = prepare(fixture("dock-strike.rtf"));
    CHECK(file.refused.isEmpty());
    CHECK(file.warnings.isEmpty());
    REQUIRE(file.articles.size() == 1);
    const model::Article &a = file.articles.first();
    INFO(a.body.toStdString());
    checkDockStrike(a);
    CHECK(a.body.contains(QStringLiteral("said talks would resume on Thursday. More\n\n")));
    CHECK(a.body.contains(QStringLiteral("Fruit wholesalers in Liège and Düsseldorf said the ‘stoppage’ cost them "
                                         "{dearly}.[1]\nCafé owners agreed.")));
    CHECK(a.body.endsWith(QStringLiteral("\n\n[1] A footnote of the RTF.")));
    CHECK_FALSE(a.body.contains(QStringLiteral("Times New Roman")));
    CHECK_FALSE(a.body.contains(QStringLiteral("Invented Writer")));
    CHECK_FALSE(a.body.contains(QStringLiteral("HYPERLINK")));
    CHECK(variable(a, "document_created") == QStringLiteral("2026-03-04T08:15:00"));
}

TEST_CASE("RTF: other code pages, \\uc0, tables, \\bin and unclosed groups", "[import][documents]")
{
    const auto text = [](const char *rtf) { return import::documentText(DocumentKind::Rtf, QByteArray(rtf), 1 << 20); };
    CHECK(text("{\\rtf1\\ansi\\ansicpg1251 \\'cc\\'ee\\'f1\\'ea\\'e2\\'e0\\par}") == QStringLiteral("Москва"));
    CHECK(text("{\\rtf1{\\fonttbl{\\f1\\fcharset238 Arial CE;}}\\f1 \\'b9\\'e6\\par}") == QStringLiteral("ąć"));
    CHECK(text("{\\rtf1\\uc0 a\\u8364 b\\uc2\\u8364 XYc}") == QStringLiteral("a€b€c"));
    CHECK(text("{\\rtf1 \\trowd\\intbl A\\cell B\\cell\\row\\intbl C\\cell D\\cell\\row\\pard After\\par}")
        == QStringLiteral("A\tB\nC\tD\n\nAfter"));
    // A control character written as \'00, \'07 or \u0 is no text (a NUL in a body broke the
    // importer's contract: fuzz_rtf's finding of 2026-12-06).
    CHECK(text("{\\rtf1 p\\'00o\\'07r\\u0?t\\'09s\\par}") == QStringLiteral("port\ts"));
    CHECK(text("{\\rtf1 Before{\\*\\blipuid 00}{\\pict\\bin4 }{}}} after\\par}") == QStringLiteral("Before after"));
    const import::DocumentParts open
        = import::readDocumentParts(DocumentKind::Rtf, QByteArray("{\\rtf1 Cut off {\\b here"), 1 << 20);
    CHECK(open.text == QStringLiteral("Cut off here"));
    CHECK(open.warning.contains(QStringLiteral("truncated")));
    CHECK(import::readDocumentParts(DocumentKind::Rtf, QByteArray("Not RTF"), 1 << 20)
              .error.startsWith(QStringLiteral("not an RTF file")));
}

TEST_CASE("a two-column PDF article: columns in order, hyphens joined, running heads and page numbers gone",
    "[import][documents]")
{
    const import::PreparedFile file = prepare(fixture("dock-strike.pdf"));
    CHECK(file.refused.isEmpty());
    REQUIRE(file.articles.size() == 1);
    const model::Article &a = file.articles.first();
    INFO(a.body.toStdString());
    checkDockStrike(a);
    CHECK_FALSE(a.body.contains(QStringLiteral("GAZETTE")));
    CHECK_FALSE(a.body.contains(QStringLiteral("\n\n2\n\n")));
    CHECK_FALSE(a.body.endsWith(QStringLiteral("2")));
    // Each paragraph whole, in order, across columns and the page break, hyphens joined.
    const QStringList paragraphs = a.body.split(QStringLiteral("\n\n"));
    CHECK(paragraphs.size() == 30);
    qsizetype last = -1;
    for (int i = 1; i <= 24; ++i) {
        const QString p
            = QStringLiteral("Paragraph %1 of the continued coverage: negotiators met again in the afternoon "
                             "and adjourned without agreement, while representatives of the transport "
                             "ministry observed the proceedings and declined to comment on the substance "
                             "of the discussions.")
                  .arg(i);
        INFO(i);
        CHECK(paragraphs.contains(p));
        CHECK(paragraphs.indexOf(p) > last);
        last = paragraphs.indexOf(p);
    }
    CHECK(paragraphs.contains(QStringLiteral("Shipping lines said the backlog would take weeks to clear even after a "
                                             "settlement. One carrier announced surcharges on containers bound for the "
                                             "Netherlands, citing extraordinary congestion.")));
    CHECK(variable(a, "document_created") == QStringLiteral("2026-03-04T08:15:00Z"));
}

TEST_CASE("damaged, encrypted, empty and image-only documents are refused with their reason", "[import][documents]")
{
    CHECK(refusal(prepare(fixture("scanned.pdf"))) == QStringLiteral("no text layer (a scanned image?)"));
    CHECK(refusal(prepare(fixture("encrypted.pdf")))
        == QStringLiteral("encrypted PDF: it needs a password to be opened"));

    const QByteArray docx = bytesOf(fixture("dock-strike.docx"));
    CHECK(refusal(prepareBytes(QStringLiteral("cut.docx"), docx.left(docx.size() / 2)))
              .startsWith(QStringLiteral("damaged or truncated ZIP archive")));
    CHECK(refusal(prepareBytes(QStringLiteral("words.docx"), QByteArray("Just some words.\n")))
        == QStringLiteral("not a DOCX file (not a ZIP archive)"));
    const QByteArray pdf = bytesOf(fixture("dock-strike.pdf"));
    CHECK_FALSE(refusal(prepareBytes(QStringLiteral("cut.pdf"), pdf.left(600))).isEmpty());
    CHECK(refusal(prepareBytes(QStringLiteral("x.pdf"), QByteArray("%PDF-1.4\ngarbage\n")))
              .startsWith(QStringLiteral("damaged PDF")));
    CHECK(refusal(prepareBytes(QStringLiteral("e.rtf"), QByteArray("{\\rtf1{\\fonttbl{\\f0 Arial;}}}")))
        == QStringLiteral("no text in this RTF file"));
}

TEST_CASE("a ZIP bomb is refused within the size bound, whether or not it says how big it is", "[import][documents]")
{
    constexpr qint64 MiB = 1024 * 1024;
    // It says: refused from its header, nothing inflated.
    CHECK(refusal(prepare(fixture("bomb-2mib.docx"), MiB))
        == QStringLiteral("word/document.xml would inflate to 2.0 MiB (the limit is 1 MiB)"));
    // It lies (1000 bytes): inflating stops at the bound, or at the size it gave.
    CHECK_FALSE(refusal(prepare(fixture("liar-2mib.docx"), MiB)).isEmpty());
    // Within a bound that holds it, the same document is an article.
    CHECK(prepare(fixture("bomb-2mib.docx"), 4 * MiB).articles.size() == 1);
}

TEST_CASE("damaged XML in a DOCX is refused naming the part and the line", "[import][documents]")
{
    const QString reason = refusal(prepare(QStringLiteral(GLOSS_TEST_DATA "/hostile/damaged-xml.docx")));
    INFO(reason.toStdString());
    CHECK(reason.startsWith(QStringLiteral("damaged XML in word/document.xml (line 1: ")));
}

TEST_CASE("a folder of documents imports every good one and names each refused one", "[import][documents][engines]")
{
    QTemporaryDir dir;
    for (const char *name : {"dock-strike.docx", "dock-strike.odt", "dock-strike.rtf", "dock-strike.pdf",
             "wind-farm.docx", "encrypted.pdf", "scanned.pdf"})
        REQUIRE(QFile::copy(fixture(name), dir.filePath(QString::fromUtf8(name))));
    REQUIRE(QFile::copy(
        QStringLiteral(GLOSS_TEST_DATA "/hostile/truncated.docx"), dir.filePath(QStringLiteral("cut.docx"))));

    test::TempProject tp;
    const import::ImportReport report = tp.project().imports().importPaths({dir.path()});
    // The four dock-strike files hold the same article in four shapes (not the same text to the
    // letter: notes and tables differ), and the wind farm.
    CHECK(report.imported == 5);
    CHECK(report.refused.size() == 3);
    QStringList refused;
    for (const import::ImportProblem &p : report.refused)
        refused.append(QFileInfo(p.path).fileName() + u": " + p.reason.left(30));
    refused.sort();
    CHECK(refused.join(u'|')
        == QStringLiteral("cut.docx: damaged or truncated ZIP archi|encrypted.pdf: encrypted PDF: it needs a pass|"
                          "scanned.pdf: no text layer (a scanned image"));
}
