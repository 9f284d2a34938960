#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace gloss::interchange::refi {

// Writes a .qdpx: project.qde and the files under their entry names ("sources/GUID.txt"), to a
// temporary file beside `path` renamed into place when all went well. The error, if any, names
// the file and the reason.
QString writeQdpx(const QString &path, const QByteArray &projectXml, const QList<QPair<QString, QByteArray>> &files);

} // namespace gloss::interchange::refi
