// Fuzz target: the LexisNexis reader (import/newsdb.h), on bytes decoded as the importer decodes a file,
// with the checks every reader's articles get (readArticles).
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return gloss::fuzz::readAndCheck(gloss::import::Format::LexisNexis, data, size);
}
