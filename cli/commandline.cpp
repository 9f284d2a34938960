#include "cli/commandline.h"

#include "cli/context.h"
#include "csv/csvwriter.h"
#include "operations/backups.h"
#include "operations/codebook.h"
#include "operations/error.h"
#include "operations/sets.h"
#include "operations/team.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace gloss::cli {

namespace {

using Handler = int (*)(Context &);

struct Entry
{
    CommandInfo info;
    Handler handler;
};

const QList<Entry> &entries()
{
    static const QList<Entry> list = {
        {{"import", "import PATH|FILE.qdpx... [--max-size MIB]"}, importCommand},
        {{"articles",
             "articles [--search Q] [--tag T] [--set S] [--from D] [--to D] [--var NAME=VALUE]... "
             "[--done-by A,B] [--not-done-by C] [--format table|csv|json]"},
            articlesCommand},
        {{"done", "done ID... [--undo]"}, doneCommand},
        {{"show", "show ID [--format text|json]"}, showCommand},
        {{"highlight add",
             "highlight add --article ID --start N --end N [--tag T]... [--note TEXT] [--coder NAME] | --from-tsv "
             "FILE|-"},
            highlightCommand},
        {{"tags", "tags [--format table|csv|json]"}, tagsCommand},
        {{"timeline", "timeline [--article ID] [--format table|csv|json]"}, timelineCommand},
        {{"export",
             "export --layout highlights|highlights-wide|articles|codebook|entities|agreement|disagreements|matrix "
             "[--search Q] [--tag T] [--set S] [--from D] [--to D] [--var NAME=VALUE]... [--done-by A,B] "
             "[--not-done-by C] [--bom] [--raw] [--with-body] "
             "[--coders A,B,...] [--level article|segment] [--overlap P] [--all] [-o FILE] | --format qdpx|qdc "
             "[--with-extraction] -o FILE"},
            exportCommand},
        {{"import-annotations", "import-annotations FILE.csv..."}, importAnnotationsCommand},
        {{"import-codebook", "import-codebook FILE.qdc..."}, importCodebookCommand},
        {{"merge", "merge OTHER.gloss... [--with-articles] [--format table|json]"}, mergeCommand},
        {{"split", "split -o FILE [--coder NAME] [--force]"}, splitCommand},
        {{"agreement",
             "agreement [--coders A,B,...] [--tag T]... [--level article|segment] [--overlap P] [--all] "
             "[--format table|csv|json]"},
            agreementCommand},
        {{"report passages",
             "report passages [--tag T]... [--coders A,B]... [--search Q] [--set S] [--from D] [--to D] "
             "[--var NAME=VALUE]... [--sort tag|date|title|source|coder] [--context WORDS] "
             "[--format html|table|csv|json] [-o FILE.html]"},
            reportPassagesCommand},
        {{"report frequency",
             "report frequency [--by day|week|month|quarter|year|source|set|var:NAME] [--tag T]... [--coders A,B]... "
             "[filters] [--count articles|highlights] [--share] [--format table|csv|json]"},
            reportFrequencyCommand},
        {{"report cooccurrence",
             "report cooccurrence [--unit highlight|article] [--entities] [--tag T]... [--coders A,B]... [filters] "
             "[--format table|csv|json]"},
            reportCooccurrenceCommand},
        {{"report", "report passages|frequency|cooccurrence ... (see each)"}, reportCommand},
        {{"entities", "entities [--article ID | --rejected] [--format table|csv|json]"}, entitiesCommand},
        // Longest names first: "variables set" before "variables".
        {{"variables set", "variables set ID NAME VALUE"}, variablesSetCommand},
        {{"variables remove", "variables remove ID NAME"}, variablesRemoveCommand},
        {{"variables", "variables [ID] [--format table|csv|json]"}, variablesCommand},
        {{"check", "check"}, checkCommand},
        {{"backup", "backup [--to FILE [--force]]"}, backupCommand},
        {{"restore", "restore [NUMBER|latest|FILE]"}, restoreCommand},
        {{"team init", "team init [postgresql://USER@HOST[:PORT]/DB]"}, teamInitCommand},
        {{"team add-coder", "team add-coder NAME [--lead] [--password]"}, teamAddCoderCommand},
        {{"team push", "team push FILE.gloss postgresql://USER@HOST[:PORT]/DB"}, teamPushCommand},
        {{"team pull", "team pull [postgresql://USER@HOST[:PORT]/DB] -o FILE.gloss [--force]"}, teamPullCommand},
    };
    return list;
}

QDate parseDateBound(const QString &text, bool upper)
{
    QDate d = QDate::fromString(text, Qt::ISODate);
    if (d.isValid())
        return d;
    d = QDate::fromString(text, u"yyyy-MM");
    if (d.isValid())
        return upper ? d.addMonths(1).addDays(-1) : d;
    d = QDate::fromString(text, u"yyyy");
    if (d.isValid())
        return upper ? QDate(d.year(), 12, 31) : d;
    return {};
}

} // namespace

