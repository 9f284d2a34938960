#pragma once

#include <QString>
#include <QStringView>

namespace gloss::import {

// Decodes HTML character references ("&amp;", "&#233;", "&eacute;"). A reference that names
// nothing is left as written.
QString decodeEntities(QStringView s);

} // namespace gloss::import
