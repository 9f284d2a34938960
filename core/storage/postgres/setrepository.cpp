#include "storage/postgres/setrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

#include <QDateTime>

namespace gloss::storage::postgres {

qint64 SetRepository::create(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw StorageError(QStringLiteral("a set needs a name"));
    // In its own savepoint: a refused name leaves the caller's transaction usable, as on SQLite.
    Transaction tx(m_db);
    Query s = m_db.query("INSERT INTO sets(name, created) VALUES(?1, ?2) RETURNING id");
    s.bind(1, trimmed).bind(2, QDateTime::currentDateTimeUtc());
    try {
        s.step();
    } catch (const StorageError &e) {
        static const int uniqueViolation = QByteArray("23505").toInt(nullptr, 36);
        if (e.code() == uniqueViolation)
            throw StorageError(QStringLiteral("a set named \"%1\" already exists").arg(trimmed), e.failure(), e.code());
        throw;
    }
    const qint64 id = s.int64(0);
    tx.commit();
    return id;
}

void SetRepository::restore(const model::ArticleSet &set)
{
    Transaction tx(m_db);
    Query s = m_db.query("INSERT INTO sets(id, name, created) VALUES(?1, ?2, ?3)");
    s.bind(1, set.id).bind(2, set.name).bind(3, QDateTime::currentDateTimeUtc());
    s.exec();
    // The next set made gets an id past the restored one.
    m_db.query("SELECT setval(pg_get_serial_sequence('sets', 'id'), (SELECT max(id) FROM sets))").exec();
    tx.commit();
}

void SetRepository::rename(qint64 id, const QString &name)
{
    Query s = m_db.query("UPDATE sets SET name = ?2 WHERE id = ?1");
    s.bind(1, id).bind(2, name.trimmed());
    s.exec();
}

void SetRepository::remove(qint64 id)
{
    Query s = m_db.query("DELETE FROM sets WHERE id = ?1");
    s.bind(1, id);
    s.exec();
}

QList<model::ArticleSet> SetRepository::all()
{
    // SQLite's NOCASE folds ASCII letters only, then ties keep the rowid order.
    Query s = m_db.query("SELECT s.id, s.name, (SELECT count(*) FROM set_articles sa WHERE sa.set_id = s.id) "
                         "FROM sets s ORDER BY lower(s.name) COLLATE \"C\", s.id");
    QList<model::ArticleSet> out;
    while (s.step())
        out.append({s.int64(0), s.text(1), s.integer(2)});
    return out;
}

std::optional<qint64> SetRepository::find(const QString &name)
{
    Query s = m_db.query("SELECT id FROM sets WHERE name = ?1");
    s.bind(1, name.trimmed());
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

void SetRepository::addArticles(qint64 setId, const QList<qint64> &articleIds)
{
    Transaction tx(m_db);
    for (const qint64 a : articleIds) {
        Query s = m_db.query("INSERT INTO set_articles(set_id, article_id) VALUES(?1, ?2) ON CONFLICT DO NOTHING");
        s.bind(1, setId).bind(2, a);
        s.exec();
    }
    tx.commit();
}

void SetRepository::removeArticles(qint64 setId, const QList<qint64> &articleIds)
{
    Transaction tx(m_db);
    for (const qint64 a : articleIds) {
        Query s = m_db.query("DELETE FROM set_articles WHERE set_id = ?1 AND article_id = ?2");
        s.bind(1, setId).bind(2, a);
        s.exec();
    }
    tx.commit();
}

QList<qint64> SetRepository::articles(qint64 setId)
{
    Query s = m_db.query("SELECT article_id FROM set_articles WHERE set_id = ?1 ORDER BY article_id");
    s.bind(1, setId);
    QList<qint64> out;
    while (s.step())
        out.append(s.int64(0));
    return out;
}

} // namespace gloss::storage::postgres
