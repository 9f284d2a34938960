#include "storage/postgres/transfer.h"

#include "storage/error.h"
#include "storage/postgres/articlerepository.h"
#include "storage/postgres/connection.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/statement.h"
#include "storage/sqlite/transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <libpq-fe.h>

namespace gloss::storage::postgres {

namespace {

// Every table of a project, parents before children.
const char *const Tables[] = {"meta", "articles", "article_variables", "tags", "highlights", "highlight_tags",
    "article_tags", "notes", "sets", "set_articles", "entities", "entity_aliases", "rejected_names", "mentions",
    "timerefs", "timeref_overrides", "done_marks"};

// The columns both engines share, in the team server's order (its search vector is its own).
QStringList columnsOf(Connection &connection, const char *table)
{
    QStringList columns;
    Query q = connection.query("SELECT column_name FROM information_schema.columns "
                               "WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'search' "
                               "ORDER BY ordinal_position");
    q.bind(1, table);
    while (q.step())
        columns.append(q.text(0));
    if (columns.isEmpty())
        throw StorageError(
            QStringLiteral("the team project has no table %1").arg(QLatin1String(table)), Failure::Corrupt);
    return columns;
}

QByteArray columnList(const QStringList &columns)
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted.append(QLatin1Char('"') + c + QLatin1Char('"'));
    return quoted.join(QLatin1String(", ")).toUtf8();
}

// COPY's text format: backslash, tab, newline and carriage return escaped; NULL as \N.
void appendCopyValue(QByteArray &line, const QByteArray &value, bool isNull)
{
    if (isNull) {
        line += "\\N";
        return;
    }
    for (const char c : value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        case '\0':
            break;
        default:
            line += c;
        }
    }
}

void putCopyData(Connection &connection, QByteArray &buffer)
{
    if (buffer.isEmpty())
        return;
    if (PQputCopyData(connection.handle(), buffer.constData(), int(buffer.size())) != 1)
        throw StorageError(QString::fromUtf8(PQerrorMessage(connection.handle())).trimmed(), Failure::Disconnected);
    buffer.clear();
}

void endCopy(Connection &connection, const char *table)
{
    if (PQputCopyEnd(connection.handle(), nullptr) != 1)
        throw StorageError(QString::fromUtf8(PQerrorMessage(connection.handle())).trimmed(), Failure::Disconnected);
    while (pg_result *result = PQgetResult(connection.handle())) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK)
            connection.fail(result, QByteArray("COPY ") + table);
        PQclear(result);
    }
}

// One table from the file into the server with COPY. Tags go in without their parents first, the
// parents set afterwards, as a tag may have been moved under one made after it.
void copyTableUp(sqlite::Database &db, Connection &connection, const char *table)
{
    const QStringList columns = columnsOf(connection, table);
    const bool tags = qstrcmp(table, "tags") == 0;
    QByteArray select = "SELECT " + columnList(columns) + " FROM " + table;
    sqlite::Statement s = db.prepare(select.constData());
    pg_result *started = PQexec(connection.handle(),
        QByteArray("COPY " + QByteArray(table) + "(" + columnList(columns) + ") FROM STDIN").constData());
    if (PQresultStatus(started) != PGRES_COPY_IN)
        connection.fail(started, QByteArray("COPY ") + table);
    PQclear(started);
    const int parentColumn = tags ? int(columns.indexOf(QStringLiteral("parent_id"))) : -1;
    QByteArray buffer;
    while (s.step()) {
        for (int i = 0; i < columns.size(); ++i) {
            if (i > 0)
                buffer += '\t';
            appendCopyValue(buffer, s.utf8(i), s.isNull(i) || i == parentColumn);
        }
        buffer += '\n';
        if (buffer.size() > (1 << 20))
            putCopyData(connection, buffer);
    }
    putCopyData(connection, buffer);
    endCopy(connection, table);
    if (tags) {
        sqlite::Statement parents = db.prepare("SELECT id, parent_id FROM tags WHERE parent_id IS NOT NULL");
        while (parents.step())
            connection.query("UPDATE tags SET parent_id = $2 WHERE id = $1")
                .bind(1, parents.int64(0))
                .bind(2, parents.int64(1))
                .exec();
    }
}

