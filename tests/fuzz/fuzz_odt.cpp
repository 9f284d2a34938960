// Fuzz target: the OpenDocument text reader: a whole package, or (what mutations reach best) the XML of content.xml
// alone; then the text read on as the importer reads it.
#include "fuzzinput.h"
#include "import/documents/documentreaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace gloss::import;
    const QByteArray bytes = gloss::fuzz::bytesOf(data, size);
    const DocumentParts parts = bytes.startsWith("PK") ? readDocumentParts(DocumentKind::Odt, bytes, qint64(4) << 20)
                                                       : documents::readOdtXml(bytes);
    return gloss::fuzz::checkDocument(parts, QStringLiteral("fuzz.odt"));
}
