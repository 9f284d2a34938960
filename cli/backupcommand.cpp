#include "cli/context.h"
#include "operations/backups.h"
#include "operations/project.h"
#include "operations/team.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace gloss::cli {

namespace {

QString when(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// A Gloss project that exists; says why not otherwise.
bool checkProjectFile(Context &c)
{
    if (operations::Team::isServer(c.projectPath)) {
        c.fail(QStringLiteral("%1 is a team project: its server keeps its backups (pg_dump); gloss team pull -o "
                              "FILE.gloss takes a copy as a project file")
                   .arg(c.projectName));
        return false;
    }
    if (!QFileInfo::exists(c.projectPath)) {
        c.fail(QStringLiteral("%1: no such project").arg(c.projectPath));
        return false;
    }
    const auto opened = Project::open(c.projectPath, Project::Access::ReadOnly);
    if (!opened.project && !opened.error.contains(u"needs upgrading")) {
        c.fail(opened.error);
        return false;
    }
    return true;
}

} // namespace

int backupCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--to")}, {QStringLiteral("--force")}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("unexpected \"%1\"").arg(a.positionals().first()));
    if (a.has(QStringLiteral("--to")) && a.value(QStringLiteral("--to")).isEmpty())
        return c.usage(QStringLiteral("--to needs a file name"));
    if (a.has(QStringLiteral("--force")) && !a.has(QStringLiteral("--to")))
        return c.usage(QStringLiteral("--force goes with --to"));
    if (!checkProjectFile(c))
        return InputFailed;
    if (a.has(QStringLiteral("--to"))) {
        const QString target = a.value(QStringLiteral("--to"));
        if (QFileInfo(target).absoluteFilePath() == QFileInfo(c.projectPath).absoluteFilePath())
            return c.usage(QStringLiteral("--to must name another file than the project"));
        if (!QFileInfo(target).absoluteDir().exists())
            return c.fail(
                QStringLiteral("%1: the folder %2 does not exist").arg(target, QFileInfo(target).absolutePath()));
        if (QFileInfo(target).isDir())
            return c.fail(QStringLiteral("%1: is a folder; --to names the file to write").arg(target));
        // Whatever the file is (another project, an older backup, something else), it is replaced
        // only when asked to.
        if ((QFileInfo::exists(target) || QFileInfo(target).isSymLink()) && !a.has(QStringLiteral("--force")))
            return c.fail(QStringLiteral("%1: the file exists; nothing was written (add --force to replace it with "
                                         "the backup)")
                              .arg(target));
        if (const QString err = operations::Backups::copy(c.projectPath, target); !err.isEmpty())
            return c.fail(QStringLiteral("%1: cannot write the backup (%2)").arg(target, err));
        if (const QString err = operations::Backups::verify(target); !err.isEmpty())
            return c.fail(QStringLiteral("%1: the backup failed its check (%2)").arg(target, err));
        c.out << target << '\n';
        return Ok;
    }
    const auto result = operations::Backups::take(c.projectPath, QStringLiteral("manual"));
    if (!result.error.isEmpty())
        return c.fail(result.error);
    c.out << result.path << '\n';
    for (const QString &old : result.rotated)
        c.err << "gloss: rotated out " << old << '\n';
    return Ok;
}

int restoreCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    if (a.positionals().size() > 1)
        return c.usage(QStringLiteral("restore takes one backup"));
    if (operations::Team::isServer(c.projectPath))
        return c.fail(
            QStringLiteral("%1 is a team project: its server keeps its backups (pg_restore)").arg(c.projectName));
    const QString folder = operations::Backups::folder(c.projectPath);
    const QList<model::BackupInfo> all = operations::Backups::list(c.projectPath);
    if (a.positionals().isEmpty()) {
        if (all.isEmpty()) {
            c.out << "No backups of " << c.projectPath << " in " << folder << '\n';
            return Ok;
        }
        c.out << "Backups of " << c.projectPath << " in " << QFileInfo(folder).absoluteFilePath()
              << ", newest first:\n\n";
        QList<QStringList> rows;
        for (qsizetype i = 0; i < all.size(); ++i)
            rows.append({QString::number(i + 1), when(all.at(i).created), all.at(i).reason, size(all.at(i).size),
                QFileInfo(all.at(i).path).fileName()});
        writeTable(c.out,
            {QStringLiteral("#"), QStringLiteral("taken"), QStringLiteral("reason"), QStringLiteral("size"),
                QStringLiteral("file")},
            rows);
        c.out << "\nRestore one with: gloss --project \"" << c.projectPath << "\" restore NUMBER|FILE\n";
        return Ok;
    }
    // A number from the list (1 is the newest), "latest", or a file.
    const QString which = a.positionals().first();
    QString file = which;
    bool isNumber = false;
    const int n = which.toInt(&isNumber);
    if (which == u"latest") {
        if (all.isEmpty())
            return c.fail(QStringLiteral("no backups of %1 in %2").arg(c.projectPath, folder));
        file = all.first().path;
    } else if (isNumber && !QFileInfo::exists(which)) {
        if (n < 1 || n > all.size())
            return c.usage(QStringLiteral("there is no backup number %1; gloss restore lists them").arg(which));
        file = all.at(n - 1).path;
    }
    if (QFileInfo(file).absoluteFilePath() == QFileInfo(c.projectPath).absoluteFilePath())
        return c.usage(QStringLiteral("the backup is the project itself"));
    const auto result = operations::Backups::restore(c.projectPath, file);
    if (!result.error.isEmpty())
        return c.fail(result.error);
    c.out << "Restored " << c.projectPath << " from " << file << '\n';
    if (!result.path.isEmpty())
        c.out << "The state before the restore is kept in " << result.path << '\n';
    return Ok;
}

} // namespace gloss::cli
