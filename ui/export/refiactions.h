#pragma once

#include "operations/refiqda.h"

class QString;
class QWidget;

namespace gloss::ui {

class Document;

// The window's REFI-QDA exchange (File > REFI-QDA): a project (.qdpx) or codebook (.qdc) for
// MAXQDA, NVivo, ATLAS.ti and QualCoder, written or read through operations::RefiQda, each with
// a message saying what was written, imported and left out.
void exportRefiProject(Document &document, QWidget *parent);
void exportRefiCodebook(Document &document, QWidget *parent);
void importRefiProject(Document &document, QWidget *parent);
void importRefiCodebook(Document &document, QWidget *parent);

// Writes the project at `projectPath` as a .qdpx on a worker thread with a read-only connection of
// its own, while a window-modal progress dialog over `parent` (shown after 400 ms) keeps the window
// painting; returns when the file is written whole or refused.
operations::RefiExportResult exportRefiProjectInBackground(
    const QString &projectPath, const QString &path, const operations::RefiExportOptions &options, QWidget *parent);

} // namespace gloss::ui
