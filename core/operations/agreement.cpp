#include "operations/agreement.h"

#include "analysis/agreement.h"
#include "model/article.h"
#include "model/tag.h"
#include "operations/error.h"
#include "operations/writer.h"
#include "text/codepoints.h"

#include <QHash>
#include <QSet>

namespace gloss::operations {

QStringList Agreement::coders()
{
    QStringList all = m_writer.read([&] { return m_writer.store().codings().coders(); });
    all.removeAll(QString());
    return all;
}

model::AgreementReport Agreement::report(const AgreementRequest &request, const std::optional<QList<qint64>> &within)
{
    const QStringList known = coders();
    QStringList chosen;
    for (const QString &c : request.coders.isEmpty() ? known : request.coders) {
        const QString name = c.trimmed();
        if (!name.isEmpty() && !chosen.contains(name))
            chosen.append(name);
    }
    if (chosen.size() < 2)
        throw OperationError::invalid(known.size() < 2 && request.coders.isEmpty()
                ? QStringLiteral("Agreement needs at least two coders; this project has coding by %1.")
                      .arg(known.isEmpty() ? QStringLiteral("no named coder") : known.join(QStringLiteral(", ")))
                : QStringLiteral("Agreement needs at least two coders; %1 chosen.").arg(chosen.size()));
    if (chosen.size() > analysis::MaxCoders)
        throw OperationError::invalid(QStringLiteral("Agreement compares at most %1 coders at once; %2 chosen.")
                                          .arg(analysis::MaxCoders)
                                          .arg(chosen.size()));
    for (const QString &c : std::as_const(chosen))
        if (!known.contains(c))
            throw OperationError::invalid(
                QStringLiteral("%1 has coded nothing in this project. Coders: %2.")
                    .arg(c, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
    if (!(request.overlap >= 1 && request.overlap <= 100))
        throw OperationError::invalid(
            QStringLiteral("The overlap for matching segments is a percentage from 1 to 100, not %1.")
                .arg(request.overlap));

    return m_writer.read([&] {
        storage::Store &store = m_writer.store();
        const QList<model::Tag> codebook = store.exports().codebook(); // tree order, no counts
        const QHash<qint64, QString> paths = model::tagPaths(codebook);

        QList<qint64> requestedTags;
        for (const QString &t : request.tags) {
            const std::optional<qint64> id = store.tags().find(t.trimmed());
            if (!id)
                throw OperationError::notFound(QStringLiteral("No tag %1 in the codebook.").arg(t));
            if (!requestedTags.contains(*id))
                requestedTags.append(*id);
        }

        QList<qint64> articles = request.articleIds ? *request.articleIds
            : request.allArticles                   ? store.codings().allArticles()
                                                    : store.articles().doneByAll(chosen);
        if (within) {
            const QSet<qint64> keep(within->cbegin(), within->cend());
            articles.removeIf([&](qint64 id) { return !keep.contains(id); });
        }
        if (articles.isEmpty())
            throw OperationError::invalid(request.articleIds || request.allArticles
                    ? QStringLiteral("No articles to compare.")
                    : QStringLiteral("No article is marked done by all of %1: agreement compares the articles "
                                     "every chosen coder marked done. Mark them (`gloss done ID...` as each coder, "
                                     "or Mark Done in the reader), or compare on every article (--all).")
                          .arg(chosen.join(QStringLiteral(", "))));

        analysis::AgreementInput input;
        input.coders = chosen;
        input.level = request.level;
        input.overlap = request.overlap;
        input.tagPaths = paths;
        QHash<qint64, std::size_t> slot;
        const QHash<qint64, qint64> lengths = store.codings().bodyLengths(articles);
        input.articles.reserve(std::size_t(articles.size()));
        for (const qint64 id : std::as_const(articles)) {
            if (!lengths.contains(id))
                continue; // not (or no longer) in the project
            slot.insert(id, input.articles.size());
            analysis::CodedArticle a;
            a.articleId = id;
            a.length = lengths.value(id);
            input.articles.push_back(std::move(a));
        }
        QHash<QString, int> coderIndex;
        for (int i = 0; i < int(chosen.size()); ++i)
            coderIndex.insert(chosen.at(i), i);
        QSet<qint64> used;
        store.codings().codings(chosen, articles, [&](const storage::CodingRepository::Coding &c) {
            const auto s = slot.constFind(c.articleId);
            const int coder = coderIndex.value(c.coder, -1);
            if (s == slot.constEnd() || coder < 0)
                return;
            analysis::CodedArticle &a = input.articles[*s];
            if (c.highlightId == 0)
                a.articleTags.append({coder, c.tagId});
            else
                a.spans.append({c.highlightId, c.tagId, c.start, c.end, coder});
            used.insert(c.tagId);
        });
        if (!requestedTags.isEmpty()) {
            input.tagIds = requestedTags;
        } else {
            for (const model::Tag &t : codebook) // codebook order
                if (used.contains(t.id))
                    input.tagIds.append(t.id);
        }
        if (input.tagIds.isEmpty())
            throw OperationError::invalid(
                QStringLiteral("No tag was applied by %1 in the articles compared: nothing to compare.")
                    .arg(chosen.join(QStringLiteral(", "))));

        model::AgreementReport report = analysis::computeAgreement(input);
        if (report.rows.isEmpty() || report.rows.constLast().units == 0)
            throw OperationError::invalid(QStringLiteral("No units to compare (the articles are empty)."));

        // Titles and passage texts for the disagreements: each article's body read once.
        qint64 current = 0;
        QString title, body;
        std::optional<text::OffsetMap> offsets;
        for (model::Disagreement &d : report.disagreements) {
            if (d.articleId != current) {
                current = d.articleId;
                const std::optional<model::Article> article = store.articles().get(current);
                title = article ? article->title : QString();
                body = article ? article->body : QString();
                offsets.emplace(body);
            }
            d.title = title;
            d.tag = paths.value(d.tagId);
            if (d.start >= 0) {
                const qsizetype from = offsets->toUtf16(d.start);
                d.text = body.mid(from, offsets->toUtf16(d.end) - from);
            }
        }
        return report;
    });
}

} // namespace gloss::operations
