#include "storage/sqlite/scopedreads.h"

#include "storage/sqlite/articlerepository.h"
#include "storage/sqlite/database.h"

#include <QSet>

namespace gloss::storage::sqlite {

QByteArray jsonIds(const QList<qint64> &ids)
{
    QByteArray json = "[";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            json += ',';
        json += QByteArray::number(ids.at(i));
    }
    json += ']';
    return json;
}

QByteArray scopeIds(Database &db, const model::ExportScope &scope)
{
    if (scope.isWholeProject())
        return {};
    QList<qint64> ids;
    if (scope.filter.isEmpty()) {
        ids = scope.articleIds;
    } else {
        ids = ArticleRepository(db).ids(scope.filter, model::ArticleOrder::Id);
        if (!scope.articleIds.isEmpty()) {
            const QSet<qint64> chosen(scope.articleIds.cbegin(), scope.articleIds.cend());
            ids.removeIf([&](qint64 id) { return !chosen.contains(id); });
        }
    }
    return jsonIds(ids);
}

MappedReads::MappedReads(Database &db)
    : m_db(db)
{
    Statement get = m_db.prepare("PRAGMA mmap_size");
    m_previous = get.step() ? get.int64(0) : 0;
    set(qint64(1) << 31);
}

MappedReads::~MappedReads()
{
    try {
        set(m_previous);
    } catch (...) { // never throw from a destructor; the setting only affects speed
    }
}

void MappedReads::set(qint64 bytes)
{
    // A pragma takes no bound parameters; the value is a number we made.
    const QByteArray sql = "PRAGMA mmap_size=" + QByteArray::number(bytes);
    Statement s = m_db.prepare(sql.constData());
    s.exec();
}

} // namespace gloss::storage::sqlite
