#include "import/documents/zipparts.h"

#include <zip.h>

#include <memory>

namespace gloss::import::documents {

namespace {

QString mebibytes(quint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) == 0 ? 0 : 1);
}

} // namespace

ZipParts::ZipParts(const QByteArray &bytes)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
    if (source)
        m_zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!m_zip) {
        if (source)
            zip_source_free(source);
        m_error = QStringLiteral("damaged or truncated ZIP archive (%1)")
                      .arg(QString::fromUtf8(zip_error_strerror(&error)));
    }
    zip_error_fini(&error);
}

ZipParts::~ZipParts()
{
    if (m_zip)
        zip_discard(m_zip);
}

bool ZipParts::contains(const char *name) const
{
    return m_zip && zip_name_locate(m_zip, name, 0) >= 0;
}

QStringList ZipParts::names() const
{
    QStringList out;
    if (!m_zip)
        return out;
    const zip_int64_t n = zip_get_num_entries(m_zip, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char *name = zip_get_name(m_zip, zip_uint64_t(i), ZIP_FL_ENC_GUESS))
            out.append(QString::fromUtf8(name));
    return out;
}

std::optional<QByteArray> ZipParts::read(const char *name, qint64 maxBytes, QString &error) const
{
    const QString part = QString::fromUtf8(name);
    if (!m_zip) {
        error = m_error;
        return std::nullopt;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_zip, name, 0, &stat) != 0) {
        error = QStringLiteral("%1 is missing").arg(part);
        return std::nullopt;
    }
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
        error = QStringLiteral("encrypted (protected by a password): %1 cannot be read").arg(part);
        return std::nullopt;
    }
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > quint64(maxBytes)) {
        error = QStringLiteral("%1 would inflate to %2 MiB (the limit is %3 MiB)")
                    .arg(part, mebibytes(stat.size), mebibytes(quint64(maxBytes)));
        return std::nullopt;
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> file(zip_fopen(m_zip, name, 0), zip_fclose);
    if (!file) {
        error = QStringLiteral("%1 cannot be read (%2)").arg(part, QString::fromUtf8(zip_strerror(m_zip)));
        return std::nullopt;
    }
    QByteArray out;
    out.reserve(qsizetype(std::min<quint64>(stat.size, quint64(maxBytes))));
    char chunk[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
        if (n < 0) {
            error = QStringLiteral("%1 is damaged (%2)")
                        .arg(part, QString::fromUtf8(zip_error_strerror(zip_file_get_error(file.get()))));
            return std::nullopt;
        }
        if (n == 0)
            break;
        if (out.size() + n > maxBytes) {
            error
                = QStringLiteral("%1 inflates to more than %2 MiB (the limit)").arg(part, mebibytes(quint64(maxBytes)));
            return std::nullopt;
        }
        out.append(chunk, qsizetype(n));
    }
    return out;
}

} // namespace gloss::import::documents