const QList<CommandInfo> &commands()
{
    static const QList<CommandInfo> infos = [] {
        QList<CommandInfo> out;
        for (const Entry &e : entries())
            out.append(e.info);
        return out;
    }();
    return infos;
}

QString helpText()
{
    QString text = QStringLiteral("Usage: gloss [--project PATH] [--coder NAME] [COMMAND [OPTIONS]]\n\n"
                                  "With no command, Gloss opens its window on the project.\n"
                                  "The project is --project PATH, else $GLOSS_PROJECT, else the default project.\n"
                                  "The coder (who is coding) is --coder NAME, else $GLOSS_CODER, else none.\n\n"
                                  "Commands:\n");
    for (const CommandInfo &c : commands())
        text += u"  gloss " + QString::fromUtf8(c.synopsis) + u'\n';
    text += QStringLiteral(
        "\nOptions:\n"
        "  --project PATH   the project file (.gloss)\n"
        "  --coder NAME     who is coding: recorded with every highlight, note, tag and done mark\n"
        "  --help           this help\n"
        "  --version        the version of Gloss\n\n"
        "Exit status: 0 when all went well, 1 when some input failed (the rest is kept), 2 for a usage error.\n");
    return text;
}

ProjectArgument takeProjectArgument(const QStringList &args)
{
    ProjectArgument taken;
    const QLatin1String option("--project");
    const QLatin1String coderOption("--coder");
    bool positionalsOnly = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (positionalsOnly) {
            taken.rest.append(a);
        } else if (a == u"--") {
            positionalsOnly = true;
            taken.rest.append(a);
        } else if (a == coderOption) {
            if (i + 1 >= args.size()) {
                taken.error = QStringLiteral("--coder needs a name");
            } else {
                taken.coder = args.at(++i);
                taken.coderGiven = true;
            }
        } else if (a.startsWith(coderOption + u'=')) {
            taken.coder = a.mid(coderOption.size() + 1);
            taken.coderGiven = true;
        } else if (i == 0 && !a.startsWith(u'-') && a.endsWith(u".gloss", Qt::CaseInsensitive)) {
            taken.path = a;
        } else if (a == option) {
            if (i + 1 >= args.size())
                taken.error = QStringLiteral("--project needs a path");
            else
                taken.path = args.at(++i);
        } else if (a.startsWith(option + u'=')) {
            taken.path = a.mid(option.size() + 1);
        } else {
            taken.rest.append(a);
        }
    }
    return taken;
}

bool wantsCommandLine(const QStringList &args)
{
    // Anything but the project is a command or an option of the command line.
    return !takeProjectArgument(args).rest.isEmpty();
}

int run(const QStringList &rawArgs, QIODevice &outDevice, QIODevice &errDevice)
{
    Context c(outDevice, errDevice);
    const ProjectArgument project = takeProjectArgument(rawArgs);
    if (!project.error.isEmpty())
        return c.usage(project.error);
    const QStringList &args = project.rest;
    c.projectPath = Project::resolvePath(project.path);
    c.projectName
        = operations::Team::isServer(c.projectPath) ? operations::Team::describe(c.projectPath) : c.projectPath;
    if (project.coderGiven && project.coder.trimmed().isEmpty())
        return c.usage(QStringLiteral("--coder needs a name"));
    c.coder = Project::resolveCoder(project.coder);
    c.coderGiven = project.coderGiven;

    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        c.out << helpText();
        return Ok;
    }
    if (args.first() == u"--version") {
        c.out << "gloss " << GLOSS_VERSION << '\n';
        return Ok;
    }
    for (const Entry &e : entries()) {
        const QStringList words = QString::fromUtf8(e.info.name).split(u' ');
        if (args.size() < words.size() || args.mid(0, words.size()) != words)
            continue;
        c.args = args.mid(words.size());
        if (c.args.contains(u"--help")) {
            c.out << "Usage: gloss " << e.info.synopsis << '\n';
            return Ok;
        }
        try {
            const int code = e.handler(c);
            c.out.flush();
            c.err.flush();
            return code;
        } catch (const operations::OperationError &error) {
            // Most name the project already (a read-only one, a failed backup).
            return c.fail(error.message().contains(c.projectName)
                    ? error.message()
                    : QStringLiteral("%1: %2").arg(c.projectName, error.message()));
        }
    }
    return c.usage(QStringLiteral("unknown command \"%1\"; see gloss --help").arg(args.first()));
}

bool Context::openProject(Project::Access access, bool verify)
{
    const bool writing = access == Project::Access::ReadWrite && verify;
    auto opened = Project::open(projectPath, access, writing ? Project::Verify::Quick : Project::Verify::No);
    if (!opened.project) {
        err << "gloss: " << opened.error << '\n';
        err.flush();
        return false;
    }
    if (!opened.backupPath.isEmpty())
        err << "gloss: upgraded the project; the copy from before is " << opened.backupPath << '\n';
    if (writing && !opened.project->isReadOnly() && !opened.project->isOnServer()) {
        if (operations::Backups::dailyDue(projectPath)) {
            const auto daily = operations::Backups::dailyIfDue(projectPath);
            if (!daily.error.isEmpty())
                err << "gloss: warning: the daily backup failed: " << daily.error << '\n';
        }
    }
    project = std::move(opened.project);
    project->setCoder(coder);
    return true;
}