// One table from the server into the file, a page of rows at a time (keyset on id where the
// table has one), so a large corpus never sits in memory whole.
void copyTableDown(Connection &connection, sqlite::Database &db, const char *table)
{
    const QStringList columns = columnsOf(connection, table);
    const bool paged = columns.first() == u"id";
    const bool tags = qstrcmp(table, "tags") == 0;
    const int parentColumn = tags ? int(columns.indexOf(QStringLiteral("parent_id"))) : -1;
    QStringList marks;
    for (int i = 1; i <= columns.size(); ++i)
        marks.append(QStringLiteral("?%1").arg(i));
    const QByteArray insert = "INSERT INTO " + QByteArray(table) + "(" + columnList(columns) + ") VALUES("
        + marks.join(QLatin1String(", ")).toUtf8() + ")";
    const QByteArray select
        = "SELECT " + columnList(columns) + " FROM " + table + (paged ? " WHERE id > $1 ORDER BY id LIMIT 2000" : "");
    qint64 last = -1;
    for (;;) {
        Query q = connection.query(select);
        if (paged)
            q.bind(1, last);
        int rows = 0;
        sqlite::Statement s = db.prepare(insert.constData());
        while (q.step()) {
            ++rows;
            for (int i = 0; i < columns.size(); ++i) {
                if (q.isNull(i) || i == parentColumn)
                    s.bindNull(i + 1);
                else
                    s.bind(i + 1, q.text(i));
            }
            s.exec();
            s.reset();
            if (paged)
                last = q.int64(0);
        }
        if (!paged || rows == 0)
            break;
    }
    if (tags) {
        Query parents = connection.query("SELECT id, parent_id FROM tags WHERE parent_id IS NOT NULL");
        sqlite::Statement s = db.prepare("UPDATE tags SET parent_id = ?2 WHERE id = ?1");
        while (parents.step()) {
            s.bind(1, parents.int64(0)).bind(2, parents.int64(1));
            s.exec();
            s.reset();
        }
    }
}

} // namespace

QString pushFile(const QString &file, Connection &connection)
{
    auto opened = sqlite::Database::open(file, sqlite::Database::Access::ReadOnly);
    if (!opened.db)
        return opened.error;
    if (opened.db->userVersion() != sqlite::Database::schemaVersion())
        return QStringLiteral("%1: made by another version of Gloss (schema %2, this Gloss writes %3): open it with "
                              "this Gloss once, then push it")
            .arg(file)
            .arg(opened.db->userVersion())
            .arg(sqlite::Database::schemaVersion());
    try {
        Query there = connection.query("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM tags)");
        if (there.step() && there.int64(0) > 0)
            return QStringLiteral("%1 already holds articles or a codebook: push into a new team project "
                                  "(gloss team init), or merge the file's coding with gloss merge")
                .arg(connection.location());
        Transaction tx(connection);
        connection.execute("DELETE FROM meta");
        sqlite::Transaction read(*opened.db, sqlite::Transaction::Mode::Deferred); // one snapshot of the file
        for (const char *table : Tables)
            copyTableUp(*opened.db, connection, table);
        // The search index, made as the article repository makes it for an import.
        ArticleRepository articles(connection);
        sqlite::Statement bodies = opened.db->prepare("SELECT id, title, body FROM articles ORDER BY id");
        while (bodies.step())
            articles.addToIndex(bodies.int64(0), bodies.text(1), bodies.text(2));
        // The identities go on after the ids that came with the file.
        connection.execute(R"sql(
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), coalesce((SELECT max(id) FROM %I), 0) + 1, false)', t, t);
  END LOOP;
END $$;)sql");
        tx.commit();
    } catch (const StorageError &e) {
        return QStringLiteral("%1: cannot push %2: %3; nothing was changed")
            .arg(connection.location(), file, e.message());
    }
    return {};
}

QString pullToFile(Connection &connection, const QString &file)
{
    const QString part = file + QStringLiteral(".part");
    QFile::remove(part);
    {
        auto opened = sqlite::Database::open(part);
        if (!opened.db)
            return opened.error;
        try {
            Transaction read(connection);
            connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); // one snapshot
            sqlite::Transaction write(*opened.db);
            opened.db->exec("DELETE FROM meta");
            for (const char *table : Tables)
                copyTableDown(connection, *opened.db, table);
            opened.db->exec("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')");
            write.commit();
            read.commit();
        } catch (const StorageError &e) {
            opened.db.reset();
            QFile::remove(part);
            QFile::remove(part + QStringLiteral("-wal"));
            QFile::remove(part + QStringLiteral("-shm"));
            return QStringLiteral("%1: cannot copy %2 into it: %3").arg(file, connection.location(), e.message());
        }
    }
    QFile::remove(part + QStringLiteral("-wal"));
    QFile::remove(part + QStringLiteral("-shm"));
    if (!QFile::rename(part, file)) {
        QFile::remove(part);
        return QStringLiteral("%1: cannot write the file there (it exists or the folder is not writable)").arg(file);
    }
    return {};
}

} // namespace gloss::storage::postgres
