// DOCX (Office Open XML WordprocessingML): word/document.xml read with QXmlStreamReader, the notes
// from word/footnotes.xml and word/endnotes.xml, the properties from docProps/core.xml.
#include "import/documents/blockcollector.h"
#include "import/documents/documentreaders.h"
#include "import/documents/zipparts.h"

#include <QHash>
#include <QXmlStreamReader>

namespace gloss::import::documents {

namespace {

// Properties of a paragraph, a run or a table, the fallback of a compatibility block (it repeats
// the choice before it) and deleted text hold nothing of the text.
bool skipped(QStringView name)
{
    return name == u"pPr" || name == u"rPr" || name == u"tblPr" || name == u"trPr" || name == u"tcPr"
        || name == u"sectPr" || name == u"tblGrid" || name == u"Fallback" || name == u"del" || name == u"instrText"
        || name == u"sdtPr";
}

QString xmlError(const QXmlStreamReader &xml, const char *part)
{
    return QStringLiteral("damaged XML in %1 (line %2: %3)")
        .arg(QString::fromUtf8(part))
        .arg(xml.lineNumber())
        .arg(xml.errorString());
}

// The notes of word/footnotes.xml or word/endnotes.xml by their id.
QHash<QString, QString> readNotes(const QByteArray &xmlBytes, const char *part, QString &error)
{
    QHash<QString, QString> notes;
    QXmlStreamReader xml(xmlBytes);
    BlockCollector blocks;
    QString id;
    int runDepth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (skipped(name)) {
                xml.skipCurrentElement();
            } else if (name == u"footnote" || name == u"endnote") {
                id = xml.attributes().value(QStringLiteral("w:id")).toString();
                blocks.beginNote();
            } else if (name == u"p") {
                blocks.beginParagraph();
            } else if (name == u"r") {
                ++runDepth;
            } else if (name == u"t") {
                blocks.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            } else if (runDepth > 0 && name == u"tab") {
                blocks.append(u" ");
            }
        } else if (xml.isEndElement()) {
            if (name == u"footnote" || name == u"endnote") {
                const QString text = blocks.endNote();
                if (!id.isEmpty() && !text.isEmpty())
                    notes.insert(id, text);
            } else if (name == u"p") {
                blocks.endParagraph();
            } else if (name == u"r") {
                --runDepth;
            }
        }
    }
    if (xml.hasError())
        error = xmlError(xml, part);
    return notes;
}

void readCoreProperties(const QByteArray &xmlBytes, DocumentParts &parts)
{
    QXmlStreamReader xml(xmlBytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == u"title")
            parts.title = xml.readElementText().simplified();
        else if (name == u"creator")
            parts.author = xml.readElementText().simplified();
        else if (name == u"created")
            parts.created = QDateTime::fromString(xml.readElementText().trimmed(), Qt::ISODate);
        else if (name == u"modified")
            parts.modified = QDateTime::fromString(xml.readElementText().trimmed(), Qt::ISODate);
    }
    // Damaged properties lose the properties only: the text is what matters.
}

} // namespace

DocumentParts readDocx(const QByteArray &bytes, qint64 maxBytes)
{
    DocumentParts parts;
    if (!bytes.startsWith("PK")) {
        parts.error = QStringLiteral("not a DOCX file (not a ZIP archive)");
        return parts;
    }
    const ZipParts zip(bytes);
    if (!zip.error().isEmpty()) {
        parts.error = zip.error();
        return parts;
    }
    QString error;
    const std::optional<QByteArray> document = zip.read("word/document.xml", maxBytes, error);
    if (!document) {
        parts.error = error;
        return parts;
    }
    // The notes: a reference in the text becomes "[n]", the note "[n] text" after the text.
    QHash<QString, QString> footnotes;
    QHash<QString, QString> endnotes;
    for (const auto &[part, notes] :
        {std::pair{"word/footnotes.xml", &footnotes}, std::pair{"word/endnotes.xml", &endnotes}}) {
        if (!zip.contains(part))
            continue;
        const std::optional<QByteArray> xml = zip.read(part, maxBytes, error);
        if (!xml) {
            parts.error = error;
            return parts;
        }
        *notes = readNotes(*xml, part, error);
        if (!error.isEmpty()) {
            parts.error = error;
            return parts;
        }
    }
    if (zip.contains("docProps/core.xml"))
        if (const std::optional<QByteArray> core = zip.read("docProps/core.xml", qint64(1) << 20, error))
            readCoreProperties(*core, parts);

    DocumentParts text = readDocxXml(*document, footnotes, endnotes);
    if (!text.ok())
        return text;
    parts.text = std::move(text.text);
    return parts;
}

DocumentParts readDocxXml(
    const QByteArray &document, const QHash<QString, QString> &footnotes, const QHash<QString, QString> &endnotes)
{
    DocumentParts parts;
    QXmlStreamReader xml(document);
    BlockCollector blocks;
    QStringList notes;
    int runDepth = 0;
    bool inBody = false;
    while (!xml.atEnd()) {
        xml.readNext();
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"body") {
                inBody = true;
            } else if (!inBody) {
                continue;
            } else if (skipped(name)) {
                xml.skipCurrentElement();
            } else if (name == u"p") {
                blocks.beginParagraph();
            } else if (name == u"r") {
                ++runDepth;
            } else if (name == u"t") {
                blocks.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            } else if (name == u"tbl") {
                blocks.beginTable();
            } else if (name == u"tr") {
                blocks.beginRow();
            } else if (name == u"tc") {
                blocks.beginCell();
            } else if (runDepth > 0) {
                if (name == u"tab")
                    blocks.append(u"\t");
                else if (name == u"br" || name == u"cr")
                    blocks.append(u"\n");
                else if (name == u"noBreakHyphen")
                    blocks.append(u"-");
                else if (name == u"footnoteReference" || name == u"endnoteReference") {
                    const QString id = xml.attributes().value(QStringLiteral("w:id")).toString();
                    const QString note = (name == u"footnoteReference" ? footnotes : endnotes).value(id);
                    if (!note.isEmpty()) {
                        const QString mark = QStringLiteral("[%1]").arg(notes.size() + 1);
                        blocks.append(mark);
                        notes.append(mark + u' ' + note);
                    }
                }
            }
        } else if (xml.isEndElement() && inBody) {
            if (name == u"body")
                inBody = false;
            else if (name == u"p")
                blocks.endParagraph();
            else if (name == u"r")
                --runDepth;
            else if (name == u"tc")
                blocks.endCell();
            else if (name == u"tr")
                blocks.endRow();
            else if (name == u"tbl")
                blocks.endTable();
        }
    }
    if (xml.hasError()) {
        parts.error = xmlError(xml, "word/document.xml");
        return parts;
    }
    parts.text = joinBlocks(blocks.blocks(), notes);
    return parts;
}

} // namespace gloss::import::documents