int Context::usage(const QString &message)
{
    err << "gloss: " << message << '\n';
    err.flush();
    return UsageError;
}

int Context::fail(const QString &message)
{
    err << "gloss: " << message << '\n';
    err.flush();
    return InputFailed;
}

QSet<QString> filterOptions()
{
    return {QStringLiteral("--search"), QStringLiteral("--tag"), QStringLiteral("--set"), QStringLiteral("--from"),
        QStringLiteral("--to"), QStringLiteral("--var"), QStringLiteral("--done-by"), QStringLiteral("--not-done-by")};
}

bool Context::readFilter(const Arguments &a, model::ArticleFilter &filter)
{
    filter.search = a.value(QStringLiteral("--search"));
    if (a.has(QStringLiteral("--tag"))) {
        const QString tag = a.value(QStringLiteral("--tag"));
        const auto id = project->codebook().find(tag);
        if (!id) {
            usage(QStringLiteral("no tag \"%1\" in %2").arg(tag, projectName));
            return false;
        }
        filter.tagId = *id;
    }
    if (a.has(QStringLiteral("--set"))) {
        const QString set = a.value(QStringLiteral("--set"));
        const auto id = project->sets().find(set);
        if (!id) {
            usage(QStringLiteral("no set \"%1\" in %2").arg(set, projectName));
            return false;
        }
        filter.setId = *id;
    }
    for (const bool upper : {false, true}) {
        const QString option = upper ? QStringLiteral("--to") : QStringLiteral("--from");
        if (!a.has(option))
            continue;
        const QDate d = parseDateBound(a.value(option), upper);
        if (!d.isValid()) {
            usage(QStringLiteral("%1 takes a date as YYYY-MM-DD, YYYY-MM or YYYY, not \"%2\"")
                      .arg(option, a.value(option)));
            return false;
        }
        (upper ? filter.to : filter.from) = d;
    }
    // --var NAME=VALUE, repeatable: articles whose variable NAME has VALUE (case-blind), each of them.
    for (const QString &pair : a.values(QStringLiteral("--var"))) {
        const qsizetype eq = pair.indexOf(u'=');
        const QString name = eq < 0 ? QString() : model::variableName(pair.left(eq));
        if (eq <= 0 || name.isEmpty()) {
            usage(QStringLiteral("--var takes NAME=VALUE, as in --var section=Business, not \"%1\"").arg(pair));
            return false;
        }
        filter.variables.append({name, pair.mid(eq + 1)});
    }
    // --done-by A,B: marked done by each; --not-done-by C: by none. Repeatable, comma lists.
    for (const bool negated : {false, true}) {
        const QString option = negated ? QStringLiteral("--not-done-by") : QStringLiteral("--done-by");
        for (const QString &list : a.values(option)) {
            const QStringList names = list.split(u',');
            for (const QString &name : names) {
                if (name.trimmed().isEmpty()) {
                    usage(QStringLiteral("%1 takes coders' names separated by commas, not \"%2\"").arg(option, list));
                    return false;
                }
                (negated ? filter.notDoneBy : filter.doneBy).append(name.trimmed());
            }
        }
    }
    return true;
}

bool Context::readFormat(const Arguments &a, const QStringList &allowed, QString &format)
{
    format = a.value(QStringLiteral("--format"), allowed.first());
    if (!allowed.contains(format)) {
        usage(QStringLiteral("--format takes %1, not \"%2\"").arg(allowed.join(u'|'), format));
        return false;
    }
    return true;
}

int Context::writeRows(const QString &format, const QStringList &headers, const QList<QStringList> &rows)
{
    if (format == u"csv") {
        out.flush(); // what the stream holds goes first: the CSV goes to the device itself
        writeCsv(outDevice, headers, rows);
    } else {
        writeTable(out, headers, rows);
    }
    return Ok;
}

int Context::writeJson(const QJsonArray &list)
{
    out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return Ok;
}

int Context::writeJson(const QJsonObject &object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    return Ok;
}

QString counted(qint64 count, const char *one, const char *many)
{
    return QString::number(count) + u' ' + QString::fromUtf8(count == 1 ? one : many);
}

void writeTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows)
{
    constexpr int MaxWidth = 60;
    QList<int> widths;
    for (const QString &h : headers)
        widths.append(int(h.size()));
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::min(MaxWidth, std::max(widths[i], int(row.at(i).size())));
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            QString cell = cells.at(i);
            cell.replace(u'\n', u' ');
            if (cell.size() > MaxWidth)
                cell = cell.left(MaxWidth - 1) + QChar(0x2026);
            text += i + 1 < cells.size() ? cell.leftJustified(widths.at(i)) + u"  " : cell;
        }
        out << text << '\n';
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
}

void writeCsv(QIODevice &out, const QStringList &headers, const QList<QStringList> &rows)
{
    csv::CsvWriter writer(out);
    writer.writeRow(headers);
    for (const QStringList &row : rows)
        writer.writeRow(row);
    writer.finish();
}

} // namespace gloss::cli
