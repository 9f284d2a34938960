#pragma once

#include <QDateTime>
#include <QString>

namespace gloss::model {

// One copy of a project in its backup folder.
struct BackupInfo
{
    QString path;
    QDateTime created; // UTC, from the file name
    QString reason; // "daily", "manual", "before-tag-merge", "before-restore", ...
    qint64 size = 0;
};

} // namespace gloss::model
