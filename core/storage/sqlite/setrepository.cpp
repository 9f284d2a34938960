#include "storage/sqlite/setrepository.h"

#include "storage/error.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/sqliteerror.h"
#include "storage/sqlite/transaction.h"

#include <QDateTime>

namespace gloss::storage::sqlite {

qint64 SetRepository::create(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw StorageError(QStringLiteral("a set needs a name"));
    Statement s = m_db.cached("INSERT INTO sets(name, created) VALUES(?1, ?2)");
    s.bind(1, trimmed).bind(2, QDateTime::currentDateTimeUtc());
    try {
        s.exec();
    } catch (const StorageError &e) {
        if (e.code() == 2067)
            throw sqlite::error(QStringLiteral("a set named \"%1\" already exists").arg(trimmed), e.code());
        throw;
    }
    return m_db.lastInsertId();
}

void SetRepository::restore(const model::ArticleSet &set)
{
    Statement s = m_db.cached("INSERT INTO sets(id, name, created) VALUES(?1, ?2, ?3)");
    s.bind(1, set.id).bind(2, set.name).bind(3, QDateTime::currentDateTimeUtc());
    s.exec();
}

void SetRepository::rename(qint64 id, const QString &name)
{
    Statement s = m_db.cached("UPDATE sets SET name = ?2 WHERE id = ?1");
    s.bind(1, id).bind(2, name.trimmed());
    s.exec();
}

void SetRepository::remove(qint64 id)
{
    Statement s = m_db.cached("DELETE FROM sets WHERE id = ?1");
    s.bind(1, id);
    s.exec();
}

QList<model::ArticleSet> SetRepository::all()
{
    Statement s = m_db.cached("SELECT s.id, s.name, (SELECT count(*) FROM set_articles sa WHERE sa.set_id = s.id) "
                              "FROM sets s ORDER BY s.name COLLATE NOCASE");
    QList<model::ArticleSet> out;
    while (s.step())
        out.append({s.int64(0), s.text(1), s.integer(2)});
    return out;
}

std::optional<qint64> SetRepository::find(const QString &name)
{
    Statement s = m_db.cached("SELECT id FROM sets WHERE name = ?1");
    s.bind(1, name.trimmed());
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

void SetRepository::addArticles(qint64 setId, const QList<qint64> &articleIds)
{
    Transaction tx(m_db);
    for (const qint64 a : articleIds) {
        Statement s = m_db.cached("INSERT OR IGNORE INTO set_articles(set_id, article_id) VALUES(?1, ?2)");
        s.bind(1, setId).bind(2, a);
        s.exec();
    }
    tx.commit();
}

void SetRepository::removeArticles(qint64 setId, const QList<qint64> &articleIds)
{
    Transaction tx(m_db);
    for (const qint64 a : articleIds) {
        Statement s = m_db.cached("DELETE FROM set_articles WHERE set_id = ?1 AND article_id = ?2");
        s.bind(1, setId).bind(2, a);
        s.exec();
    }
    tx.commit();
}

QList<qint64> SetRepository::articles(qint64 setId)
{
    Statement s = m_db.cached("SELECT article_id FROM set_articles WHERE set_id = ?1 ORDER BY article_id");
    s.bind(1, setId);
    QList<qint64> out;
    while (s.step())
        out.append(s.int64(0));
    return out;
}

} // namespace gloss::storage::sqlite
