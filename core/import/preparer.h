#pragma once

#include "import/importer.h"
#include "model/article.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace gloss::import {

// One source of an import: a file by its path, or bytes given in memory.
struct ImportSource
{
    QString name;
    QByteArray data;
    bool inMemory = false;
};

// What reading made of one source: its articles, parsed, hashed and analysed, and what the report
// says about the file.
struct PreparedFile
{
    QString name;
    qint64 bytes = 0;
    QList<ImportProblem> refused;
    QList<ImportProblem> warnings;
    QList<model::Article> articles;
    QList<std::function<void(Project &, const model::Article &)>> stores; // from analyse, one per article
};

// The reading half of an import, which touches no project: reads, decodes, parses and analyses
// the sources (dates, entities: most of an import's work) on two threads a few files ahead of the
// thread that stores them. Reader k prepares sources k, k + 2, k + 4, ... into a bounded queue of
// its own, and next() takes from the two in turn, so files come out in the order given. The
// readers stop at the options' cancel flag, or when the Preparer is destroyed.
class Preparer final
{
public:
    Preparer(QList<ImportSource> sources, ImportOptions options);
    ~Preparer(); // stops the readers and waits for them
    Preparer(const Preparer &) = delete;
    Preparer &operator=(const Preparer &) = delete;

    // The next source, prepared; nothing when the readers stopped before it (cancelled).
    std::optional<PreparedFile> next();

    // Prepares one source on the calling thread.
    static PreparedFile prepare(const ImportSource &source, const ImportOptions &options);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace gloss::import
