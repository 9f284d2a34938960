#pragma once

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

} // namespace gloss::ui
