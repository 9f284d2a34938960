#include "support/glossprocess.h"

#include <QProcess>

namespace gloss::test {

Run runGloss(const QStringList &args, const QString &project, const QByteArray &stdinData)
{
    QProcess p;
    QStringList all = args;
    if (!project.isEmpty())
        all << QStringLiteral("--project") << project;
    p.start(QStringLiteral(GLOSS_EXECUTABLE), all);
    p.waitForStarted();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

} // namespace gloss::test
