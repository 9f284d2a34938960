#pragma once

#include <QString>

namespace gloss::operations {

// Setting up a team project on a PostgreSQL server and moving projects between a file and the
// server (README, Team server; `gloss team ...`). Each returns an error in words naming the server
// and database (never a password), or an empty string; nothing is half-done on an error.
class Team final
{
public:
    // Makes the empty database `target` a Gloss project, creates the roles gloss_lead and
    // gloss_coder when missing and gives them their rights. On a project already there it only
    // sets the rights again. Run by the database's owner with the right to create roles.
    static QString init(const QString &target);
    // A login role for coder `name` (a lead with `lead`), with `password` when not empty.
    static QString addCoder(const QString &target, const QString &name, bool lead, const QString &password);
    // Uploads the project file `file` whole into `target` (a new team project; init is done too).
    static QString push(const QString &file, const QString &target);
    // Writes the team project `target` to the new project file `file` (replaced with `force`).
    static QString pull(const QString &target, const QString &file, bool force);
    // Whether `project` names a team project rather than a file.
    static bool isServer(const QString &project);
    // "database D on HOST:PORT as USER": a team project named without its password.
    static QString describe(const QString &target);
    // The target without a password in it, for a password typed by the user (set in PGPASSWORD).
    static QString withoutPassword(const QString &target);
};

} // namespace gloss::operations
