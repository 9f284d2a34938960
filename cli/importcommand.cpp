#include "cli/context.h"
#include "import/importer.h"
#include "operations/extraction.h"
#include "operations/imports.h"

namespace gloss::cli {

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
    if (!c.openProject())
        return InputFailed;
    const import::ImportReport report = c.project->imports().importPaths(a.positionals(), options);
    for (const import::ImportProblem &p : report.refused)
        c.err << p.text() << '\n';
    for (const import::ImportProblem &p : report.warnings)
        c.err << p.path << ": warning: " << p.reason << '\n';
    c.out << report.summary() << '\n';
    return report.refused.isEmpty() ? Ok : InputFailed;
}

} // namespace gloss::cli
