#pragma once

#include "model/exportrows.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gloss {
class Project;
}

namespace gloss::operations {

class Writer;

struct RefiExportOptions
{
    model::ExportScope scope; // which articles (and so which highlights, notes and set members)
    // Entities and dates found by extraction, as codes under the reserved top-level code
    // "Gloss extraction" with each mention a coded selection. Off by default: they are Gloss's
    // guesses, not the researcher's coding.
    bool withExtraction = false;
};

struct RefiExportResult
{
    QString error; // names the file and the reason; empty on success
    int sources = 0;
    int selections = 0;
    int codes = 0;
    int notes = 0;
    bool ok() const { return error.isEmpty(); }
};

// What a REFI-QDA import did, or why it did nothing.
struct RefiImportReport
{
    QString error; // the whole file refused (nothing of it stored); names the file and the reason
    int articles = 0; // new articles from text sources
    int articlesThere = 0; // text sources already in the project: their coding went to those articles
    int tags = 0; // tags created
    int tagsThere = 0; // codes that matched a tag already in the codebook
    int highlights = 0;
    int highlightsThere = 0; // identical highlights already there
    int notes = 0; // highlight and article notes set
    int sets = 0;
    int coders = 0; // users named as coders
    QStringList leftOut; // what was not imported, one line each, naming the part of the file
    QStringList warnings;
    bool ok() const { return error.isEmpty(); }
    // "3 articles, 12 highlights, 8 tags, 2 notes; 1 source left out"
    QString summary() const;
};

// REFI-QDA (the QDA-XML exchange standard of MAXQDA, NVivo, ATLAS.ti, QualCoder): a project as a
// .qdpx package and the codebook as a .qdc file, written from the project and read into it. The
// XML and the package are core/interchange/refi's, pure; here are the project's reads and writes.
// GUIDs are derived from Gloss's ids and a GUID the project keeps (meta "refi_project_guid"), so
// that two exports of the same project differ only where the project changed.
class RefiQda final
{
public:
    RefiQda(Project &project, Writer &writer)
        : m_project(project)
        , m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(RefiQda)

    // Writes the .qdpx whole or not at all.
    RefiExportResult exportProject(const QString &path, const RefiExportOptions &options = {});
    // Writes the codebook as a .qdc whole or not at all.
    RefiExportResult exportCodebook(const QString &path);

    // Reads a .qdpx into the project in one transaction (all of it or, on a failure, none), after a
    // verified backup ("before-import-qdpx"). Text sources become articles, codes tags, selections
    // highlights, users coders, notes notes, sets sets; what does not fit is in leftOut. A file that
    // cannot be read, or that tries to leave its archive, is refused whole. Throws OperationError
    // on a read-only project or when no backup could be taken, before anything is written.
    RefiImportReport importProject(const QString &path);
    // The same from bytes, without the backup (tests and the fuzzer).
    RefiImportReport importProjectBytes(const QByteArray &bytes, const QString &name);
    // Reads a .qdc (or the codebook of a project.qde) into the codebook: codes become tags under
    // their parents, those already there by path kept. One transaction.
    RefiImportReport importCodebook(const QString &path);

private:
    QString projectGuid();

    Project &m_project;
    Writer &m_writer;
};

} // namespace gloss::operations
