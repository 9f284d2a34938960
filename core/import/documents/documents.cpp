#include "import/documents/documents.h"

#include "import/documents/documentreaders.h"
#include "import/documents/zipparts.h"

#include <QFileInfo>

namespace gloss::import {

namespace {

DocumentKind kindOfPackage(const QByteArray &bytes)
{
    const documents::ZipParts zip(bytes);
    if (!zip.error().isEmpty())
        return DocumentKind::None;
    if (zip.contains("word/document.xml"))
        return DocumentKind::Docx;
    QString error;
    if (zip.contains("mimetype")) {
        const std::optional<QByteArray> type = zip.read("mimetype", 256, error);
        if (type && type->startsWith("application/vnd.oasis.opendocument."))
            return DocumentKind::Odt; // the reader refuses a spreadsheet or a drawing by name
    }
    return DocumentKind::None;
}

} // namespace

QString documentKindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::None:
        return {};
    case DocumentKind::Docx:
        return QStringLiteral("DOCX");
    case DocumentKind::Odt:
        return QStringLiteral("OpenDocument text");
    case DocumentKind::Rtf:
        return QStringLiteral("RTF");
    case DocumentKind::Pdf:
        return QStringLiteral("PDF");
    }
    return {};
}

DocumentKind detectDocument(const QString &fileName, const QByteArray &bytes)
{
    // The bytes first.
    if (bytes.startsWith("PK\x03\x04")) {
        const DocumentKind kind = kindOfPackage(bytes);
        if (kind != DocumentKind::None)
            return kind;
    }
    if (bytes.startsWith("{\\rtf"))
        return DocumentKind::Rtf;
    // A PDF may have a few bytes of something else before its header: then its extension says it
    // (a text that mentions "%PDF-" near its start is still a text).
    const QString ext = QFileInfo(fileName).suffix().toLower();
    if (bytes.startsWith("%PDF-") || (ext == u"pdf" && bytes.left(1024).contains("%PDF-")))
        return DocumentKind::Pdf;
    // Then the extension: such a file that is not what it says is refused as damaged.
    if (ext == u"docx")
        return DocumentKind::Docx;
    if (ext == u"odt")
        return DocumentKind::Odt;
    if (ext == u"rtf")
        return DocumentKind::Rtf;
    if (ext == u"pdf")
        return DocumentKind::Pdf;
    return DocumentKind::None;
}

DocumentParts readDocumentParts(DocumentKind kind, const QByteArray &bytes, qint64 maxBytes)
{
    DocumentParts parts;
    switch (kind) {
    case DocumentKind::None:
        parts.error = QStringLiteral("not a document");
        return parts;
    case DocumentKind::Docx:
        parts = documents::readDocx(bytes, maxBytes);
        break;
    case DocumentKind::Odt:
        parts = documents::readOdt(bytes, maxBytes);
        break;
    case DocumentKind::Rtf:
        parts = documents::readRtf(bytes);
        break;
    case DocumentKind::Pdf:
        parts = documents::readPdf(bytes);
        break;
    }
    if (parts.ok() && QStringView(parts.text).trimmed().isEmpty())
        parts.error = QStringLiteral("no text in this %1 file").arg(documentKindName(kind));
    if (!parts.ok())
        parts = DocumentParts{{}, {}, {}, {}, {}, {}, parts.error};
    return parts;
}

QString documentText(DocumentKind kind, const QByteArray &bytes, qint64 maxBytes)
{
    return readDocumentParts(kind, bytes, maxBytes).text;
}

Format documentTextFormat(const QString &fileName, const QString &text)
{
    const Format format = detectFormat(fileName, text);
    if (format == Format::Html || format == Format::Json || format == Format::JsonLines || format == Format::Csv
        || format == Format::Markdown)
        return Format::NewsText;
    return format;
}

void applyDocumentProperties(QList<model::Article> &articles, const DocumentParts &parts)
{
    if (articles.size() != 1)
        return;
    model::Article &article = articles.first();
    if (article.title.isEmpty() && !parts.title.isEmpty())
        article.title = parts.title;
    if (article.author.isEmpty() && !parts.author.isEmpty())
        article.author = parts.author;
    const auto addVariable = [&article](const QString &name, const QDateTime &when) {
        if (!when.isValid())
            return;
        for (const auto &v : std::as_const(article.variables))
            if (v.first == name)
                return;
        article.variables.append({name, when.toString(Qt::ISODate)});
    };
    addVariable(QStringLiteral("document_created"), parts.created);
    addVariable(QStringLiteral("document_modified"), parts.modified);
}

namespace documents {

QString joinBlocks(const QStringList &blocks, const QStringList &notes)
{
    QString text;
    const auto add = [&text](const QString &block) {
        // Trailing spaces and a block made of spaces only say nothing.
        qsizetype end = block.size();
        while (end > 0 && block.at(end - 1).isSpace())
            --end;
        if (end == 0)
            return;
        if (!text.isEmpty())
            text.append(u"\n\n");
        text.append(QStringView(block).left(end));
    };
    for (const QString &block : blocks)
        add(block);
    for (qsizetype i = 0; i < notes.size(); ++i)
        if (!QStringView(notes.at(i)).trimmed().isEmpty())
            add(notes.at(i));
    return text;
}

} // namespace documents

} // namespace gloss::import
