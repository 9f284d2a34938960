#include "operations/reports.h"

#include "operations/error.h"
#include "operations/writer.h"
#include "storage/store.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace gloss::operations {

namespace {

// Characters read either side of a passage per word of context asked for: enough for long words.
constexpr int CharsPerWord = 16;

// The last `words` words of `text` (read as `chars` characters that may cut the first word).
QString lastWords(QString text, int words, bool cut)
{
    text.replace(u'\n', u' ');
    qsizetype i = text.size();
    int seen = 0;
    qsizetype startOfWord = text.size();
    while (i > 0 && seen < words) {
        while (i > 0 && text.at(i - 1).isSpace())
            --i;
        if (i == 0)
            break;
        while (i > 0 && !text.at(i - 1).isSpace())
            --i;
        if (i == 0 && cut)
            break; // a word cut by the read: not shown
        startOfWord = i;
        ++seen;
    }
    return text.mid(startOfWord).trimmed().isEmpty() ? QString() : text.mid(startOfWord);
}

QString firstWords(QString text, int words, bool cut)
{
    text.replace(u'\n', u' ');
    qsizetype i = 0;
    int seen = 0;
    qsizetype endOfWord = 0;
    while (i < text.size() && seen < words) {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        if (i == text.size())
            break;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        if (i == text.size() && cut)
            break;
        endOfWord = i;
        ++seen;
    }
    return text.left(endOfWord).trimmed().isEmpty() ? QString() : text.left(endOfWord);
}

} // namespace

QList<qint64> Reports::tagIds(const QStringList &names)
{
    return m_writer.read([&] {
        QList<qint64> ids;
        for (const QString &name : names) {
            const std::optional<qint64> id = m_writer.store().tags().find(name.trimmed());
            if (!id)
                throw OperationError::notFound(QStringLiteral("No tag \"%1\" in the codebook.").arg(name));
            if (!ids.contains(*id))
                ids.append(*id);
        }
        return ids;
    });
}

QList<model::Tag> Reports::codebook()
{
    return m_writer.read([&] {
        QList<model::Tag> tags = m_writer.store().exports().codebook();
        const QHash<qint64, QString> paths = model::tagPaths(tags);
        for (model::Tag &t : tags)
            t.name = paths.value(t.id, t.name);
        return tags;
    });
}

QList<model::Passage> Reports::passages(const model::ReportScope &scope, model::PassageOrder order, int contextWords)
{
    const int words = std::clamp(contextWords, 0, 200);
    const int chars = words * CharsPerWord;
    return m_writer.read([&] {
        storage::Store &store = m_writer.store();
        QList<model::Passage> out;
        store.reports().passages(scope, order, chars, [&](const model::Passage &p) {
            model::Passage kept = p;
            kept.before = lastWords(p.before, words, p.before.size() >= chars && p.start > chars);
            kept.after = firstWords(p.after, words, p.after.size() >= chars);
            out.append(std::move(kept));
            return true;
        });
        if (order == model::PassageOrder::Tag) {
            // The engine ordered by tag id; the reader expects the codebook's order.
            QHash<qint64, int> rank;
            const QList<model::Tag> tags = store.exports().codebook();
            for (int i = 0; i < tags.size(); ++i)
                rank.insert(tags.at(i).id, i);
            std::stable_sort(out.begin(), out.end(), [&](const model::Passage &a, const model::Passage &b) {
                return rank.value(a.tagId) < rank.value(b.tagId);
            });
        }
        return out;
    });
}

model::FrequencyReport Reports::frequency(const model::ReportScope &scope, const model::FrequencyBy &by)
{
    if (by.unit == model::FrequencyUnit::Variable && by.variable.isEmpty())
        throw OperationError::invalid(QStringLiteral("Counting by a variable needs its name, as in var:section."));
    return m_writer.read([&] {
        storage::Store &store = m_writer.store();
        model::FrequencyReport report;
        report.by = by;
        report.cells = store.reports().frequency(scope, by);
        for (const auto &[bucket, articles] : store.reports().buckets(scope.articles, by)) {
            report.buckets.append(bucket);
            report.bucketArticles.append(articles);
        }
        QSet<qint64> used;
        for (const model::FrequencyCell &c : std::as_const(report.cells))
            used.insert(c.tagId);
        for (const model::Tag &t : store.exports().codebook())
            if (scope.tagIds.isEmpty() ? used.contains(t.id) : scope.tagIds.contains(t.id))
                report.tagIds.append(t.id);
        return report;
    });
}

model::CooccurrenceReport Reports::cooccurrence(
    const model::ReportScope &scope, model::CooccurrenceUnit unit, bool entities)
{
    return m_writer.read([&] {
        storage::Store &store = m_writer.store();
        model::CooccurrenceReport report;
        report.unit = unit;
        QHash<qint64, qint64> totals;
        report.cells = store.reports().cooccurrence(scope, unit, totals);
        for (const model::Tag &t : store.exports().codebook()) {
            if (scope.tagIds.isEmpty() ? totals.contains(t.id) : scope.tagIds.contains(t.id)) {
                report.tagIds.append(t.id);
                report.totals.append(totals.value(t.id));
            }
        }
        if (entities)
            report.entities = store.reports().entityTags(scope);
        return report;
    });
}

} // namespace gloss::operations
