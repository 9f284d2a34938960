#pragma once

#include <QString>

namespace gloss::storage::postgres {

class Connection;

// The newest schema this build knows (kept in the table gloss_schema).
int currentSchemaVersion();

// Brings the database to the current schema: creates it in an empty database, runs the
// numbered migrations a project from an older Gloss needs, each in one transaction. Returns an
// error in words, or an empty string: a database holding other tables than Gloss's is "not a
// Gloss project", a newer schema is refused as for SQLite files. `create` false opens existing
// projects only.
QString migrate(Connection &connection, bool create);

} // namespace gloss::storage::postgres
