#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace gloss::storage::sqlite {

// What the last clean `quick_check` of a project saw, kept in its backup folder
// (`<project>.backups/last-check`) so that opening it again need not read the whole file when
// nothing but Gloss has changed it since. Gloss records the file's identity (device, inode, size,
// modification time to the nanosecond) after it closed the project cleanly; a later open skips the
// check only when the file is exactly that file, no write-ahead log is waiting to be applied, and
// the check itself is less than a day old. A crash, another program's write, a copy, a restore or
// a migration all change the identity, and the next open checks again.
class CheckStamp final
{
public:
    static constexpr qint64 MaxAgeSeconds = 24 * 60 * 60;

    explicit CheckStamp(QString projectPath);

    QString path() const;
    // When the file is as Gloss left it after a session that began with a clean check: that
    // check's time. Empty when the project must be checked now.
    std::optional<QDateTime> lastCleanCheck(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // After closing: the file as it is now was last checked clean at `checkedAt`. Best effort: a
    // stamp that cannot be written only means the next open checks.
    void record(const QDateTime &checkedAt) const;
    void remove() const;

private:
    QString m_project;
};

} // namespace gloss::storage::sqlite
