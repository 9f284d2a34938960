#include "cli/context.h"
#include "operations/maintenance.h"
#include "operations/team.h"

#include <QFileInfo>

namespace gloss::cli {

int checkCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("check takes no arguments"));
    if (!operations::Team::isServer(c.projectPath) && !QFileInfo::exists(c.projectPath))
        return c.fail(QStringLiteral("%1: no such project").arg(c.projectPath));
    // No quick check and set-aside here: check reports what is wrong and leaves the file alone.
    if (!c.openProject(Project::Access::ReadWrite, false))
        return InputFailed;
    const model::CheckReport report = c.project->maintenance().check();
    for (const QString &p : report.problems)
        c.out << "problem: " << p << '\n';
    c.out << c.project->location() << ": " << (report.clean() ? "clean" : "NOT clean") << " ("
          << counted(report.articles, "article", "articles") << ", "
          << counted(report.highlights, "highlight", "highlights") << ", " << counted(report.tags, "tag", "tags");
    if (!report.clean())
        c.out << ", " << counted(report.problems.size(), "problem", "problems");
    c.out << ")\n";
    return report.clean() ? Ok : InputFailed;
}

} // namespace gloss::cli
