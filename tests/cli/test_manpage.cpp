#include "cli/commandline.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <catch2/catch.hpp>

namespace {

// The commands documented in packaging/gloss.1: each has a subsection ".SS gloss NAME".
QSet<QString> documentedCommands(const QString &manPage)
{
    QSet<QString> names;
    static const QRegularExpression heading(
        QStringLiteral(R"re(^\.SS\s+"?gloss\s+([^"\n]+?)"?\s*$)re"), QRegularExpression::MultilineOption);
    for (const QRegularExpressionMatch &m : heading.globalMatch(manPage))
        names.insert(m.captured(1).remove(u'\\'));
    return names;
}

QString readManPage()
{
    QFile file(QStringLiteral(GLOSS_SOURCE_DIR "/packaging/gloss.1"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST_CASE("the man page documents every command of the command line", "[cli][packaging]")
{
    const QSet<QString> documented = documentedCommands(readManPage());
    REQUIRE(documented.size() >= 5);
    for (const gloss::cli::CommandInfo &command : gloss::cli::commands()) {
        const QString name = QString::fromUtf8(command.name);
        INFO("gloss " << name.toStdString() << " has no \".SS gloss " << name.toStdString()
                      << "\" in packaging/gloss.1");
        CHECK(documented.contains(name));
    }
}
