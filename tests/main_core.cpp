// Catch2 main for core and command-line tests: a QCoreApplication, and test mode for
// QStandardPaths so no test touches the user's own projects or settings.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <QStandardPaths>

#include <catch2/catch.hpp>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GlossTests"));
    QCoreApplication::setApplicationName(QStringLiteral("gloss-tests"));
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
