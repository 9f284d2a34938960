// Fuzz target: the RTF parser (groups, control words, \uN and \ucN, \'hh in code pages, \bin,
// destinations), then the text read on as the importer reads it.
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace gloss::import;
    const DocumentParts parts = readDocumentParts(DocumentKind::Rtf, gloss::fuzz::bytesOf(data, size), qint64(4) << 20);
    return gloss::fuzz::checkDocument(parts, QStringLiteral("fuzz.rtf"));
}
