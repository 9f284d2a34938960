#pragma once

#include <QString>

namespace gloss::storage::postgres {

class Connection;

// The team's rights on a project database (README, Team server). Coders are login roles in
// gloss_coder: they read everything and change only their own highlights, notes, article tags,
// done marks and date decisions (row-level security), and the shared decisions on entities and
// sets, which they may change whoever made them but record only in their own name. Leads (gloss_lead, itself a member
// of gloss_coder) change anything: the codebook, imports, deleting articles, merging. The roles are the server's,
// shared by every Gloss database on it.

// Creates the roles when missing and grants them their rights on this database; idempotent.
// Run as the database's owner with the right to create roles. Throws StorageError.
void setUpRights(Connection &connection);

// Whether this database's rights were set up (a team project, not a plain one).
bool hasRights(Connection &connection);

// Creates login role `name` in gloss_coder (gloss_lead when `lead`), with `password` when given
// (sent hashed); an existing role is granted the membership. Returns an error in words, or empty.
QString addCoder(Connection &connection, const QString &name, bool lead, const QString &password);

} // namespace gloss::storage::postgres
