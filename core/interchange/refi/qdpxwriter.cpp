#include "interchange/refi/qdpxwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <zip.h>

#include <cstdio>

namespace gloss::interchange::refi {

QString writeQdpx(const QString &path, const QByteArray &projectXml, const QList<QPair<QString, QByteArray>> &files)
{
    const QFileInfo target(path);
    QTemporaryFile temp(target.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX").arg(target.fileName())));
    if (!temp.open())
        return QStringLiteral("%1: cannot write beside it (%2)").arg(path, temp.errorString());
    temp.close();
    const QByteArray tempName = QFile::encodeName(temp.fileName());
    int code = 0;
    zip_t *zip = zip_open(tempName.constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!zip)
        return QStringLiteral("%1: cannot write it (libzip error %2)").arg(path).arg(code);
    QString error;
    const auto add = [&](const QString &name, const QByteArray &bytes) {
        if (!error.isEmpty())
            return;
        zip_source_t *source = zip_source_buffer(zip, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!source || zip_file_add(zip, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (source)
                zip_source_free(source);
            error = QStringLiteral("%1: cannot add %2 (%3)").arg(path, name, QString::fromUtf8(zip_strerror(zip)));
        }
    };
    add(QStringLiteral("project.qde"), projectXml);
    for (const auto &[name, bytes] : files)
        add(name, bytes);
    if (!error.isEmpty()) {
        zip_discard(zip);
        return error;
    }
    if (zip_close(zip) != 0) {
        error = QStringLiteral("%1: cannot write it (%2)").arg(path, QString::fromUtf8(zip_strerror(zip)));
        zip_discard(zip);
        return error;
    }
    QFile::setPermissions(temp.fileName(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    // Renamed over what was there in one step: a failed export leaves the old file whole.
    if (std::rename(tempName.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return QStringLiteral("%1: cannot put the new file in place").arg(path);
    temp.setAutoRemove(false);
    return {};
}

} // namespace gloss::interchange::refi
