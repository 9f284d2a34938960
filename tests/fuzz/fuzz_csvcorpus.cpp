// Fuzz target: the Csv reader, on bytes decoded as the importer decodes a file, with the checks
// every reader's articles get (readArticles).
#include "fuzzinput.h"
#include "import/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool ok = false;
    const QString text = gloss::fuzz::decoded(data, size, ok);
    if (!ok)
        return 0;
    const gloss::import::ReadResult result = gloss::import::readArticles(gloss::import::Format::Csv, text);
    for (const gloss::model::Article &article : result.articles)
        if (article.body.trimmed().isEmpty())
            gloss::fuzz::fail("an article without a body", article.title);
        else if (article.datelineEnd < 0 || article.datelineEnd > article.body.size())
            gloss::fuzz::fail("a dateline outside the body", article.body);
    return 0;
}
