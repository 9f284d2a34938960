#pragma once

#include <QString>
#include <QStringView>

namespace gloss::model {

// The key a name is compared by: lower case, without diacritics, dots or possessive marks, with
// one kind of apostrophe and dash and single spaces. "U.S." and "us", "SÃO PAULO" and "Sao Paulo"
// share a key. Extraction finds names by it, and the project keeps aliases and rejected names by it.
QString nameKey(QStringView name);

} // namespace gloss::model
