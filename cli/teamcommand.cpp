#include "cli/arguments.h"
#include "cli/context.h"
#include "operations/team.h"

#include <QFile>

namespace gloss::cli {

namespace {

// The server a team command works on: its positional argument, else --project / GLOSS_PROJECT.
bool serverOf(Context &c, const QStringList &positionals, qsizetype at, QString &target)
{
    target = positionals.size() > at ? positionals.at(at) : c.projectPath;
    if (!operations::Team::isServer(target)) {
        c.usage(QStringLiteral("%1 is not a PostgreSQL server: give postgresql://USER@HOST[:PORT]/DB or "
                               "\"host=... dbname=...\" (README, Team server)")
                    .arg(target));
        return false;
    }
    return true;
}

int done(Context &c, const QString &error, const QString &message)
{
    if (!error.isEmpty())
        return c.fail(error);
    c.out << message << '\n';
    return Ok;
}

} // namespace

int teamInitCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    QString target;
    if (a.positionals().size() > 1)
        return c.usage(QStringLiteral("unexpected \"%1\"").arg(a.positionals().at(1)));
    if (!serverOf(c, a.positionals(), 0, target))
        return UsageError;
    return done(c, operations::Team::init(target),
        QStringLiteral("team project ready; add coders with gloss --project ... team add-coder NAME"));
}

int teamAddCoderCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {QStringLiteral("--lead"), QStringLiteral("--password")}))
        return c.usage(a.error());
    if (a.positionals().size() != 1)
        return c.usage(QStringLiteral("team add-coder needs one NAME"));
    QString target;
    if (!serverOf(c, {}, 0, target))
        return UsageError;
    QString password;
    if (a.has(QStringLiteral("--password"))) {
        // One line on standard input, so the password is never in the command line or history.
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return c.fail(QStringLiteral("cannot read the password from standard input"));
        password = QString::fromUtf8(in.readLine()).trimmed();
        if (password.isEmpty())
            return c.usage(QStringLiteral("--password reads the password from standard input; it was empty"));
    }
    const QString name = a.positionals().first();
    const bool lead = a.has(QStringLiteral("--lead"));
    return done(c, operations::Team::addCoder(target, name, lead, password),
        QStringLiteral("%1 added as %2").arg(name, lead ? QStringLiteral("a lead") : QStringLiteral("a coder")));
}

int teamPushCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {}))
        return c.usage(a.error());
    if (a.positionals().isEmpty() || a.positionals().size() > 2)
        return c.usage(QStringLiteral("team push needs FILE.gloss and the server (postgresql://...)"));
    QString target;
    if (!serverOf(c, a.positionals(), 1, target))
        return UsageError;
    const QString file = a.positionals().first();
    return done(c, operations::Team::push(file, target), QStringLiteral("pushed %1").arg(file));
}

int teamPullCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("-o"), QStringLiteral("--output")}, {QStringLiteral("--force")}))
        return c.usage(a.error());
    const QString file
        = a.has(QStringLiteral("-o")) ? a.value(QStringLiteral("-o")) : a.value(QStringLiteral("--output"));
    if (file.isEmpty())
        return c.usage(QStringLiteral("team pull needs -o FILE.gloss, the project file to write"));
    if (a.positionals().size() > 1)
        return c.usage(QStringLiteral("unexpected \"%1\"").arg(a.positionals().at(1)));
    QString target;
    if (!serverOf(c, a.positionals(), 0, target))
        return UsageError;
    return done(c, operations::Team::pull(target, file, a.has(QStringLiteral("--force"))),
        QStringLiteral("pulled into %1").arg(file));
}

} // namespace gloss::cli
