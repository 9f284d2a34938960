#pragma once

#include "import/importer.h"
#include "import/preparer.h"

#include <QList>
#include <QStringList>
#include <QtGlobal>

namespace gloss {
class Project;
}

namespace gloss::operations {

class Writer;

// Importing articles: files, folders and in-memory files read with the reader each format needs
// (core/import, on two threads ahead of this one), each article stored whole (with its search
// index entry and whatever the options' afterInsert adds) or not at all, exact duplicates
// skipped. The writes go in batches of options.batchSize articles, one transaction each, with
// synchronous=NORMAL while importing; a cancelled or failed import keeps the batches that
// committed. Not thread-safe: to import on a worker thread, open a Project on the same path in
// that thread and import through it. A read-only project is refused up front (OperationError).
// There is no Undo: an import adds articles in bulk, and removing them is its own work.
class Imports final
{
public:
    Imports(Project &project, Writer &writer)
        : m_project(project)
        , m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Imports)

    // Files and folders (see import::collectFiles for which files a folder gives).
    gloss::import::ImportReport importPaths(const QStringList &paths, const import::ImportOptions &options = {});
    gloss::import::ImportReport importFiles(
        const QList<import::InMemoryFile> &files, const import::ImportOptions &options = {});

    // Whether the sample articles were added to this project once (the first run of the default
    // project adds them), and recording that they were. Storage failures are OperationErrors.
    bool samplesAdded();
    void recordSamplesAdded();

private:
    gloss::import::ImportReport run(const QList<import::ImportSource> &sources,
        QList<import::ImportProblem> refusedBefore, gloss::import::ImportOptions options);

    Project &m_project;
    Writer &m_writer;
};

} // namespace gloss::operations
