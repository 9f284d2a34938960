#include "extract/timepipeline.h"

#include "extract/temporaltagger.h"
#include "model/article.h"

namespace gloss::extract {

QList<model::TimeRef> findTimeRefs(const model::Article &article)
{
    const bool published = article.published.isValid();
    const QDate anchor = published ? article.published : article.retrieved;
    const QString anchorKind
        = anchor.isValid() ? (published ? QStringLiteral("published") : QStringLiteral("retrieved")) : QString();
    const QList<TimeExpression> found = tagTimeExpressions(article.body, anchor);

    QList<model::TimeRef> refs;
    refs.reserve(found.size());
    // Expressions come in text order: count code points incrementally.
    qsizetype utf16 = 0;
    qsizetype cp = 0;
    auto toCp = [&](qsizetype pos) {
        for (; utf16 < pos; ++utf16)
            if (!(article.body.at(utf16).isLowSurrogate() && utf16 > 0 && article.body.at(utf16 - 1).isHighSurrogate()))
                ++cp;
        return cp;
    };
    for (const TimeExpression &e : found) {
        model::TimeRef r;
        r.start = toCp(e.start);
        r.end = toCp(e.end);
        r.text = e.text;
        r.value = e.value;
        r.granularity = model::granularityName(e.granularity);
        r.anchor = anchor;
        r.anchorKind = anchorKind;
        r.rangeStart = e.rangeStart;
        r.rangeEnd = e.rangeEnd;
        refs.append(r);
    }
    return refs;
}

} // namespace gloss::extract
