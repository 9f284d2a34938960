#pragma once

#include <QObject>
#include <QString>

#include <mutex>

class QThread;
class QTimer;

namespace gloss::ui {

// Takes the project's daily backup on a worker thread with a connection of its own, when the
// window opens and every hour after, so that the window never waits for a copy.
class BackupScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupScheduler)

public:
    static constexpr int IntervalMs = 60 * 60 * 1000;

    explicit BackupScheduler(QString projectPath, QObject *parent = nullptr);
    ~BackupScheduler() override; // waits for a backup under way

    void setProjectPath(const QString &path);
    // No more hourly runs (a read-only project).
    void stop();
    // Starts a daily backup when one is due and none is running; true when one started.
    bool runIfDue();
    bool isRunning() const;
    // Waits until the backup under way (if any) has finished; for tests and for closing.
    void wait();

Q_SIGNALS:
    // A backup ended: its file, or an error (both empty when it was not due after all).
    void finished(const QString &path, const QString &error);

private:
    QString m_path;
    QTimer *m_timer;
    QThread *m_thread = nullptr;
    std::mutex m_mutex;
    QString m_resultPath;
    QString m_resultError;
};

} // namespace gloss::ui
