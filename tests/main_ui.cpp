// Catch2 main for ui tests: a QApplication on the offscreen platform.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GlossTests"));
    QCoreApplication::setApplicationName(QStringLiteral("gloss-ui-tests"));
    QStandardPaths::setTestModeEnabled(true);
    // Each test process keeps its settings (the coder's name, the window's layout, the coder layer)
    // in a folder of its own: ctest -j2 runs two ui tests at once, and a shared settings file let
    // one test's coder show up in the other.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    return Catch::Session().run(argc, argv);
}
