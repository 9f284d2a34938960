#pragma once

#include "model/exportrows.h"

#include <QByteArray>
#include <QList>

namespace gloss::storage::sqlite {

class Database;

// What the export and the reports share to read a chosen part of a project fast.

// Ids as a JSON array, bound to "x IN (SELECT value FROM json_each(?N))".
QByteArray jsonIds(const QList<qint64> &ids);

// The article ids of a scope (its filter, narrowed to its chosen articles) as a JSON array; empty
// for the whole project.
QByteArray scopeIds(Database &db, const model::ExportScope &scope);

// Reads the project through a memory map while a query visits rows out of their stored order
// (highlights in article order, a matrix in order of publication): each page read again costs no
// system call and no copy (a third of the time of a million-row export). The previous setting is
// put back at the end.
class MappedReads final
{
public:
    explicit MappedReads(Database &db);
    ~MappedReads();
    MappedReads(const MappedReads &) = delete;
    MappedReads &operator=(const MappedReads &) = delete;

private:
    void set(qint64 bytes);

    Database &m_db;
    qint64 m_previous = 0;
};

} // namespace gloss::storage::sqlite
