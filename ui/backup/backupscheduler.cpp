#include "backup/backupscheduler.h"

#include "operations/backups.h"

#include <QThread>
#include <QTimer>

namespace gloss::ui {

BackupScheduler::BackupScheduler(QString projectPath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(projectPath))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(IntervalMs);
    connect(m_timer, &QTimer::timeout, this, &BackupScheduler::runIfDue);
    m_timer->start();
}

BackupScheduler::~BackupScheduler()
{
    wait();
}

void BackupScheduler::setProjectPath(const QString &path)
{
    m_path = path;
}

void BackupScheduler::stop()
{
    m_timer->stop();
}

bool BackupScheduler::isRunning() const
{
    return m_thread != nullptr;
}

void BackupScheduler::wait()
{
    if (!m_thread)
        return;
    m_thread->wait();
    QThread *thread = m_thread;
    m_thread = nullptr;
    delete thread;
}

bool BackupScheduler::runIfDue()
{
    if (m_thread)
        return false;
    // The cheap look (a folder listing, two stat calls) stays on this thread.
    if (!operations::Backups::dailyDue(m_path))
        return false;
    const QString path = m_path;
    m_thread = QThread::create([this, path] {
        const auto result = operations::Backups::dailyIfDue(path);
        const std::lock_guard lock(m_mutex);
        m_resultPath = result.path;
        m_resultError = result.error;
    });
    connect(m_thread, &QThread::finished, this, [this] {
        if (!m_thread)
            return; // wait() already collected it
        wait();
        QString file;
        QString error;
        {
            const std::lock_guard lock(m_mutex);
            file = m_resultPath;
            error = m_resultError;
        }
        Q_EMIT finished(file, error);
    });
    m_thread->start(QThread::LowPriority);
    return true;
}

} // namespace gloss::ui
