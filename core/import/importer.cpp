#include "import/importer.h"

#include "import/decoder.h"
#include "import/reader.h"
#include "project.h"
#include "storage/articlerepository.h"
#include "storage/error.h"
#include "storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace gloss::import {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) == 0 ? 0 : 1);
}

// Files inside folders that are not articles: notes about the folder, and Gloss's own files.
bool skippedInFolder(const QFileInfo &info, const QString &projectPath)
{
    const QString name = info.fileName().toLower();
    for (const char *prefix : {"readme", "license", "licence", "changelog"})
        if (name.startsWith(QLatin1StringView(prefix)))
            return true;
    for (const char *suffix : {".gloss", ".gloss-wal", ".gloss-shm", ".gloss-journal"})
        if (name.endsWith(QLatin1StringView(suffix)))
            return true;
    return !projectPath.isEmpty() && info.absoluteFilePath().startsWith(QFileInfo(projectPath).absoluteFilePath());
}

void walk(const QString &dirPath, QSet<QString> &visitedDirs, QSet<QString> &seenFiles, QStringList &files,
    const QString &projectPath)
{
    const QFileInfo dirInfo(dirPath);
    const QString canonical
        = dirInfo.canonicalFilePath().isEmpty() ? dirInfo.absoluteFilePath() : dirInfo.canonicalFilePath();
    if (visitedDirs.contains(canonical))
        return; // a symbolic link back to a folder already read
    visitedDirs.insert(canonical);
    const QFileInfoList entries
        = QDir(dirPath).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsLast);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir()) {
            walk(entry.filePath(), visitedDirs, seenFiles, files, projectPath);
            continue;
        }
        if (skippedInFolder(entry, projectPath))
            continue;
        const QString key = entry.canonicalFilePath().isEmpty() ? entry.absoluteFilePath() : entry.canonicalFilePath();
        if (seenFiles.contains(key))
            continue;
        seenFiles.insert(key);
        files.append(entry.filePath());
    }
}

// synchronous=NORMAL while importing, FULL again afterwards whatever happens.
class BulkDurability
{
public:
    explicit BulkDurability(storage::Database &db)
        : m_db(db)
    {
        m_db.setDurability(storage::Database::Durability::Normal);
    }
    ~BulkDurability()
    {
        try {
            m_db.setDurability(storage::Database::Durability::Full);
        } catch (const storage::StorageError &) {
            // The connection is going away or broken; the next open sets FULL again.
        }
    }
    BulkDurability(const BulkDurability &) = delete;
    BulkDurability &operator=(const BulkDurability &) = delete;

private:
    storage::Database &m_db;
};

// Why a path that does not exist was given: a symbolic link whose chain comes back to itself, a
// link to nothing, or no such file.
QString missingReason(const QFileInfo &info)
{
    if (!info.isSymLink())
        return QStringLiteral("no such file or folder");
    QSet<QString> seen;
    QString current = info.absoluteFilePath();
    while (QFileInfo(current).isSymLink()) {
        if (seen.contains(current) || seen.size() > 40) // the kernel gives up after 40 as well
            return QStringLiteral("a loop of symbolic links");
        seen.insert(current);
        current = QFileInfo(current).symLinkTarget();
    }
    return QStringLiteral("a symbolic link to nothing");
}

} // namespace

QString ImportReport::summary() const
{
    return QStringLiteral("imported %1, duplicates %2, refused %3").arg(imported).arg(duplicates).arg(refused.size());
}

struct Importer::Source
{
    QString name;
    QByteArray data;
    bool inMemory = false;
};

// What the reading thread makes of one source: its articles, parsed, hashed and analysed, and
// what the report says about the file.
struct Importer::Prepared
{
    QString name;
    qint64 bytes = 0;
    QList<ImportProblem> refused;
    QList<ImportProblem> warnings;
    QList<model::Article> articles;
    QList<std::function<void(Project &, const model::Article &)>> stores; // from analyse, one per article
};

