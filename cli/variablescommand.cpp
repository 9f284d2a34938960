#include "cli/context.h"
#include "model/variables.h"
#include "operations/error.h"
#include "operations/library.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gloss::cli {

namespace {

// An article id given as a positional argument; 0 (and a usage message printed) when it is not one.
qint64 articleIdArgument(Context &c, const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        c.usage(QStringLiteral("\"%1\" is not an article id").arg(text));
        return 0;
    }
    return id;
}

} // namespace

// gloss variables [ID] [--format table|csv|json]: the names of the project's article variables
// with how many articles have each and how many values they take; with ID, that article's
// variables in the order its source gave them.
int variablesCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--format")}, {}))
        return c.usage(a.error());
    if (a.positionals().size() > 1)
        return c.usage(QStringLiteral("variables takes at most one article id; see gloss variables --help"));
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;
    qint64 articleId = 0;
    if (!a.positionals().isEmpty() && !(articleId = articleIdArgument(c, a.positionals().first())))
        return UsageError;
    if (!c.openProjectToRead())
        return InputFailed;
    operations::Library &library = c.project->library();

    if (articleId) {
        if (!library.article(articleId))
            return c.fail(QStringLiteral("%1: there is no article %2").arg(c.projectPath).arg(articleId));
        const model::Variables variables = library.variables(articleId);
        if (format == u"json") {
            QJsonObject object;
            for (const auto &[name, value] : variables)
                object.insert(name, value);
            return c.writeJson(object);
        }
        QList<QStringList> rows;
        for (const auto &[name, value] : variables)
            rows.append({name, value});
        return c.writeRows(format, {QStringLiteral("name"), QStringLiteral("value")}, rows);
    }

    QList<QStringList> rows;
    QJsonArray list;
    for (const QString &name : library.variableNames()) {
        qint64 articles = 0;
        const auto counts = library.variableValueCounts(name);
        for (const auto &value : counts)
            articles += value.second;
        rows.append({name, QString::number(articles), QString::number(counts.size())});
        list.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("articles"), articles},
            {QStringLiteral("values"), qint64(counts.size())}});
    }
    if (format == u"json")
        return c.writeJson(list);
    return c.writeRows(format, {QStringLiteral("name"), QStringLiteral("articles"), QStringLiteral("values")}, rows);
}

// gloss variables set ID NAME VALUE: sets one variable of an article (NAME as stored: lower case,
// '_' between words; a name given otherwise is refused with the form it would take).
int variablesSetCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    if (a.positionals().size() != 3)
        return c.usage(QStringLiteral("variables set takes an article id, a name and a value"));
    const qint64 articleId = articleIdArgument(c, a.positionals().at(0));
    if (!articleId)
        return UsageError;
    if (const QString problem = model::variableNameProblem(a.positionals().at(1)); !problem.isEmpty())
        return c.usage(problem);
    if (!c.openProject())
        return InputFailed;
    c.project->library().setVariable(articleId, a.positionals().at(1), a.positionals().at(2));
    return Ok;
}

// gloss variables remove ID NAME
int variablesRemoveCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    if (a.positionals().size() != 2)
        return c.usage(QStringLiteral("variables remove takes an article id and a name"));
    const qint64 articleId = articleIdArgument(c, a.positionals().at(0));
    if (!articleId)
        return UsageError;
    if (!c.openProject())
        return InputFailed;
    c.project->library().removeVariable(articleId, a.positionals().at(1));
    return Ok;
}

} // namespace gloss::cli
