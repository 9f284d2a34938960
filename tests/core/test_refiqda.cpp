// REFI-QDA: the .qdpx and .qdc Gloss writes (positions in code points, valid against the
// standard's schema, GUIDs stable), the round trip back into a project, files written the ways
// MAXQDA, NVivo, ATLAS.ti and QualCoder write them, and the files Gloss must refuse.
#include "import/refi/qdereader.h"
#include "import/refi/qdpxarchive.h"
#include "interchange/exporter.h"
#include "interchange/refi/qdewriter.h"
#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/entities.h"
#include "operations/interchange.h"
#include "operations/library.h"
#include "operations/project.h"
#include "operations/refiqda.h"
#include "operations/sets.h"
#include "operations/timeline.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <catch2/catch.hpp>

using namespace gloss;
namespace refi {
using namespace gloss::model::refi;
using namespace gloss::import::refi;
using namespace gloss::interchange::refi;
} // namespace refi

namespace {

const QString Fixtures = QStringLiteral(GLOSS_TEST_DATA "/refi");

QString fixture(const char *name)
{
    return Fixtures + u'/' + QString::fromUtf8(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Accents, emoji beyond the BMP and a joined family emoji: one code point is not one UTF-16 unit
// nor one byte.
const QString Body = QStringLiteral("Caf\u00E9 \U0001F642 na\u00EFve \U0001F469\u200D\U0001F469\u200D\U0001F467 said "
                                    "the mayor. The end \U0001F680");

struct Filled
{
    qint64 article = 0;
    qint64 second = 0;
};

Filled fill(test::TempProject &tp)
{
    Project &p = tp.project();
    Filled f;
    f.article = tp.addArticle(QStringLiteral("Café talk"), Body, QDate(2021, 3, 4));
    f.second = tp.addArticle(QStringLiteral("Second"), QStringLiteral("Plain text, nothing more."), QDate(2021, 3, 2));
    qint64 mood = 0;
    qint64 people = 0;
    qint64 mayor = 0;
    p.codebook().create(QStringLiteral("Mood"), 0, QStringLiteral("#ff8800"), QStringLiteral("How it feels"), &mood);
    p.codebook().create(QStringLiteral("People"), 0, {}, {}, &people);
    p.codebook().create(QStringLiteral("Mayor"), people, QStringLiteral("#0000ff"), {}, &mayor);
    const auto add
        = [&](qint64 article, const QString &quote, QList<qint64> tags, const QString &note, const QString &coder) {
              const QString body = article == f.article ? Body : QStringLiteral("Plain text, nothing more.");
              const qsizetype at = body.indexOf(quote);
              REQUIRE(at >= 0);
              model::Highlight h;
              h.articleId = article;
              h.start = text::toCodePoints(body, at);
              h.end = text::toCodePoints(body, at + quote.size());
              h.tagIds = tags;
              h.note = note;
              h.coder = coder;
              p.annotations().addHighlight(h);
          };
    add(f.article, QStringLiteral("na\u00EFve"), {mood}, QStringLiteral("a note, with \"quotes\""),
        QStringLiteral("ana"));
    add(f.article, QStringLiteral("\U0001F469\u200D\U0001F469\u200D\U0001F467"), {people}, {}, QStringLiteral("ben"));
    add(f.article, QStringLiteral("mayor"), {mayor, mood}, {}, QStringLiteral("ana"));
    add(f.article, QStringLiteral("\U0001F680"), {mood}, {}, {}); // the very end
    add(f.second, QStringLiteral("nothing"), {}, QStringLiteral("untagged"), QStringLiteral("ana"));
    p.annotations().setArticleNote(f.second, QStringLiteral("Check the source."));
    p.library().setVariable(f.article, QStringLiteral("section"), QStringLiteral("Politics"));
    p.library().setVariable(f.article, QStringLiteral("language"), QStringLiteral("fr"));
    p.sets().create(QStringLiteral("Sample"), {f.second});
    return f;
}

// The highlights export without its ids (article_id, highlight_id) and times, sorted.
QStringList highlightsWithoutIds(Project &p)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    interchange::ExportOptions options;
    options.layout = interchange::Layout::Highlights;
    REQUIRE(p.interchange().exportTo(buffer, options).ok());
    QStringList rows;
    for (const QString &line : QString::fromUtf8(buffer.data()).split(u'\n', Qt::SkipEmptyParts)) {
        QStringList cells = line.split(u',');
        cells.removeAt(4); // highlight_id
        cells.removeAt(0); // article_id
        rows.append(cells.join(u','));
    }
    rows.sort();
    return rows;
}

struct Exported
{
    refi::Project project;
    std::unique_ptr<refi::QdpxArchive> archive;
};

Exported readBack(const QString &path)
{
    Exported e;
    QString error;
    e.archive = refi::QdpxArchive::open(path, {}, error);
    INFO(error.toStdString());
    REQUIRE(e.archive);
    const refi::QdeReadResult read = refi::readProjectXml(e.archive->projectXml());
    INFO(read.error.toStdString());
    REQUIRE(read.error.isEmpty());
    e.project = read.project;
    return e;
}

QString sharedDir()
{
    return QStringLiteral(GLOSS_SHARED_DIR);
}

// xmllint's verdict on `xml` against `schema`; empty when it accepts it.
QString xmllint(const QByteArray &xml, const QString &schema, const QString &dir)
{
    const QString file = dir + QStringLiteral("/checked.xml");
    QFile f(file);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(xml);
    f.close();
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
    if (tool.isEmpty())
        return QStringLiteral("xmllint is not installed (libxml2-utils; tools/install-deps.sh installs it)");
    QProcess run;
    run.start(tool, {QStringLiteral("--noout"), QStringLiteral("--schema"), schema, file});
    REQUIRE(run.waitForFinished(60000));
    if (run.exitCode() == 0)
        return {};
    return QString::fromUtf8(run.readAllStandardError());
}

} // namespace

TEST_CASE("a qdpx counts positions in code points, with the end exclusive", "[refi]")
{
    test::TempProject tp;
    fill(tp);
    const QString path = tp.dir() + QStringLiteral("/study.qdpx");
    const operations::RefiExportResult result = tp.project().refiQda().exportProject(path);
    INFO(result.error.toStdString());
    REQUIRE(result.ok());
    CHECK(result.sources == 2);
    CHECK(result.selections == 5);
    const Exported e = readBack(path);
    REQUIRE(e.project.sources.size() == 2);
    const refi::Source &s = e.project.sources.first();
    CHECK(s.name == u"Café talk");
    REQUIRE(s.plainTextPath == u"internal://" + s.guid + u".txt");
    CHECK(e.archive->entries().contains(u"sources/" + s.guid + u".txt"));
    QString error;
    bool fatal = false;
    const auto bytes = e.archive->readInternal(s.plainTextPath, error, fatal);
    REQUIRE(bytes);
    const QString text = QString::fromUtf8(*bytes);
    CHECK(text == Body); // UTF-8, no byte order mark
    QStringList quotes;
    for (const refi::Selection &sel : s.selections)
        quotes.append(text::sliceCodePoints(text, sel.start, sel.end));
    CHECK(quotes.contains(QStringLiteral("na\u00EFve")));
    CHECK(quotes.contains(QStringLiteral("\U0001F469\u200D\U0001F469\u200D\U0001F467")));
    CHECK(quotes.contains(QStringLiteral("\U0001F680")));
    // "naïve" starts after "Café 🙂 ": 7 code points, though 8 UTF-16 units and 11 bytes.
    bool sawNaive = false;
    for (const refi::Selection &sel : s.selections)
        if (sel.start == 7) {
            CHECK(sel.end == 12);
            sawNaive = true;
        }
    CHECK(sawNaive);
    qint64 lastEnd = 0;
    for (const refi::Selection &sel : s.selections)
        lastEnd = std::max(lastEnd, sel.end);
    CHECK(lastEnd == text::codePointLength(Body));
}

TEST_CASE("a qdpx carries codes, coders, notes, variables, cases and sets", "[refi]")
{
    test::TempProject tp;
    const Filled f = fill(tp);
    const QString path = tp.dir() + QStringLiteral("/study.qdpx");
    REQUIRE(tp.project().refiQda().exportProject(path).ok());
    const Exported e = readBack(path);
    const refi::Project &p = e.project;
    REQUIRE(p.codes.size() == 2);
    CHECK(p.codes.at(0).name == u"Mood");
    CHECK(p.codes.at(0).color == u"#ff8800");
    CHECK(p.codes.at(0).description == u"How it feels");
    REQUIRE(p.codes.at(1).children.size() == 1);
    CHECK(p.codes.at(1).children.at(0).name == u"Mayor");
    QStringList users;
    for (const refi::User &u : p.users)
        users.append(u.name);
    CHECK(users == QStringList{QStringLiteral("ana"), QStringLiteral("ben")});
    QStringList notes;
    for (const refi::Note &n : p.notes)
        notes.append(n.text);
    CHECK(notes.contains(QStringLiteral("a note, with \"quotes\"")));
    CHECK(notes.contains(QStringLiteral("Check the source.")));
    REQUIRE(p.sources.size() == 2);
    CHECK(p.sources.at(1).noteGuids.size() == 1);
    QStringList variables;
    for (const refi::Variable &v : p.variables)
        variables.append(v.name);
    CHECK(variables.contains(QStringLiteral("Published")));
    CHECK(variables.contains(QStringLiteral("section")));
    REQUIRE(p.cases.size() == 1);
    CHECK(p.cases.first().sourceGuids == QStringList{p.sources.first().guid});
    REQUIRE(p.sets.size() == 1);
    CHECK(p.sets.first().name == u"Sample");
    CHECK(p.sets.first().sourceGuids == QStringList{p.sources.at(1).guid});
    Q_UNUSED(f)
}

TEST_CASE("every exported project.qde and codebook passes the standard's schema", "[refi][schema]")
{
    const QString projectSchema = sharedDir() + QStringLiteral("/refi-qda/Project-mrt2019.xsd");
    if (!QFile::exists(projectSchema)) {
        WARN("skipped: " << projectSchema.toStdString()
                         << " is missing (configure with -DGLOSS_SHARED_DIR=the folder holding refi-qda/)");
        return;
    }
    test::TempProject tp;
    // An empty project first, then a full one, then with extraction.
    QString path = tp.dir() + QStringLiteral("/empty.qdpx");
    REQUIRE(tp.project().refiQda().exportProject(path).ok());
    CHECK(xmllint(readBack(path).archive->projectXml(), projectSchema, tp.dir()).toStdString() == "");
    fill(tp);
    path = tp.dir() + QStringLiteral("/full.qdpx");
    REQUIRE(tp.project().refiQda().exportProject(path).ok());
    CHECK(xmllint(readBack(path).archive->projectXml(), projectSchema, tp.dir()).toStdString() == "");
    operations::RefiExportOptions withExtraction;
    withExtraction.withExtraction = true;
    REQUIRE(tp.project().refiQda().exportProject(path, withExtraction).ok());
    CHECK(xmllint(readBack(path).archive->projectXml(), projectSchema, tp.dir()).toStdString() == "");

    // The codebook schema is printed in the specification (5.2); validated when it is kept beside.
    const QString codebookSchema = sharedDir() + QStringLiteral("/refi-qda/Codebook.xsd");
    const QString qdc = tp.dir() + QStringLiteral("/codebook.qdc");
    REQUIRE(tp.project().refiQda().exportCodebook(qdc).ok());
    if (QFile::exists(codebookSchema))
        CHECK(xmllint(readAll(qdc), codebookSchema, tp.dir()).toStdString() == "");
    else
        WARN("the codebook schema was not checked: " << codebookSchema.toStdString() << " is missing");
}

TEST_CASE("two exports of the same project differ only in their time", "[refi]")
{
    test::TempProject tp;
    fill(tp);
    const QString a = tp.dir() + QStringLiteral("/a.qdpx");
    const QString b = tp.dir() + QStringLiteral("/b.qdpx");
    REQUIRE(tp.project().refiQda().exportProject(a).ok());
    tp.reopen();
    REQUIRE(tp.project().refiQda().exportProject(b).ok());
    // The project's modifiedDateTime (the first) is the time of the export; all else is the same.
    static const QRegularExpression time(QStringLiteral("modifiedDateTime=\"[^\"]*\""));
    QString first = QString::fromUtf8(readBack(a).archive->projectXml());
    QString second = QString::fromUtf8(readBack(b).archive->projectXml());
    const auto dropFirst = [](QString &xml) {
        const QRegularExpressionMatch m = time.match(xml);
        REQUIRE(m.hasMatch());
        xml.remove(m.capturedStart(), m.capturedLength());
    };
    dropFirst(first);
    dropFirst(second);
    CHECK(first == second);
}

TEST_CASE("Gloss to qdpx to Gloss gives the same highlights, ids aside", "[refi]")
{
    test::TempProject from;
    fill(from);
    const QString path = from.dir() + QStringLiteral("/study.qdpx");
    REQUIRE(from.project().refiQda().exportProject(path).ok());

    test::TempProject to;
    const operations::RefiImportReport report = to.project().refiQda().importProject(path);
    INFO(report.error.toStdString());
    REQUIRE(report.ok());
    CHECK(report.leftOut.isEmpty());
    CHECK(report.articles == 2);
    CHECK(report.highlights == 5);
    CHECK(report.tags == 3);
    CHECK(highlightsWithoutIds(to.project()) == highlightsWithoutIds(from.project()));
    // Article metadata, variables, the article note and the set came along.
    const QList<qint64> ids = to.project().library().ids({}, model::ArticleOrder::Title);
    REQUIRE(ids.size() == 2);
    const auto cafe = to.project().library().article(ids.at(0));
    REQUIRE(cafe);
    CHECK(cafe->title == u"Café talk");
    CHECK(cafe->published == QDate(2021, 3, 4));
    CHECK(cafe->source == u"Test Wire");
    CHECK(model::variableValue(cafe->variables, QStringLiteral("section")) == u"Politics");
    CHECK(to.project().annotations().articleNote(ids.at(1)) == u"Check the source.");
    const auto set = to.project().sets().find(QStringLiteral("Sample"));
    REQUIRE(set);
    CHECK(to.project().sets().articles(*set) == QList<qint64>{ids.at(1)});

    // Importing it again adds nothing: the articles and highlights are there already.
    const operations::RefiImportReport again = to.project().refiQda().importProject(path);
    REQUIRE(again.ok());
    CHECK(again.articles == 0);
    CHECK(again.articlesThere == 2);
    CHECK(again.highlights == 0);
    CHECK(again.highlightsThere == 5);
    CHECK(highlightsWithoutIds(to.project()) == highlightsWithoutIds(from.project()));
}

TEST_CASE("articles from a qdpx get their entities and dates found, as any imported article", "[refi]")
{
    test::TempProject from;
    from.addArticle(QStringLiteral("Summit"),
        QStringLiteral("PARIS - Angela Merkel met Emmanuel Macron in Paris on Thursday, their offices said."),
        QDate(2021, 3, 5));
    const QString path = from.dir() + QStringLiteral("/study.qdpx");
    REQUIRE(from.project().refiQda().exportProject(path).ok());

    test::TempProject to;
    const operations::RefiImportReport report = to.project().refiQda().importProject(path);
    INFO(report.error.toStdString());
    REQUIRE(report.ok());
    REQUIRE(report.articles == 1);
    const QList<qint64> ids = to.project().library().ids({}, model::ArticleOrder::Title);
    REQUIRE(ids.size() == 1);
    QStringList names;
    for (const model::Entity &e : to.project().entities().forArticle(ids.first()))
        names.append(e.name);
    INFO(names.join(QStringLiteral(" | ")).toStdString());
    CHECK(names.contains(QStringLiteral("Angela Merkel")));
    CHECK(names.contains(QStringLiteral("Emmanuel Macron")));
    QStringList dates;
    for (const model::TimeRef &t : to.project().timeline().forArticle(ids.first()))
        dates.append(t.text + u'=' + t.value);
    INFO(dates.join(QStringLiteral(" | ")).toStdString());
    CHECK(dates.contains(QStringLiteral("Thursday=2021-03-04")));
}

TEST_CASE("a codebook goes out as .qdc and comes back with its tree, colours and descriptions", "[refi]")
{
    test::TempProject from;
    fill(from);
    const QString qdc = from.dir() + QStringLiteral("/codebook.qdc");
    REQUIRE(from.project().refiQda().exportCodebook(qdc).ok());
    test::TempProject to;
    const operations::RefiImportReport report = to.project().refiQda().importCodebook(qdc);
    REQUIRE(report.ok());
    CHECK(report.tags == 3);
    const auto mayor = to.project().codebook().find(QStringLiteral("People > Mayor"));
    REQUIRE(mayor);
    CHECK(to.project().codebook().tag(*mayor)->color == u"#0000ff");
    const auto mood = to.project().codebook().find(QStringLiteral("Mood"));
    REQUIRE(mood);
    CHECK(to.project().codebook().tag(*mood)->description == u"How it feels");
    // Again: every code is there already.
    const operations::RefiImportReport again = to.project().refiQda().importCodebook(qdc);
    CHECK(again.tags == 0);
    CHECK(again.tagsThere == 3);
}

TEST_CASE("projects written the ways MAXQDA, NVivo, ATLAS.ti and QualCoder write them import", "[refi][fixtures]")
{
    test::TempProject tp;
    Project &p = tp.project();
    const auto quotes = [&](const QString &title) {
        QStringList out;
        for (const qint64 id : p.library().ids({}))
            if (p.library().article(id)->title == title)
                for (const model::Highlight &h : p.annotations().highlights(id))
                    out.append(h.quote + u'|' + h.coder + u'|' + QString::number(h.tagIds.size()));
        out.sort();
        return out;
    };

    SECTION("MAXQDA: upper-case GUIDs, an upper-case file name, CRLF, document variables, the very end")
    {
        const operations::RefiImportReport r = p.refiQda().importProject(fixture("maxqda.qdpx"));
        INFO(r.error.toStdString());
        REQUIRE(r.ok());
        CHECK(r.leftOut.isEmpty());
        CHECK(quotes(QStringLiteral("Mayor interview"))
            == QStringList{
                QStringLiteral("The budget is balanced.|Anna|1"), QStringLiteral("The council disagreed.|Anna|1")});
        const auto a = p.library().article(p.library().ids({}).first());
        CHECK(a->published == QDate(2023, 5, 17));
        CHECK(model::variableValue(a->variables, QStringLiteral("region")) == u"North");
        CHECK(!a->body.contains(u'\r'));
        CHECK(p.codebook().find(QStringLiteral("Economy > Budget")));
        CHECK(p.codebook().tag(*p.codebook().find(QStringLiteral("Economy > Budget")))->color == u"#00ff00");
    }
    SECTION("NVivo: GUIDs in braces, cases, notes, two coders on one selection, a set")
    {
        const operations::RefiImportReport r = p.refiQda().importProject(fixture("nvivo.qdpx"));
        REQUIRE(r.ok());
        CHECK(quotes(QStringLiteral("Zürich tax"))
            == QStringList{QStringLiteral("Critics call it unfair|Chloé|1"), QStringLiteral("fear the new tax|Ben|1"),
                QStringLiteral("fear the new tax|Chloé|1")});
        const qint64 id = p.library().ids({}).first();
        CHECK(model::variableValue(p.library().article(id)->variables, QStringLiteral("outlet")) == u"Tages-Anzeiger");
        CHECK(p.annotations().articleNote(id) == u"From the print edition.");
        CHECK(p.annotations().highlights(id).first().note.contains(u"Both coders agree."));
        CHECK(p.sets().find(QStringLiteral("Swiss press")));
    }
    SECTION("ATLAS.ti: comments in Description, a PDF's representation, pictures and audio left out")
    {
        const operations::RefiImportReport r = p.refiQda().importProject(fixture("atlasti.qdpx"));
        REQUIRE(r.ok());
        CHECK(quotes(QStringLiteral("Mabêl 2ième")) == QStringList{QStringLiteral("Diet Coke|Friedrich Markgraf|1")});
        CHECK(quotes(QStringLiteral("Report")) == QStringList{QStringLiteral("Rushed||1")});
        CHECK(r.leftOut.size() == 2);
        CHECK(r.leftOut.join(u'\n').contains(u"picture source \"cornflakes-n-milk.jpg\""));
        CHECK(r.leftOut.join(u'\n').contains(u"audio source \"talk.m4a\""));
        CHECK(p.codebook().find(QStringLiteral("Coke::diet Coke")));
    }
    SECTION("QualCoder: inline text, emoji positions, a byte order mark not counted, links left out")
    {
        const operations::RefiImportReport r = p.refiQda().importProject(fixture("qualcoder.qdpx"));
        REQUIRE(r.ok());
        CHECK(quotes(QStringLiteral("oil"))
            == QStringList{QStringLiteral("Ende|default|1"), QStringLiteral("\U0001F680\U0001F680|default|1")});
        CHECK(quotes(QStringLiteral("bom")) == QStringList{QStringLiteral("First||1")});
        CHECK(r.leftOut == QStringList{QStringLiteral("1 links between items (Gloss has no links)")});
    }
    SECTION("an empty project imports as nothing")
    {
        const operations::RefiImportReport r = p.refiQda().importProject(fixture("empty.qdpx"));
        REQUIRE(r.ok());
        CHECK(p.library().count() == 0);
        CHECK(r.summary().startsWith(u"0 articles"));
    }
}

TEST_CASE("a selection beyond its source's end is reported and the rest imported", "[refi]")
{
    test::TempProject tp;
    const operations::RefiImportReport r = tp.project().refiQda().importProject(fixture("beyond-end.qdpx"));
    REQUIRE(r.ok());
    CHECK(r.highlights == 1);
    REQUIRE(r.leftOut.size() == 1);
    CHECK(r.leftOut.first().contains(u"selection 6..500 is beyond the source's end (the text has 11 characters)"));
}

TEST_CASE("bad qdpx files are refused whole, naming the file and the reason", "[refi][hostile]")
{
    test::TempProject tp;
    const qint64 before = tp.addArticle(QStringLiteral("Already here"), QStringLiteral("Some text."));
    const auto refused = [&](const char *name, const char *reason) {
        const QString path = fixture(name);
        const operations::RefiImportReport r = tp.project().refiQda().importProject(path);
        INFO(name);
        CHECK(!r.ok());
        CHECK(r.error.startsWith(path + u": "));
        CHECK(r.error.contains(QString::fromUtf8(reason)));
        CHECK(tp.project().library().ids({}) == QList<qint64>{before});
        CHECK(tp.project().codebook().tags().isEmpty());
    };
    refused("not-a-zip.qdpx", "not one");
    refused("no-project.qdpx", "no project.qde");
    refused("bad-xml.qdpx", "project.qde cannot be read: line 2");
    refused("dotdot-entry.qdpx", "a path that leaves the archive (\"../evil.txt\")");
    refused("absolute-entry.qdpx", "an absolute path (\"/tmp/evil.txt\")");
    refused("dotdot-path.qdpx", "a path that leaves the archive (\"../../etc/passwd\")");
    refused("absolute-path.qdpx", "outside the archive");
    refused("bomb.qdpx", "would inflate to 80 MiB (the limit is 64 MiB)");
    // Nothing was written beside the fixtures or the project.
    QStringList written;
    for (const QString &dir : {Fixtures, tp.dir()}) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (f.contains(u"evil") || f.contains(u"passwd"))
                written.append(f);
        }
    }
    CHECK(written.isEmpty());
}

TEST_CASE("a read-only project refuses a qdpx import before reading it", "[refi]")
{
    test::TempProject tp;
    tp.close();
    auto opened = Project::open(tp.path(), Project::Access::ReadOnly);
    REQUIRE(opened.project);
    CHECK_THROWS(opened.project->refiQda().importProject(fixture("maxqda.qdpx")));
}
