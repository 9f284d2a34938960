#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

struct zip;

namespace gloss::import::documents {

// The parts of a ZIP package (DOCX, ODT) held in memory, read through libzip with a bound on what
// each part may inflate to.
class ZipParts final
{
public:
    explicit ZipParts(const QByteArray &bytes); // the bytes must outlive the object
    ~ZipParts();
    ZipParts(const ZipParts &) = delete;
    ZipParts &operator=(const ZipParts &) = delete;

    // Why the archive could not be opened; empty when it was.
    QString error() const { return m_error; }
    bool contains(const char *name) const;
    // The names of the archive's entries, as stored (not checked: see refi::unsafePathReason).
    QStringList names() const;

    // The bytes of part `name`, or nothing with `error` set: missing, encrypted, damaged, or larger
    // than `maxBytes` once inflated (refused from the size it declares before anything is inflated,
    // and by counting while inflating, for an archive that lies about it).
    std::optional<QByteArray> read(const char *name, qint64 maxBytes, QString &error) const;

private:
    zip *m_zip = nullptr;
    QString m_error;
};

} // namespace gloss::import::documents
