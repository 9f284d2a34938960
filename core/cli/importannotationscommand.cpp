#include "cli/context.h"
#include "interchange/annotationimporter.h"
#include "storage/backupmanager.h"

namespace gloss::cli {

int importAnnotationsCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    if (a.positionals().isEmpty())
        return c.usage(
            QStringLiteral("import-annotations needs a CSV file exported with --layout highlights or highlights-wide"));
    if (!c.openProject())
        return InputFailed;
    // A bulk change to the codebook and highlights: a verified backup first.
    if (const auto backup = storage::BackupManager(c.projectPath).backupBefore(QStringLiteral("import-annotations"));
        !backup.error.isEmpty())
        return c.fail(QStringLiteral("%1: no backup could be taken first, so nothing was imported (%2)")
                          .arg(c.projectPath, backup.error));
    int code = Ok;
    interchange::AnnotationImporter importer(*c.project);
    for (const QString &path : a.positionals()) {
        const interchange::AnnotationImportReport report = importer.importFile(path);
        if (!report.error.isEmpty()) {
            c.fail(report.error);
            code = InputFailed;
            continue;
        }
        for (const interchange::ImportRefusal &r : report.refused)
            c.err << "gloss: " << path << ": row " << r.row << ": " << r.reason << '\n';
        c.out << path << ": " << counted(report.highlightsCreated, "highlight", "highlights") << " created, "
              << report.duplicates << " already there, " << counted(report.tagsCreated, "tag", "tags") << " created, "
              << counted(report.refused.size(), "row", "rows") << " refused\n";
        if (!report.refused.isEmpty())
            code = InputFailed;
    }
    c.err.flush();
    return code;
}

} // namespace gloss::cli
