#include "extract/timepipeline.h"

#include "extract/temporaltagger.h"
#include "model/article.h"
#include "operations/project.h"
#include "storage/store.h"
#include "storage/transaction.h"
#include "text/codepoints.h"

namespace gloss::extract {

namespace {

QDate anchorOf(const model::Article &article)
{
    return article.published.isValid() ? article.published : article.retrieved;
}

int storeTimes(Project &project, const model::Article &article, const QList<TimeExpression> &found)
{
    const bool published = article.published.isValid();
    const QDate anchor = anchorOf(article);
    const QString anchorKind
        = anchor.isValid() ? (published ? QStringLiteral("published") : QStringLiteral("retrieved")) : QString();

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
    project.store().timeRefs().replaceForArticle(article.id, refs);
    return int(refs.size());
}

} // namespace

int extractTimes(Project &project, const model::Article &article)
{
    return storeTimes(project, article, tagTimeExpressions(article.body, anchorOf(article)));
}

std::function<int(Project &, const model::Article &)> tagTimes(const model::Article &article)
{
    return [found = tagTimeExpressions(article.body, anchorOf(article))](
               Project &project, const model::Article &stored) { return storeTimes(project, stored, found); };
}

int reextractTimes(Project &project, qint64 articleId)
{
    const auto article = project.store().articles().get(articleId);
    if (!article)
        return 0;
    return extractTimes(project, *article);
}

int reextractAllTimes(Project &project)
{
    storage::Transaction tx(project.store().db());
    int total = 0;
    for (const qint64 id : project.store().articles().ids({}, model::ArticleOrder::Id))
        total += reextractTimes(project, id);
    tx.commit();
    return total;
}

} // namespace gloss::extract
