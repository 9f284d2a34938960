// Catch2 main for ui tests: a QApplication on the offscreen platform.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QStandardPaths>

#include <catch2/catch.hpp>

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GlossTests"));
    QCoreApplication::setApplicationName(QStringLiteral("gloss-ui-tests"));
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
