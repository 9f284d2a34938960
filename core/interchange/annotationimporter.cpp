#include "interchange/annotationimporter.h"

#include <QFile>
#include <QStringDecoder>

namespace gloss::interchange {

QString readAnnotationFile(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return {};
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        error = QStringLiteral("%1: not UTF-8 text; export it again from Gloss or save it as CSV UTF-8").arg(path);
        return {};
    }
    return text;
}

} // namespace gloss::interchange
