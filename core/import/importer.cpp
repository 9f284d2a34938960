#include "import/importer.h"

#include "import/decoder.h"
#include "import/reader.h"
#include "project.h"
#include "storage/error.h"
#include "storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <optional>

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
            refused.append({path,
                info.isSymLink() ? QStringLiteral("a symbolic link to nothing")
                                 : QStringLiteral("no such file or folder")});
            continue;
        }
        if (info.isDir()) {
            walk(path, visitedDirs, seenFiles, files, projectPath);
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
    for (const Source &source : sources) {
        if (stop || cancelled()) {
            report.cancelled = cancelled();
            break;
        }
        progress.currentFile = source.name;
        tell();
        ++report.files;

        QByteArray bytes;
        if (source.inMemory) {
            bytes = source.data;
        } else {
            QFile file(source.name);
            const qint64 size = QFileInfo(source.name).size();
            if (size > m_options.maxFileBytes) {
                report.refused.append({source.name,
                    QStringLiteral("file too large (%1 MiB; the limit is %2 MiB)")
                        .arg(megabytes(size), megabytes(m_options.maxFileBytes))});
                ++progress.filesDone;
                continue;
            }
            if (!file.open(QIODevice::ReadOnly)) {
                report.refused.append({source.name, QStringLiteral("cannot read it: %1").arg(file.errorString())});
                ++progress.filesDone;
                continue;
            }
            bytes = file.read(m_options.maxFileBytes + 1);
        }
        report.bytes += bytes.size();
        if (bytes.size() > m_options.maxFileBytes) {
            report.refused.append({source.name,
                QStringLiteral("file too large (%1 MiB; the limit is %2 MiB)")
                    .arg(megabytes(bytes.size()), megabytes(m_options.maxFileBytes))});
            ++progress.filesDone;
            continue;
        }
        DecodedText decoded = decodeText(bytes);
        bytes.clear();
        if (!decoded.ok()) {
            report.refused.append({source.name, decoded.error});
            ++progress.filesDone;
            continue;
        }
        if (!decoded.warning.isEmpty())
            report.warnings.append({source.name, decoded.warning});

        const Format format = detectFormat(source.name, decoded.text);
        ReadResult read = readArticles(format, decoded.text);
        decoded.text.clear();
        for (const RecordProblem &p : std::as_const(read.refused))
            report.refused.append({source.name, p.text()});
        for (const RecordProblem &p : std::as_const(read.warnings))
            report.warnings.append({source.name, p.text()});
        if (read.articles.isEmpty() && read.refused.isEmpty())
            report.refused.append(
                {source.name, QStringLiteral("no article found in this %1 file").arg(formatName(format))});

        for (model::Article &article : read.articles) {
            if (cancelled()) {
                stop = true;
                report.cancelled = true;
                break;
            }
            article.path = source.name;
            article.contentHash = storage::ArticleRepository::contentHash(article.title, article.body);
            if (m_project.articles().findByHash(article.contentHash)) {
                ++report.duplicates;
                continue;
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
            try {
                storage::Transaction one(db); // a savepoint: the article and what afterInsert adds, or nothing
                m_project.articles().insertUnindexed(article);
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
