#pragma once

#include <QStringList>

namespace gloss::test {

// The outcome of running the built `gloss` executable.
struct Run
{
    int code = -1; // exit status; -1 when it crashed or timed out
    QString out;
    QString err;
};

// Runs the built gloss with `args`, adding `--project project` when given.
Run runGloss(const QStringList &args, const QString &project = {}, const QByteArray &stdinData = {});

} // namespace gloss::test
