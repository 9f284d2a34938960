// gloss: with a command, the command line (core only); without, the window.
#include "cli/commandline.h"
#include "document.h"
#include "import/importcontroller.h"
#include "mainwindow.h"
#include "operations/backups.h"
#include "operations/project.h"
#include "operations/team.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>

#include <cstdio>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Gloss"));
    QCoreApplication::setApplicationName(QStringLiteral("gloss"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GLOSS_VERSION));
}

QStringList arguments(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    return args;
}

int runCommandLine(int argc, char **argv, const QStringList &args)
{
    QCoreApplication app(argc, argv);
    describeApplication();
    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    return gloss::cli::run(args, out, err);
}

int runWindow(int argc, char **argv, const QStringList &args)
{
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Gloss"));
    QGuiApplication::setDesktopFileName(QStringLiteral(GLOSS_APP_ID)); // matches the window to its .desktop entry
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gloss.svg")));

    const gloss::cli::ProjectArgument projectArgument = gloss::cli::takeProjectArgument(args);
    QString path = gloss::Project::resolvePath(projectArgument.path);
    auto opened = gloss::Project::open(path, gloss::Project::Access::ReadWrite, gloss::Project::Verify::Quick);
    // A team server that wants a password libpq did not find (.pgpass, PGPASSWORD, the connection
    // string): ask, up to three times.
    for (int attempt = 0; attempt < 3 && !opened.project && gloss::operations::Team::isServer(path)
         && (opened.error.contains(QLatin1String("password")));
         ++attempt) {
        bool ok = false;
        const QString password = QInputDialog::getText(nullptr, QObject::tr("Gloss"),
            QObject::tr("Password for %1:").arg(gloss::operations::Team::describe(path)), QLineEdit::Password, {}, &ok);
        if (!ok)
            break;
        // The typed password wins: one in the target (a URL's user:password@) would override it.
        qputenv("PGPASSWORD", password.toUtf8());
        path = gloss::operations::Team::withoutPassword(path);
        opened = gloss::Project::open(path, gloss::Project::Access::ReadWrite, gloss::Project::Verify::Quick);
    }
    if (!opened.project && !opened.damagedPath.isEmpty() && opened.goodBackup) {
        // A damaged project was set aside untouched: offer the newest backup that passes its check.
        const QString when = QLocale().toString(opened.goodBackup->created.toLocalTime(), QLocale::LongFormat);
        const auto answer = QMessageBox::warning(nullptr, QObject::tr("Gloss"),
            QObject::tr("The project %1 is damaged, so Gloss set it aside untouched as %2.\n\n"
                        "The newest good backup is from %3. Restore it and open it?")
                .arg(path, opened.damagedPath, when),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return 1;
        const auto restored = gloss::operations::Backups::restore(path, opened.goodBackup->path);
        if (!restored.error.isEmpty()) {
            QMessageBox::critical(
                nullptr, QObject::tr("Gloss"), QObject::tr("The backup was not restored.\n\n%1").arg(restored.error));
            return 1;
        }
        opened = gloss::Project::open(path, gloss::Project::Access::ReadWrite, gloss::Project::Verify::Quick);
    }
    if (!opened.project) {
        QMessageBox::critical(
            nullptr, QObject::tr("Gloss"), QObject::tr("Cannot open the project.\n\n%1").arg(opened.error));
        return 1;
    }
    // --coder NAME or GLOSS_CODER name who is coding; else the window takes the name in the settings.
    opened.project->setCoder(gloss::Project::resolveCoder(projectArgument.coder));
    gloss::ui::Document document(std::move(opened.project));
    gloss::ui::MainWindow window(document);
    window.show();
    window.askCoderIfNeeded(); // the first run: who is coding?
    window.importController()->seedSamplesIfNeeded(); // the default project, the first time only
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList args = arguments(argc, argv);
    if (gloss::cli::wantsCommandLine(args))
        return runCommandLine(argc, argv, args);
    return runWindow(argc, argv, args);
}
