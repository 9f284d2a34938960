// Fuzz target: reading an exported highlights CSV back (`gloss import-annotations`), into a project
// holding a few sample articles (and one more with a sample's title and date), made once per
// process. Each input is read in a transaction that is rolled back, so inputs never see each
// other's highlights. The file may refuse rows, never store a highlight that is not the text at
// its span.
#include "csv/csvreader.h"
#include "fuzzinput.h"
#include "import/importer.h"
#include "interchange/annotationimporter.h"
#include "operations/imports.h"
#include "operations/interchange.h"
#include "operations/project.h"
#include "storage/sqlite/sqlitestore.h"
#include "storage/sqlite/transaction.h"

#include <QStringDecoder>
#include <QTemporaryDir>

#include <memory>

namespace {

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<gloss::Project> project;
    QHash<qint64, QList<uint>> bodies; // each article's body as code points, as offsets count
};

Fixture &fixture()
{
    static Fixture *f = [] {
        auto *x = new Fixture;
        auto opened = gloss::Project::open(x->dir.filePath(QStringLiteral("fuzz.gloss")));
        if (!opened.project)
            gloss::fuzz::fail("cannot create the project", opened.error);
        x->project = std::move(opened.project);
        const QString samples = QStringLiteral(GLOSS_SAMPLES_DIR);
        QStringList files;
        for (const char *name : {"01-ghani-offers-taliban-talks.txt", "02-ghani-announces-eid-truce.txt",
                 "06-social-media-ceasefire-emoji.txt", "10-spanish-olive-growers.txt",
                 "22-sao-paulo-landslides-utf16.txt"})
            files.append(samples + u'/' + QString::fromLatin1(name));
        const gloss::import::ImportReport report = x->project->imports().importPaths(files);
        if (report.imported != files.size())
            gloss::fuzz::fail("cannot import the samples", report.summary());
        // A second article with the first one's title and date: rows must find theirs by text.
        auto first = x->project->store().articles().get(report.articleIds.first());
        first->id = 0;
        first->body = QStringLiteral("Another story under the same headline, with its own words 😀.");
        first->contentHash.clear();
        x->project->store().articles().insert(*first);
        for (const qint64 id : x->project->store().articles().ids({}))
            x->bodies.insert(id, x->project->store().articles().get(id)->body.toUcs4());
        return x;
    }();
    return *f;
}

QString cell(const QList<uint> &codePoints, qint64 start, qint64 end)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()) + start, end - start);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // As importFile reads a file: UTF-8, a BOM dropped, anything else refused.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString csv = decoder.decode(gloss::fuzz::bytesOf(data, size));
    if (decoder.hasError())
        return 0;

    Fixture &f = fixture();
    gloss::Project &project = *f.project;
    gloss::storage::sqlite::Transaction undo(*gloss::storage::sqlite::databaseOf(project.store())); // never committed
    const qint64 before = project.store().highlights().count();
    const gloss::interchange::AnnotationImportReport report
        = project.interchange().importAnnotationsText(csv, QStringLiteral("fuzz.csv"));
    const qint64 added = project.store().highlights().count() - before;

    if (!report.error.isEmpty() && (added != 0 || !report.refused.isEmpty()))
        gloss::fuzz::fail("a file refused as a whole changed the project", report.error);
    if (added != report.highlightsCreated)
        gloss::fuzz::fail("highlights created and reported differ", QString::number(added));
    if (report.highlightsCreated + report.duplicates > report.rows)
        gloss::fuzz::fail("more highlights than rows", QString::number(report.rows));
    // A refusal names a row as a spreadsheet numbers it: blank rows count, the header is row 1.
    int spreadsheetRows = 0;
    {
        gloss::csv::CsvReader reader(csv);
        QStringList fields;
        int line = 0;
        while (reader.next(fields, line))
            ++spreadsheetRows;
    }
    for (const gloss::interchange::ImportRefusal &r : report.refused)
        if (r.row < 2 || r.row > spreadsheetRows || r.reason.isEmpty())
            gloss::fuzz::fail("a refusal without a data row or a reason", QString::number(r.row) + u": " + r.reason);
    for (auto it = f.bodies.constBegin(); it != f.bodies.constEnd(); ++it)
        for (const gloss::model::Highlight &h : project.store().highlights().forArticle(it.key()))
            if (h.start < 0 || h.end <= h.start || h.end > it->size() || cell(*it, h.start, h.end) != h.quote)
                gloss::fuzz::fail("a highlight that is not the text at its span",
                    QStringLiteral("%1..%2 \"%3\"").arg(h.start).arg(h.end).arg(h.quote));
    for (const gloss::model::Tag &t : project.store().tags().allWithoutCounts())
        if (t.name.isEmpty() || t.name != t.name.trimmed())
            gloss::fuzz::fail("a tag without a clean name", t.name);
    return 0;
}
