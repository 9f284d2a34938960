#pragma once

#include "model/exportrows.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace gloss::storage::postgres {

class Connection;

// What the export and the reports share to read a chosen part of a project.

// Ids as a PostgreSQL array literal ("{3,7}"), bound to "x = ANY($N::bigint[])".
QByteArray idArray(const QList<qint64> &ids);
// Texts as a PostgreSQL array literal ({"a","b\"c"}), bound to "x = ANY($N::text[])".
QByteArray textArray(const QStringList &values);

// The article ids of a scope (its filter, narrowed to its chosen articles) as an array literal;
// empty for the whole project.
QByteArray scopeIds(Connection &db, const model::ExportScope &scope);

} // namespace gloss::storage::postgres
