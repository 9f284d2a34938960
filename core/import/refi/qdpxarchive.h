#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace gloss::import::documents {
class ZipParts;
}

namespace gloss::import::refi {

// What a .qdpx may hold before Gloss refuses it: a zip bomb is refused from the sizes its parts
// declare and, for one that lies, by counting while inflating.
struct ArchiveLimits
{
    qint64 maxArchiveBytes = qint64(2) * 1024 * 1024 * 1024; // the .qdpx file itself
    qint64 maxQdeBytes = qint64(256) * 1024 * 1024; // project.qde inflated
    qint64 maxSourceBytes = qint64(64) * 1024 * 1024; // one source inflated (as gloss import's --max-size)
    qint64 maxTotalBytes = qint64(1024) * 1024 * 1024; // everything read, inflated
};

// A .qdpx package opened for reading, in memory: its project.qde and the files its internal://
// paths name (sources/NAME). Reads nothing outside the archive and writes nothing anywhere; an
// archive whose entries leave it ("../x", "/etc/x", "C:\x") is refused when opened.
class QdpxArchive final
{
public:
    ~QdpxArchive();
    QdpxArchive(const QdpxArchive &) = delete;
    QdpxArchive &operator=(const QdpxArchive &) = delete;

    // Opens the file; null with `error` (the reason, without the file's name) when it is not a
    // .qdpx Gloss can read: not a ZIP archive, no project.qde, an entry leaving the archive, a
    // project.qde inflating past the limit.
    static std::unique_ptr<QdpxArchive> open(const QString &path, const ArchiveLimits &limits, QString &error);
    static std::unique_ptr<QdpxArchive> fromBytes(QByteArray bytes, const ArchiveLimits &limits, QString &error);

    const QByteArray &projectXml() const { return m_qde; }
    QStringList entries() const { return m_entries; }
    // The bytes of the file an "internal://NAME" path names (sources/NAME, its case ignored when
    // only the case differs), or nothing with `error` set. `fatal` is set when the path itself is
    // refused (it leaves the archive or is absolute) or the archive is a bomb, rather than missing.
    std::optional<QByteArray> readInternal(const QString &url, QString &error, bool &fatal);

private:
    QdpxArchive() = default;
    bool init(QByteArray bytes, const ArchiveLimits &limits, QString &error);

    QByteArray m_bytes;
    std::unique_ptr<documents::ZipParts> m_zip;
    QStringList m_entries;
    QByteArray m_qde;
    ArchiveLimits m_limits;
    qint64 m_read = 0;
};

// Why `name` (an entry of the archive, or what follows internal://) would leave the archive: ".."
// among its parts, an absolute path, a drive letter. Empty when it stays inside.
QString unsafePathReason(const QString &name);

// A source file's text: a UTF-8 (or UTF-16, with its mark) byte order mark dropped, not counted;
// bytes that are not UTF-8 become U+FFFD with a warning.
QString decodeSourceText(const QByteArray &bytes, QString &warning);

} // namespace gloss::import::refi