namespace {

// Sources prepared ahead of the thread that stores them, in order, a bounded number at a time.
template <typename T> class ReadAhead
{
public:
    explicit ReadAhead(qsizetype capacity)
        : m_capacity(capacity)
    { }

    // Producer: false when the consumer has stopped.
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || qsizetype(m_items.size()) < m_capacity; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    // Consumer: nothing when the producer finished without another item.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    qsizetype m_capacity;
    bool m_finished = false;
    bool m_stopped = false;
};

} // namespace

Importer::Importer(Project &project, ImportOptions options)
    : m_project(project)
    , m_options(std::move(options))
{
    if (m_options.batchSize < 1)
        m_options.batchSize = 1;
}

QStringList Importer::collectFiles(const QStringList &paths, QList<ImportProblem> &refused, const QString &projectPath)
{
    QStringList files;
    QSet<QString> visitedDirs;
    QSet<QString> seenFiles;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            refused.append({path, missingReason(info)});
            continue;
        }
        if (info.isDir()) {
            walk(path, visitedDirs, seenFiles, files, projectPath);
            continue;
        }
        // A named pipe, a socket or a device: reading one could wait for ever (a pipe waits for a
        // writer). Inside a folder they are skipped; named, they are refused.
        if (!info.isFile()) {
            refused.append({path, QStringLiteral("not a regular file (a named pipe, socket or device); not read")});
            continue;
        }
        const QString key = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
        if (seenFiles.contains(key))
            continue;
        seenFiles.insert(key);
        files.append(path);
    }
    return files;
}

ImportReport Importer::importPaths(const QStringList &paths)
{
    QList<ImportProblem> refused;
    const QStringList files = collectFiles(paths, refused, m_project.path());
    QList<Source> sources;
    sources.reserve(files.size());
    for (const QString &file : files)
        sources.append({file, {}, false});
    return run(sources, refused);
}

ImportReport Importer::importFiles(const QList<InMemoryFile> &files)
{
    QList<Source> sources;
    sources.reserve(files.size());
    for (const InMemoryFile &file : files)
        sources.append({file.name, file.data, true});
    return run(sources, {});
}

Importer::Prepared Importer::prepare(const Source &source) const
{
    Prepared out;
    out.name = source.name;
    QByteArray bytes;
    if (source.inMemory) {
        bytes = source.data;
    } else {
        QFile file(source.name);
        const qint64 size = QFileInfo(source.name).size();
        if (size > m_options.maxFileBytes) {
            out.refused.append({source.name,
                QStringLiteral("file too large (%1 MiB; the limit is %2 MiB)")
                    .arg(megabytes(size), megabytes(m_options.maxFileBytes))});
            return out;
        }
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            out.refused.append({source.name, QStringLiteral("cannot read it: %1").arg(file.errorString())});
            return out;
        }
        // As many bytes as the file holds (asking QIODevice for the limit would allocate 64 MiB
        // for every 3 KB article), and on up to the limit if it grew since we looked.
        bytes = file.read(std::min(size, m_options.maxFileBytes) + 1);
        if (bytes.size() > size && bytes.size() <= m_options.maxFileBytes)
            bytes += file.read(m_options.maxFileBytes + 1 - bytes.size());
    }
    out.bytes = bytes.size();
    if (bytes.size() > m_options.maxFileBytes) {
        out.refused.append({source.name,
            QStringLiteral("file too large (%1 MiB; the limit is %2 MiB)")
                .arg(megabytes(bytes.size()), megabytes(m_options.maxFileBytes))});
        return out;
    }
    DecodedText decoded = decodeText(bytes);
    bytes.clear();
    if (!decoded.ok()) {
        out.refused.append({source.name, decoded.error});
        return out;
    }
    if (!decoded.warning.isEmpty())
        out.warnings.append({source.name, decoded.warning});

    const Format format = detectFormat(source.name, decoded.text);
    ReadResult read = readArticles(format, decoded.text);
    decoded.text.clear();
    for (const RecordProblem &p : std::as_const(read.refused))
        out.refused.append({source.name, p.text()});
    for (const RecordProblem &p : std::as_const(read.warnings))
        out.warnings.append({source.name, p.text()});
    if (read.articles.isEmpty() && read.refused.isEmpty())
        out.refused.append({source.name, QStringLiteral("no article found in this %1 file").arg(formatName(format))});
    out.articles = std::move(read.articles);
    for (model::Article &article : out.articles) {
        article.path = source.name;
        article.contentHash = storage::ArticleRepository::contentHash(article.title, article.body);
        if (m_options.analyse) {
            try {
                out.stores.append(m_options.analyse(article));
            } catch (const std::exception &e) {
                const QString what = QString::fromLocal8Bit(e.what());
                out.stores.append([what](Project &, const model::Article &) {
                    throw std::runtime_error(what.toLocal8Bit().toStdString());
                });
            }
        }
    }
    return out;
}

