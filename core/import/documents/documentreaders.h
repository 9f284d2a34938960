#pragma once
// The readers behind readDocumentParts, one per kind (internal to import/documents).
#include "import/documents/documents.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace gloss::import::documents {

DocumentParts readDocx(const QByteArray &bytes, qint64 maxBytes);
DocumentParts readOdt(const QByteArray &bytes, qint64 maxBytes);
// The text of word/document.xml (with the notes of word/footnotes.xml and word/endnotes.xml by
// id) and of an ODF content.xml: the XML readers, apart from the packages (the fuzz targets).
DocumentParts readDocxXml(const QByteArray &document, const QHash<QString, QString> &footnotes = {},
    const QHash<QString, QString> &endnotes = {});
DocumentParts readOdtXml(const QByteArray &content);
DocumentParts readRtf(const QByteArray &bytes);
DocumentParts readPdf(const QByteArray &bytes);

// The blocks of a document (paragraphs, table rows) joined as DocumentParts::text has them, and
// its notes after them: "[1] The note."
QString joinBlocks(const QStringList &blocks, const QStringList &notes = {});

} // namespace gloss::import::documents
