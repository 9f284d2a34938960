#include "interchange/annotationmatcher.h"

namespace gloss::interchange {

namespace {

QString quoted(const QString &text)
{
    constexpr int Max = 60;
    QString t = text;
    t.replace(u'\n', u' ');
    if (t.size() > Max)
        t = t.left(Max - 1) + QChar(0x2026);
    return u'"' + t + u'"';
}

// The record's article, or an empty id and why there is none.
qint64 findArticle(AnnotationLookup &lookup, const HighlightRecord &r, QString &refusal)
{
    // By id when it is the same article, else by title and date.
    QList<qint64> candidates;
    if (r.articleId != 0) {
        if (const auto a = lookup.article(r.articleId); a && a->title == r.title && a->published == r.published)
            candidates.append(r.articleId);
    }
    if (candidates.isEmpty())
        candidates = lookup.articlesByTitle(r.title, r.published);
    if (candidates.isEmpty()) {
        refusal = QStringLiteral("no article titled %1 published %2 in the project")
                      .arg(quoted(r.title),
                          r.published.isValid() ? r.published.toString(Qt::ISODate) : QStringLiteral("on no date"));
        return 0;
    }
    QStringList texts = {r.text};
    if (r.rawText != r.text)
        texts.append(r.rawText);
    std::optional<QString> found;
    for (const qint64 candidate : std::as_const(candidates)) {
        found = lookup.textAt(candidate, r.start, r.end);
        if (found && texts.contains(*found))
            return candidate;
    }
    if (candidates.size() > 1)
        refusal = QStringLiteral("none of the %1 articles titled %2 has the text %3 at %4..%5")
                      .arg(candidates.size())
                      .arg(quoted(r.title), quoted(r.text))
                      .arg(r.start)
                      .arg(r.end);
    else if (!found)
        refusal = QStringLiteral("%1..%2 is not inside article %3 (%4)")
                      .arg(r.start)
                      .arg(r.end)
                      .arg(candidates.first())
                      .arg(quoted(r.title));
    else
        refusal = QStringLiteral("the text at %1..%2 of article %3 is now %4, not %5")
                      .arg(r.start)
                      .arg(r.end)
                      .arg(candidates.first())
                      .arg(quoted(*found), quoted(r.text));
    return 0;
}

} // namespace

Placement placeAnnotations(AnnotationLookup &lookup, const QList<HighlightRecord> &records)
{
    Placement placement;
    for (const HighlightRecord &r : records) {
        QString refusal;
        const qint64 articleId = findArticle(lookup, r, refusal);
        if (articleId == 0) {
            for (const int row : r.rows)
                placement.refused.append({row, refusal});
            continue;
        }
        placement.placed.append(PlacedHighlight{r, articleId, lookup.highlightsAt(articleId, r.start, r.end)});
    }
    return placement;
}

} // namespace gloss::interchange
