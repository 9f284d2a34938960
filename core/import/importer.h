#pragma once

#include "model/article.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace gloss {
class Project;
}

namespace gloss::import {

// A file (or a record of one) that was not imported, or something the user should know about
// one that was. `path` is the file; `reason` says why, naming the line for a record.
struct ImportProblem
{
    QString path;
    QString reason;
    QString text() const { return path + u": " + reason; }
};

// Where an import has got to, for a progress bar.
struct ImportProgress
{
    int filesDone = 0;
    int filesTotal = 0;
    QString currentFile;
    int imported = 0;
};

// What an import did. The project holds exactly `imported` new articles (`articleIds`).
struct ImportReport
{
    int imported = 0;
    int duplicates = 0;
    QList<ImportProblem> refused;
    QList<ImportProblem> warnings;
    QList<qint64> articleIds;
    int files = 0; // files read (refused ones included)
    qint64 bytes = 0; // bytes read
    bool cancelled = false;
    // "imported N, duplicates M, refused K"
    QString summary() const;
};

// A file given as bytes rather than a path: Qt resources, drops from other applications, tests.
struct InMemoryFile
{
    QString name; // shown in reports and stored as the article's path; its extension helps detection
    QByteArray data;
};

struct ImportOptions
{
    qint64 maxFileBytes = qint64(64) * 1024 * 1024;
    int batchSize = 200; // articles per transaction
    // Runs for each new article inside the transaction that stores it (entity and time
    // extraction). If it throws, the article is not stored and is reported as refused. The
    // article's search index entry is added when its batch commits, not before.
    std::function<void(Project &, const model::Article &)> afterInsert;
    // The part of the extraction that needs the article only (no project): runs on the reading
    // thread, beside the thread that stores, and returns what to run for the article inside the
    // transaction that stores it (before afterInsert, with the same rules). Must be thread-safe.
    std::function<std::function<void(Project &, const model::Article &)>(const model::Article &)> analyse;
    // Runs once on the importing thread before the reading thread starts: reads from the project
    // what analyse needs (the entity names the researcher taught).
    std::function<void(Project &)> prepare;
    // Called after each file and every few articles, on the importing thread.
    std::function<void(const ImportProgress &)> progress;
    // Set from another thread to stop; the articles finished so far stay.
    const std::atomic_bool *cancel = nullptr;
};

// The files an import of `paths` reads, in order: files as given, folders recursively (hidden
// files, README/LICENSE files and the project's own files skipped inside folders, symbolic link
// loops followed once). Paths may be Qt resource paths (":/samples"). A path that does not exist
// is refused, and so is a file that is plainly not an article (source code, a style sheet, an
// image, an archive, a build file: see notArticleKind), named or inside a folder. The import itself is operations::Imports'; the reading is Preparer's.
QStringList collectFiles(const QStringList &paths, QList<ImportProblem> &refused, const QString &projectPath = {});

} // namespace gloss::import
