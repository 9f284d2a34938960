// Fuzz target: the news date parser, on any line.
#include "fuzzinput.h"
#include "import/newsdate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString line = gloss::fuzz::anyText(data, size);
    const gloss::import::NewsDate date = gloss::import::parseNewsDate(line);
    if (date.time.isValid() && !date.date.isValid())
        gloss::fuzz::fail("a time without a date", line);
    return 0;
}
