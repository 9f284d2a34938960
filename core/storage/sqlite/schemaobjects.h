#pragma once

#include <QList>
#include <QString>

struct sqlite3;

namespace gloss::storage::sqlite {

// A row of a project's sqlite_schema as SQLite reads it.
struct SchemaObject
{
    QString type; // "table", "index", "view" or "trigger", lower case
    QString name;
    QString sql; // empty for the indexes SQLite makes for a table's constraints
};

// What SQLite makes of the CREATE statement a row of sqlite_schema holds: "table", "index",
// "view" or "trigger", its words read as SQLite's parser reads them (in any case, with comments
// and TEMP, UNIQUE or VIRTUAL between them); empty when the text is no CREATE statement.
QString createdKind(QStringView sql);

// Every row of the schema, its type taken from its SQL where it has one: SQLite parses the SQL to
// load the schema, whatever the row's type says. Throws StorageError when the schema cannot be read.
QList<SchemaObject> schemaObjects(sqlite3 *db);

// The triggers and views among them, by their SQL or by their type in any case. Gloss creates
// neither: each one was planted, and a project holding one is refused when it is opened.
QList<SchemaObject> plantedObjects(sqlite3 *db);

} // namespace gloss::storage::sqlite
