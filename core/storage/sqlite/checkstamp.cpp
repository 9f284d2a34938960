#include "storage/sqlite/checkstamp.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace gloss::storage::sqlite {

namespace {

// The identity of a file: device, inode, size and modification time; empty when it is missing.
QByteArray identity(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QByteArray::number(qulonglong(st.st_dev)) + ' ' + QByteArray::number(qulonglong(st.st_ino)) + ' '
        + QByteArray::number(qlonglong(st.st_size)) + ' ' + QByteArray::number(qlonglong(st.st_mtim.tv_sec)) + '.'
        + QByteArray::number(qlonglong(st.st_mtim.tv_nsec));
}

} // namespace

CheckStamp::CheckStamp(QString projectPath)
    : m_project(std::move(projectPath))
{ }

QString CheckStamp::path() const
{
    return m_project + QStringLiteral(".backups/last-check");
}

std::optional<QDateTime> CheckStamp::lastCleanCheck(const QDateTime &now) const
{
    QFile f(path());
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    // Line 1: the file's identity; line 2: when it was last checked clean (ISO, UTC).
    const QList<QByteArray> lines = f.read(4096).split('\n');
    if (lines.size() < 2)
        return std::nullopt;
    const QByteArray current = identity(m_project);
    if (current.isEmpty() || lines.at(0) != current)
        return std::nullopt;
    // Changes in a write-ahead log were never checked, and may be what a crash left.
    if (QFileInfo(m_project + u"-wal").size() > 0)
        return std::nullopt;
    QDateTime checked = QDateTime::fromString(QString::fromLatin1(lines.at(1)), Qt::ISODateWithMs);
    if (!checked.isValid())
        return std::nullopt;
    checked.setTimeSpec(Qt::UTC);
    const qint64 age = checked.secsTo(now);
    if (age < 0 || age > MaxAgeSeconds)
        return std::nullopt;
    return checked;
}

void CheckStamp::record(const QDateTime &checkedAt) const
{
    const QByteArray id = identity(m_project);
    if (id.isEmpty() || QFileInfo(m_project + u"-wal").size() > 0) {
        remove(); // another connection still has changes in the log: the next open checks
        return;
    }
    if (!QDir().mkpath(QFileInfo(path()).absolutePath()))
        return;
    QSaveFile f(path());
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(id + '\n' + checkedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\n');
    f.commit();
}

void CheckStamp::remove() const
{
    QFile::remove(path());
}

} // namespace gloss::storage::sqlite
