#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <atomic>
#include <functional>

class QObject;
class QThread;
class QWidget;

namespace gloss::ui {

// What the window's long work (import, re-extraction) shares: a worker thread that opens its own
// Project on the window's file, progress that crosses to the window's thread at most every 50 ms,
// and a window-modal progress dialog whose Cancel sets the worker's flag. Each job keeps its own
// input, result and report; this class holds only the thread, the flag and the dialog.
class WorkerThread final
{
    Q_DISABLE_COPY_MOVE(WorkerThread)

public:
    WorkerThread() = default;
    ~WorkerThread(); // cancels a running job and waits for it

    bool isRunning() const { return m_thread != nullptr; }
    std::atomic_bool &cancelFlag() { return m_cancel; }
    void cancel() { m_cancel = true; }

    // Starts `work` on a new thread named `name`; `finished` runs on `receiver`'s thread when the
    // work returns, after the thread is let go. False when a job is already running.
    bool start(const QString &name, std::function<void()> work, QObject *receiver, std::function<void()> finished);

    // A progress dialog over `window`, shown after 400 ms; Cancel sets the flag and shows
    // `cancelling`. The dialog belongs to this object and is closed when the work finishes.
    QProgressDialog *openProgress(QWidget *window, const QString &objectName, const QString &title,
        const QString &label, const QString &cancelling);
    QProgressDialog *progress() const { return m_progress; }
    // Sets the dialog's range and value, and its label unless Cancel was pressed.
    void showProgress(int done, int total, const QString &label);

private:
    void release();

    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    QPointer<QProgressDialog> m_progress;
};

// Lets progress through at most every 50 ms, and always its first and last step. Used from the
// worker thread only.
class ProgressThrottle
{
public:
    ProgressThrottle() { m_timer.start(); }
    bool due(bool firstOrLast)
    {
        if (!firstOrLast && m_timer.elapsed() < 50)
            return false;
        m_timer.restart();
        return true;
    }

private:
    QElapsedTimer m_timer;
};

} // namespace gloss::ui