ImportReport Importer::run(const QList<Source> &sources, QList<ImportProblem> refusedBefore)
{
    ImportReport report;
    report.refused = std::move(refusedBefore);
    storage::Database &db = m_project.db();
    BulkDurability durability(db);

    ImportProgress progress;
    progress.filesTotal = int(sources.size());
    const auto cancelled = [this] { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); };
    const auto tell = [&] {
        if (m_options.progress)
            m_options.progress(progress);
    };

    if (m_options.prepare)
        m_options.prepare(m_project);

    // Reading, decoding, parsing and analysing (dates, entities: most of an import's work) run on
    // two threads a few files ahead of this one, which stores: reader k prepares files k, k + 2,
    // k + 4, ... into a queue of its own, and this thread takes from the two in turn, so articles
    // are stored in the order of the files. The readers stop when this thread stops taking files
    // (cancel, a failed commit).
    constexpr qsizetype Readers = 2;
    std::array<ReadAhead<Prepared>, Readers> ahead{ReadAhead<Prepared>(8), ReadAhead<Prepared>(8)};
    std::array<std::thread, Readers> readers;
    struct Join
    {
        std::array<ReadAhead<Prepared>, Readers> &ahead;
        std::array<std::thread, Readers> &threads;
        ~Join()
        {
            for (ReadAhead<Prepared> &a : ahead)
                a.stop();
            for (std::thread &t : threads)
                if (t.joinable())
                    t.join();
        }
    } join{ahead, readers};
    for (qsizetype k = 0; k < Readers; ++k)
        readers[k] = std::thread([&, k] {
            for (qsizetype i = k; i < sources.size(); i += Readers) {
                if (ahead[k].stopped() || cancelled() || !ahead[k].push(prepare(sources.at(i))))
                    break;
            }
            ahead[k].finish();
        });

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
                m_project.articles().addToIndex(p.id, p.title, p.body);
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
    qsizetype taken = 0;
    for (const Source &source : sources) {
        if (stop || cancelled()) {
            report.cancelled = cancelled();
            break;
        }
        progress.currentFile = source.name;
        tell();
        std::optional<Prepared> prepared = ahead[taken++ % Readers].pop();
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
                    batch.emplace(db);
                } catch (const storage::StorageError &e) {
                    report.refused.append(
                        {source.name, QStringLiteral("%1 could not be stored: %2").arg(label, e.message())});
                    stop = true;
                    break;
                }
            }
            // Looked up inside the write transaction: another import of the same files (another
            // window, another process) cannot store the article between this look and the insert.
            if (m_project.articles().findByHash(article.contentHash)) {
                ++report.duplicates;
                continue;
            }
            try {
                storage::Transaction one(db); // a savepoint: the article and what afterInsert adds, or nothing
                m_project.articles().insertUnindexed(article);
                if (i < prepared->stores.size())
                    prepared->stores.at(i)(m_project, article);
                if (m_options.afterInsert)
                    m_options.afterInsert(m_project, article);
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
            if (batchIds.size() >= m_options.batchSize && !commitBatch()) {
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

} // namespace gloss::import
