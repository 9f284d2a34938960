// Fuzz target: the temporal tagger. The first two bytes choose the anchor date (or none).
#include "extract/temporaltagger.h"
#include "fuzzinput.h"
#include "model/timevalue.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QDate anchor;
    if (size >= 2) {
        const int days = data[0] | (data[1] << 8);
        if (days != 0xFFFF)
            anchor = QDate(1990, 1, 1).addDays(days % 20000);
        data += 2;
        size -= 2;
    }
    const QString body = gloss::fuzz::anyText(data, size);
    const QList<gloss::extract::TimeExpression> found = gloss::extract::tagTimeExpressions(body, anchor);
    qsizetype previousEnd = 0;
    for (const gloss::extract::TimeExpression &t : found) {
        // In text order, none overlapping, each one the text at its span.
        if (t.start < previousEnd || t.end <= t.start || t.end > body.size()
            || QStringView(body).mid(t.start, t.end - t.start) != t.text)
            gloss::fuzz::fail("an expression out of order or not at its span", t.text);
        previousEnd = t.end;
        gloss::model::Granularity g;
        QDate from;
        QDate to;
        if (!gloss::model::parseTimeValue(t.value, g, from, to))
            gloss::fuzz::fail("a value that does not read back", t.text + u" -> " + t.value);
    }
    return 0;
}
