#include "storage/postgres/scopedreads.h"

#include "storage/postgres/articlerepository.h"
#include "storage/postgres/connection.h"

#include <QSet>

namespace gloss::storage::postgres {

QByteArray idArray(const QList<qint64> &ids)
{
    QByteArray array = "{";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            array += ',';
        array += QByteArray::number(ids.at(i));
    }
    array += '}';
    return array;
}

QByteArray textArray(const QStringList &values)
{
    QByteArray array = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            array += ',';
        array += '"';
        for (const char c : values.at(i).toUtf8()) {
            if (c == '"' || c == '\\')
                array += '\\';
            if (c != '\0') // PostgreSQL text holds no NUL (as Query::bind)
                array += c;
        }
        array += '"';
    }
    array += '}';
    return array;
}

QByteArray scopeIds(Connection &db, const model::ExportScope &scope)
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
    return idArray(ids);
}

} // namespace gloss::storage::postgres
