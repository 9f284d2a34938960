// Fuzz target: the generic CSV reader (annotation exports and CSV corpora read back).
#include "csv/csvreader.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gloss::csv::CsvReader reader(gloss::fuzz::anyText(data, size));
    QStringList fields;
    int line = 0;
    int previousLine = 0;
    while (reader.next(fields, line)) {
        if (line < previousLine)
            gloss::fuzz::fail("records out of order");
        previousLine = line;
    }
    return 0;
}
