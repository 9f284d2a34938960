#include "cli/context.h"
#include "interchange/annotationimporter.h"
#include "operations/error.h"
#include "operations/interchange.h"

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
    // The operation takes a verified backup first, and refuses a read-only project up front.
    QList<interchange::AnnotationImportReport> reports;
    try {
        reports = c.project->interchange().importAnnotations(a.positionals());
    } catch (const operations::OperationError &e) {
        return c.fail(e.message());
    }
    int code = Ok;
    for (qsizetype i = 0; i < reports.size(); ++i) {
        const QString &path = a.positionals().at(i);
        const interchange::AnnotationImportReport &report = reports.at(i);
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
