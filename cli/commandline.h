#pragma once

#include <QStringList>

class QIODevice;

namespace gloss::cli {

// Exit statuses of every command (DESIGN.md, "Command line").
enum ExitCode { Ok = 0, InputFailed = 1, UsageError = 2 };

struct CommandInfo
{
    const char *name; // "import", "highlight add"
    const char *synopsis; // one line for --help and the man page
};

// Every command the command line knows, in the order --help lists them.
const QList<CommandInfo> &commands();

// The project a command line names, and the arguments left once it is taken out: `--project PATH`,
// `--project=PATH` (the last one given counts), or a first argument naming a .gloss file, as a
// file manager or a shell gives it (`gloss study.gloss [COMMAND ...]`). `path` is as given (empty:
// none); `error` is set when --project has no path. `--coder NAME` (or `--coder=NAME`, anywhere, the
// last one counts) is taken out too: who is coding (Project::resolveCoder adds GLOSS_CODER).
struct ProjectArgument
{
    QString path;
    QString coder;
    bool coderGiven = false;
    QStringList rest;
    QString error;
};
ProjectArgument takeProjectArgument(const QStringList &args);

// True when `args` (without the program name) ask for the command line rather than the window:
// a command, --help or --version.
bool wantsCommandLine(const QStringList &args);

// Runs a command; `args` exclude the program name. Output goes to `out`, errors to `err`.
int run(const QStringList &args, QIODevice &out, QIODevice &err);

QString helpText();

} // namespace gloss::cli
