#pragma once

#include "model/refiproject.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gloss::interchange::refi {

inline const QString ProjectNamespace = QStringLiteral("urn:QDA-XML:project:1.0");
inline const QString CodebookNamespace = QStringLiteral("urn:QDA-XML:codebook:1.0");

// project.qde for `project`, UTF-8, in the order Project-mrt2019.xsd asks for. Empty lists are
// left out (the schema wants at least one child where the element is there).
QByteArray writeProjectXml(const model::refi::Project &project);
// A .qdc codebook (urn:QDA-XML:codebook:1.0).
QByteArray writeCodebookXml(
    const QList<model::refi::Code> &codes, const QList<model::refi::Set> &sets, const QString &origin);

} // namespace gloss::interchange::refi
