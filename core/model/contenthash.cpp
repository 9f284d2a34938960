#include "model/contenthash.h"

#include <QCryptographicHash>

namespace gloss::model {

QString contentHash(const QString &title, const QString &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(title.trimmed().toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(body.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace gloss::model
