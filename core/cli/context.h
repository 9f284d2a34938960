#pragma once

#include "cli/arguments.h"
#include "cli/commandline.h"
#include "model/articlefilter.h"
#include "project.h"

#include <QTextStream>

#include <memory>

class QIODevice;

namespace gloss::cli {

// What a command gets: its arguments, the streams, and the project (opened on demand).
struct Context
{
    QStringList args; // after the command name, --project removed
    QString projectPath;
    QIODevice &outDevice;
    QTextStream out;
    QTextStream err;
    std::unique_ptr<Project> project;

    Context(QIODevice &o, QIODevice &e) : outDevice(o), out(&o), err(&e) {}

    // Opens the project; on failure prints the reason and returns false.
    bool openProject(storage::Database::Access access = storage::Database::Access::ReadWrite);
    int usage(const QString &message); // prints "gloss: message" and returns UsageError
    int fail(const QString &message);  // prints "gloss: message" and returns InputFailed

    // Reads --search --tag --set --from --to; on a bad value prints why and returns false.
    bool readFilter(const Arguments &a, model::ArticleFilter &filter);
    // --format, checked against `allowed` (the first is the default).
    bool readFormat(const Arguments &a, const QStringList &allowed, QString &format);
};

// Filter and format options shared by several commands.
QSet<QString> filterOptions();

int articlesCommand(Context &c);
int importCommand(Context &c);
int showCommand(Context &c);
int highlightCommand(Context &c);
int checkCommand(Context &c);
int tagsCommand(Context &c);
int timelineCommand(Context &c);
int exportCommand(Context &c);
int importAnnotationsCommand(Context &c);
int entitiesCommand(Context &c);

// Helpers for the three output formats.
void writeTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows);
void writeCsv(QIODevice &out, const QStringList &headers, const QList<QStringList> &rows);

} // namespace gloss::cli
