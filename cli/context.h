#pragma once

#include "cli/arguments.h"
#include "cli/commandline.h"
#include "model/agreement.h"
#include "model/articlefilter.h"
#include "operations/project.h"

#include <QTextStream>

#include <memory>
#include <optional>

class QIODevice;
class QJsonArray;
class QJsonObject;

namespace gloss::cli {

// What a command gets: its arguments, the streams, and the project (opened on demand).
struct Context
{
    QStringList args; // after the command name, --project removed
    QString projectPath;
    // How messages name the project: its path, or "database D on HOST as USER" for a team project
    // (a connection string may hold a password, never printed).
    QString projectName;
    QString coder; // --coder, else GLOSS_CODER, else ""; the opened project writes as this coder
    bool coderGiven = false; // --coder was on the command line
    QIODevice &outDevice;
    QTextStream out;
    QTextStream err;
    std::unique_ptr<Project> project;

    Context(QIODevice &o, QIODevice &e)
        : outDevice(o)
        , out(&o)
        , err(&e)
    { }

    // Opens the project; on failure prints the reason and returns false. Opening for writing runs
    // a quick check first (a damaged project is set aside and the newest good backup named) and
    // takes the daily backup when one is due; `verify` false skips both (`gloss check`).
    bool openProject(Project::Access access = Project::Access::ReadWrite, bool verify = true);
    // For commands that only read: no quick check, no daily backup (a missing project is still
    // created empty, as before).
    bool openProjectToRead() { return openProject(Project::Access::ReadWrite, false); }
    int usage(const QString &message); // prints "gloss: message" and returns UsageError
    int fail(const QString &message); // prints "gloss: message" and returns InputFailed

    // Reads --search --tag --set --from --to --var --done-by --not-done-by; on a bad value prints
    // why and returns false.
    bool readFilter(const Arguments &a, model::ArticleFilter &filter);
    // --format, checked against `allowed` (the first is the default).
    bool readFormat(const Arguments &a, const QStringList &allowed, QString &format);

    // How a listing command ends: its rows as a table or as CSV (`format` is "table" or "csv").
    // Returns Ok.
    int writeRows(const QString &format, const QStringList &headers, const QList<QStringList> &rows);
    // How a command ends with --format json: the document, indented. Returns Ok.
    int writeJson(const QJsonArray &list);
    int writeJson(const QJsonObject &object);
};

// The formats of the listing commands (articles, tags, entities, timeline); table is the default.
inline const QStringList RowFormats = {QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json")};

// "1 article", "2 articles": a count with its noun in the right number.
QString counted(qint64 count, const char *one, const char *many);

// Filter and format options shared by several commands.
QSet<QString> filterOptions();

int articlesCommand(Context &c);
int importCommand(Context &c);
int showCommand(Context &c);
int highlightCommand(Context &c);
int doneCommand(Context &c);
int checkCommand(Context &c);
int tagsCommand(Context &c);
int timelineCommand(Context &c);
int exportCommand(Context &c);
int importAnnotationsCommand(Context &c);
int agreementCommand(Context &c);
int reportPassagesCommand(Context &c);
int reportFrequencyCommand(Context &c);
int reportCooccurrenceCommand(Context &c);
int reportCommand(Context &c); // `report` without a known kind: says which there are
// --coders, --level, --overlap and --all of `agreement` and of the agreement export layouts; an exit
// code when one is refused (the message said), else nothing.
std::optional<int> readAgreementOptions(Context &c, const Arguments &a, model::AgreementRequest &request);
int importCodebookCommand(Context &c);
int mergeCommand(Context &c);
int splitCommand(Context &c);
int entitiesCommand(Context &c);
int backupCommand(Context &c);
int variablesCommand(Context &c);
int variablesSetCommand(Context &c);
int variablesRemoveCommand(Context &c);
int restoreCommand(Context &c);
int teamInitCommand(Context &c);
int teamAddCoderCommand(Context &c);
int teamPushCommand(Context &c);
int teamPullCommand(Context &c);

// The table and CSV writers behind writeRows.
void writeTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows);
void writeCsv(QIODevice &out, const QStringList &headers, const QList<QStringList> &rows);

} // namespace gloss::cli
