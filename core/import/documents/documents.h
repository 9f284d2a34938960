#pragma once

#include "import/reader.h"
#include "model/article.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace gloss::import {

// Word-processor and PDF files read as articles: their text is taken out here and then read as a
// news text file is (reader.h), so a layout recognised in text is recognised in them too.
enum class DocumentKind { None, Docx, Odt, Rtf, Pdf };

// "DOCX", "OpenDocument text", "RTF", "PDF".
QString documentKindName(DocumentKind kind);

// What a file is, by its bytes first (a ZIP holding word/document.xml or an OpenDocument text
// mimetype, "{\rtf", "%PDF-") and by its extension where the bytes do not say (a .docx that is
// not a ZIP is then refused as damaged, not read as text). None for every other file.
DocumentKind detectDocument(const QString &fileName, const QByteArray &bytes);

// The text of a document and what its properties say about it.
struct DocumentParts
{
    // Paragraphs separated by a blank line; a table row is one line, its cells separated by tabs;
    // footnotes and endnotes after the text, each on a line of its own opening with its mark.
    QString text;
    QString title; // the document's properties (often stale: used only when the text gives none)
    QString author;
    QDateTime created; // invalid when not given
    QDateTime modified;
    QString warning; // something the user should know; empty when nothing to say
    QString error; // why the file is refused; the rest is then empty
    bool ok() const { return error.isEmpty(); }
};

// The text and properties of a document of `kind`. No part of it is inflated past `maxBytes`
// (a ZIP bomb is refused without being inflated), and a damaged, encrypted or empty document is
// refused with a reason a user can act on.
DocumentParts readDocumentParts(DocumentKind kind, const QByteArray &bytes, qint64 maxBytes);

// Just the text (tests, tools).
QString documentText(DocumentKind kind, const QByteArray &bytes, qint64 maxBytes);

// The format a document's text is read in: the one detectFormat finds in the text (news text, or a
// news database's layout), but never a structured format a document's prose only looks like
// (a paragraph opening with "[" is not JSON).
Format documentTextFormat(const QString &fileName, const QString &text);

// What the document's properties add to the article read from its text: the title and author
// where the text gave none, the document's dates as variables (document_created,
// document_modified; not the publication date: they say when the file was written). Only for a
// document holding one article: the properties of a database export describe no article of it.
void applyDocumentProperties(QList<model::Article> &articles, const DocumentParts &parts);

} // namespace gloss::import
