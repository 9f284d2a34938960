// OpenDocument text: content.xml read with QXmlStreamReader (notes are inline there), the
// properties from meta.xml.
#include "import/documents/blockcollector.h"
#include "import/documents/documentreaders.h"
#include "import/documents/zipparts.h"

#include <QXmlStreamReader>

#include <algorithm>

namespace gloss::import::documents {

namespace {

// Comments, tracked changes (deleted text is kept there), the declarations of sequences and
// fields, and the repeated text of an index hold nothing of the text.
bool skipped(QStringView name)
{
    return name == u"annotation" || name == u"tracked-changes" || name == u"sequence-decls" || name == u"variable-decls"
        || name == u"user-field-decls" || name == u"forms" || name == u"table-of-content-source"
        || name == u"alphabetical-index-source" || name == u"table-columns" || name == u"table-column"
        || name == u"table-header-columns";
}

QString xmlError(const QXmlStreamReader &xml, const char *part)
{
    return QStringLiteral("damaged XML in %1 (line %2: %3)")
        .arg(QString::fromUtf8(part))
        .arg(xml.lineNumber())
        .arg(xml.errorString());
}

QString collapsed(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
            space = true;
            continue;
        }
        if (space)
            out.append(u' ');
        space = false;
        out.append(c);
    }
    if (space)
        out.append(u' ');
    return out;
}

void readMeta(const QByteArray &xmlBytes, DocumentParts &parts)
{
    QXmlStreamReader xml(xmlBytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == u"title")
            parts.title = xml.readElementText().simplified();
        else if (name == u"initial-creator" || (name == u"creator" && parts.author.isEmpty()))
            parts.author = xml.readElementText().simplified();
        else if (name == u"creation-date")
            parts.created = QDateTime::fromString(xml.readElementText().trimmed(), Qt::ISODate);
        else if (name == u"date")
            parts.modified = QDateTime::fromString(xml.readElementText().trimmed(), Qt::ISODate);
    }
}

} // namespace

DocumentParts readOdt(const QByteArray &bytes, qint64 maxBytes)
{
    DocumentParts parts;
    if (!bytes.startsWith("PK")) {
        parts.error = QStringLiteral("not an OpenDocument file (not a ZIP archive)");
        return parts;
    }
    const ZipParts zip(bytes);
    if (!zip.error().isEmpty()) {
        parts.error = zip.error();
        return parts;
    }
    QString error;
    if (const std::optional<QByteArray> type = zip.read("mimetype", 256, error)) {
        const QByteArray t = type->trimmed();
        if (t != "application/vnd.oasis.opendocument.text" && t != "application/vnd.oasis.opendocument.text-template") {
            const QByteArray kind = t.mid(t.lastIndexOf('.') + 1);
            parts.error = QStringLiteral("an OpenDocument %1, not a text document").arg(QString::fromLatin1(kind));
            return parts;
        }
    }
    const std::optional<QByteArray> content = zip.read("content.xml", maxBytes, error);
    if (!content) {
        parts.error = error;
        return parts;
    }
    if (zip.contains("meta.xml"))
        if (const std::optional<QByteArray> meta = zip.read("meta.xml", qint64(1) << 20, error))
            readMeta(*meta, parts);

    DocumentParts text = readOdtXml(*content);
    if (!text.ok())
        return text;
    parts.text = std::move(text.text);
    return parts;
}

DocumentParts readOdtXml(const QByteArray &content)
{
    DocumentParts parts;
    QXmlStreamReader xml(content);
    BlockCollector blocks;
    QStringList notes;
    QString citation;
    bool inText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"text" && xml.prefix() == u"office") {
                inText = true;
            } else if (!inText) {
                continue;
            } else if (skipped(name)) {
                xml.skipCurrentElement();
            } else if (name == u"p" || name == u"h") {
                blocks.beginParagraph();
            } else if (name == u"table") {
                blocks.beginTable();
            } else if (name == u"table-row") {
                blocks.beginRow();
            } else if (name == u"table-cell" || name == u"covered-table-cell") {
                blocks.beginCell();
            } else if (name == u"s") {
                const int count = xml.attributes().value(QStringLiteral("text:c")).toInt();
                blocks.append(QString(std::clamp(count, 1, 100), u' '));
            } else if (name == u"tab") {
                blocks.append(u"\t");
            } else if (name == u"line-break") {
                blocks.append(u"\n");
            } else if (name == u"note-citation") {
                citation = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            } else if (name == u"note-body") {
                blocks.beginNote();
            }
        } else if (xml.isEndElement() && inText) {
            if (name == u"text" && xml.prefix() == u"office") {
                inText = false;
            } else if (name == u"p" || name == u"h") {
                blocks.endParagraph();
            } else if (name == u"table-cell" || name == u"covered-table-cell") {
                blocks.endCell();
            } else if (name == u"table-row") {
                blocks.endRow();
            } else if (name == u"table") {
                blocks.endTable();
            } else if (name == u"note-body") {
                const QString note = blocks.endNote();
                if (!note.isEmpty()) {
                    const QString mark
                        = u'[' + (citation.isEmpty() ? QString::number(notes.size() + 1) : citation) + u']';
                    blocks.append(mark);
                    notes.append(mark + u' ' + note);
                }
                citation.clear();
            }
        } else if (xml.isCharacters() && inText) {
            blocks.append(collapsed(xml.text())); // ODF: a run of white space is one space
        }
    }
    if (xml.hasError()) {
        parts.error = xmlError(xml, "content.xml");
        return parts;
    }
    parts.text = joinBlocks(blocks.blocks(), notes);
    return parts;
}

} // namespace gloss::import::documents
