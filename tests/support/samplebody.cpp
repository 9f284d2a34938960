#include "support/samplebody.h"

#include "import/decoder.h"
#include "import/reader.h"

#include <QFile>

namespace gloss::test {

QString sampleBody(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    const import::DecodedText decoded = import::decodeText(file.readAll());
    if (!decoded.ok()) {
        error = QStringLiteral("%1: %2").arg(path, decoded.error);
        return {};
    }
    const import::ReadResult read = import::readArticles(import::Format::NewsText, decoded.text);
    if (read.articles.size() != 1) {
        error = QStringLiteral("%1: not one news-text article").arg(path);
        return {};
    }
    return read.articles.first().body;
}

} // namespace gloss::test
