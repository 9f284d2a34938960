#include "import/importer.h"

#include "import/notarticle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace gloss::import {

namespace {

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

// Files that are plainly not articles (code, style sheets, images, archives, build files) are
// refused here, by a look at their first bytes, and counted as refused.
bool refusedAsNotArticle(const QString &path, QList<ImportProblem> &refused)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false; // the reader says why it cannot be read
    const QString kind = notArticleKind(path, file.read(NotArticleHeadBytes));
    if (kind.isEmpty())
        return false;
    refused.append({path, QStringLiteral("not an article (looks like %1)").arg(kind)});
    return true;
}

void walk(const QString &dirPath, QSet<QString> &visitedDirs, QSet<QString> &seenFiles, QStringList &files,
    QList<ImportProblem> &refused, const QString &projectPath)
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
            walk(entry.filePath(), visitedDirs, seenFiles, files, refused, projectPath);
            continue;
        }
        if (skippedInFolder(entry, projectPath))
            continue;
        const QString key = entry.canonicalFilePath().isEmpty() ? entry.absoluteFilePath() : entry.canonicalFilePath();
        if (seenFiles.contains(key))
            continue;
        seenFiles.insert(key);
        if (!refusedAsNotArticle(entry.filePath(), refused))
            files.append(entry.filePath());
    }
}

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

QStringList collectFiles(const QStringList &paths, QList<ImportProblem> &refused, const QString &projectPath)
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
            walk(path, visitedDirs, seenFiles, files, refused, projectPath);
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
        if (!refusedAsNotArticle(path, refused))
            files.append(path);
    }
    return files;
}

} // namespace gloss::import
