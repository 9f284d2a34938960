#include "operations/imports.h"

#include "model/contenthash.h"
#include "operations/project.h"
#include "operations/writer.h"
#include "storage/articlerepository.h"
#include "storage/error.h"
#include "storage/store.h"

#include <QDateTime>

#include <optional>

namespace gloss::operations {

namespace {

// Marks a project whose first run added the sample articles (meta table).
const char *const SamplesKey = "seeded";

// Bulk writes while importing (SQLite: synchronous=NORMAL), the usual durability again afterwards
// whatever happens.
class BulkDurability
{
public:
    explicit BulkDurability(storage::Store &store)
        : m_store(store)
    {
        m_store.setBulkWrites(true);
    }
    ~BulkDurability()
    {
        try {
            m_store.setBulkWrites(false);
        } catch (const storage::StorageError &) {
            // The connection is going away or broken; the next open sets FULL again.
        }
    }
    BulkDurability(const BulkDurability &) = delete;
    BulkDurability &operator=(const BulkDurability &) = delete;

private:
    storage::Store &m_store;
};

} // namespace

gloss::import::ImportReport Imports::importPaths(const QStringList &paths, const import::ImportOptions &options)
{
    m_writer.refuseIfReadOnly();
    QList<import::ImportProblem> refused;
    const QStringList files = import::collectFiles(paths, refused, m_project.path());
    QList<import::ImportSource> sources;
    sources.reserve(files.size());
    for (const QString &file : files)
        sources.append({file, {}, false});
    return m_writer.read([&] { return run(sources, refused, options); });
}

gloss::import::ImportReport Imports::importFiles(
    const QList<import::InMemoryFile> &files, const import::ImportOptions &options)
{
    m_writer.refuseIfReadOnly();
    QList<import::ImportSource> sources;
    sources.reserve(files.size());
    for (const import::InMemoryFile &file : files)
        sources.append({file.name, file.data, true});
    return m_writer.read([&] { return run(sources, {}, options); });
}

bool Imports::samplesAdded()
{
    return m_writer.read([&] { return m_writer.store().meta().value(QString::fromLatin1(SamplesKey)).has_value(); });
}

void Imports::recordSamplesAdded()
{
    // A note of the project's own, no change any view shows.
    m_writer.write(Areas(), 0, [&] {
        m_writer.store().meta().setValue(
            QString::fromLatin1(SamplesKey), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    });
}

gloss::import::ImportReport Imports::run(const QList<import::ImportSource> &sources,
    QList<import::ImportProblem> refusedBefore, import::ImportOptions options)
{
    if (options.batchSize < 1)
        options.batchSize = 1;
    gloss::import::ImportReport report;
    report.refused = std::move(refusedBefore);
    storage::Store &store = m_writer.store();
    BulkDurability durability(store);

    gloss::import::ImportProgress progress;
    progress.filesTotal = int(sources.size());
    const auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
    const auto tell = [&] {
        if (options.progress)
            options.progress(progress);
    };

    if (options.prepare)
        options.prepare(m_project);

    // The reading threads start here, a few files ahead of this one, which stores; they stop when
    // `ahead` goes (cancel, a failed commit, the end).
    gloss::import::Preparer ahead(sources, options);

    std::optional<storage::Transaction> batch;
    QList<qint64> batchIds;
    // The search index entries of the batch, added together just before it commits (see
    // ArticleRepository::insertUnindexed): in one transaction with their articles all the same.
    struct Pending
    {
        qint64 id;
        QString title;
        QString body;
    };
    QList<Pending> pending;
    // Commits the open batch. If the commit fails, nothing of the batch was stored.
    const auto commitBatch = [&]() -> bool {
        if (!batch)
            return true;
        try {
            for (const Pending &p : std::as_const(pending))
                store.articles().addToIndex(p.id, p.title, p.body);
            pending.clear();
            batch->commit();
            batch.reset();
            report.articleIds += batchIds;
            batchIds.clear();
            return true;
        } catch (const storage::StorageError &e) {
            pending.clear();
            batch.reset(); // rolls back
            report.imported -= int(batchIds.size());
            report.refused.append({m_project.path(),
                QStringLiteral("could not store the last %1 articles: %2").arg(batchIds.size()).arg(e.message())});
            batchIds.clear();
            return false;
        }
    };

    bool stop = false;
    for (const import::ImportSource &source : sources) {
        if (stop || cancelled()) {
            report.cancelled = cancelled();
            break;
        }
        progress.currentFile = source.name;
        tell();
        std::optional<import::PreparedFile> prepared = ahead.next();
        if (!prepared) { // the reader saw the cancel first
            report.cancelled = cancelled();
            break;
        }
        ++report.files;
        report.bytes += prepared->bytes;
        report.refused += prepared->refused;
        report.warnings += prepared->warnings;

        for (qsizetype i = 0; i < prepared->articles.size(); ++i) {
            model::Article &article = prepared->articles[i];
            if (cancelled()) {
                stop = true;
                report.cancelled = true;
                break;
            }
            const QString label
                = article.title.isEmpty() ? QStringLiteral("an untitled article") : u'"' + article.title + u'"';
            if (!batch) {
                try {
                    batch.emplace(store);
                } catch (const storage::StorageError &e) {
                    report.refused.append(
                        {source.name, QStringLiteral("%1 could not be stored: %2").arg(label, e.message())});
                    stop = true;
                    break;
                }
            }
            // Looked up inside the write transaction: another import of the same files (another
            // window, another process) cannot store the article between this look and the insert.
            // The hash of projects made before it was normalised is looked up too (issue 16).
            if (store.articles().findByHash(article.contentHash)
                || store.articles().findByHash(model::exactContentHash(article.title, article.body))) {
                ++report.duplicates;
                continue;
            }
            try {
                storage::Transaction one(store); // a savepoint: the article and what afterInsert adds, or nothing
                store.articles().insertUnindexed(article);
                if (i < prepared->stores.size())
                    prepared->stores.at(i)(m_project, article);
                if (options.afterInsert)
                    options.afterInsert(m_project, article);
                one.commit();
                ++report.imported;
                ++progress.imported;
                batchIds.append(article.id);
                pending.append({article.id, std::move(article.title), std::move(article.body)});
            } catch (const storage::StorageError &e) {
                report.refused.append(
                    {source.name, QStringLiteral("%1 could not be stored: %2").arg(label, e.message())});
            } catch (const std::exception &e) {
                report.refused.append({source.name,
                    QStringLiteral("%1 could not be processed: %2").arg(label, QString::fromLocal8Bit(e.what()))});
            }
            if (batchIds.size() >= options.batchSize && !commitBatch()) {
                stop = true;
                break;
            }
            if (progress.imported % 50 == 0)
                tell();
        }
        ++progress.filesDone;
    }
    if (!stop || batch)
        commitBatch();
    progress.currentFile.clear();
    tell();
    return report;
}

} // namespace gloss::operations
