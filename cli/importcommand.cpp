#include "cli/context.h"
#include "import/importer.h"
#include "operations/extraction.h"
#include "operations/imports.h"
#include "operations/refiqda.h"

namespace gloss::cli {

namespace {

// A REFI-QDA import's problems on stderr: false (and the error said) when the file was refused.
bool reportRefi(Context &c, const QString &path, const operations::RefiImportReport &report)
{
    if (!report.ok()) {
        c.fail(report.error);
        return false;
    }
    for (const QString &w : report.warnings)
        c.err << path << ": warning: " << w << '\n';
    for (const QString &left : report.leftOut)
        c.err << path << ": left out: " << left << '\n';
    return true;
}

} // namespace

// gloss import PATH...: files and folders; one line per refusal on stderr, the summary on stdout.
int importCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--max-size")}, {}))
        return c.usage(a.error());
    if (a.positionals().isEmpty())
        return c.usage(QStringLiteral("import needs at least one file or folder"));
    gloss::import::ImportOptions options;
    operations::prepareImport(options);
    if (a.has(QStringLiteral("--max-size"))) {
        bool ok = false;
        const qint64 mib = a.value(QStringLiteral("--max-size")).toLongLong(&ok);
        if (!ok || mib <= 0)
            return c.usage(QStringLiteral("--max-size takes a size in MiB, not \"%1\"")
                               .arg(a.value(QStringLiteral("--max-size"))));
        options.maxFileBytes = mib * 1024 * 1024;
    }
    // REFI-QDA projects (.qdpx) are read whole, each in one transaction; the rest as articles.
    QStringList projects;
    QStringList paths;
    for (const QString &p : a.positionals())
        (p.endsWith(u".qdpx", Qt::CaseInsensitive) ? projects : paths).append(p);
    if (!c.openProject())
        return InputFailed;
    int code = Ok;
    for (const QString &path : std::as_const(projects)) {
        const operations::RefiImportReport report = c.project->refiQda().importProject(path);
        if (!reportRefi(c, path, report)) {
            code = InputFailed;
            continue;
        }
        c.out << path << ": " << report.summary() << '\n';
    }
    if (paths.isEmpty())
        return code;
    const import::ImportReport report = c.project->imports().importPaths(paths, options);
    for (const import::ImportProblem &p : report.refused)
        c.err << p.text() << '\n';
    for (const import::ImportProblem &p : report.warnings)
        c.err << p.path << ": warning: " << p.reason << '\n';
    c.out << report.summary() << '\n';
    return report.refused.isEmpty() ? code : InputFailed;
}

} // namespace gloss::cli

namespace gloss::cli {

// gloss import-codebook FILE.qdc...: REFI-QDA codebooks into the codebook.
int importCodebookCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    if (a.positionals().isEmpty())
        return c.usage(QStringLiteral("import-codebook needs a REFI-QDA codebook (.qdc) or project (.qde)"));
    if (!c.openProject())
        return InputFailed;
    int code = Ok;
    for (const QString &path : a.positionals()) {
        const operations::RefiImportReport report = c.project->refiQda().importCodebook(path);
        if (!reportRefi(c, path, report)) {
            code = InputFailed;
            continue;
        }
        c.out << path << ": " << counted(report.tags, "tag", "tags") << " created, " << report.tagsThere
              << " already there\n";
    }
    return code;
}

} // namespace gloss::cli
