#include "work/workerthread.h"

#include <QObject>
#include <QProgressDialog>
#include <QThread>
#include <QWidget>

namespace gloss::ui {

WorkerThread::~WorkerThread()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (m_progress)
        m_progress->deleteLater();
}

bool WorkerThread::start(
    const QString &name, std::function<void()> work, QObject *receiver, std::function<void()> finished)
{
    if (m_thread)
        return false;
    m_cancel = false;
    m_thread = QThread::create(std::move(work));
    m_thread->setObjectName(name);
    QObject::connect(m_thread, &QThread::finished, receiver, [this, finished = std::move(finished)] {
        if (!m_thread)
            return;
        release();
        finished();
    });
    m_thread->start();
    return true;
}

void WorkerThread::release()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    if (m_progress) {
        // Closing a progress dialog emits canceled(): the work is over, that is no Cancel.
        QObject::disconnect(m_progress, &QProgressDialog::canceled, nullptr, nullptr);
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
}

QProgressDialog *WorkerThread::openProgress(
    QWidget *window, const QString &objectName, const QString &title, const QString &label, const QString &cancelling)
{
    if (m_progress)
        m_progress->deleteLater();
    m_progress = new QProgressDialog(label, QObject::tr("Cancel"), 0, 0, window);
    m_progress->setObjectName(objectName);
    m_progress->setWindowTitle(title);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    QObject::connect(m_progress, &QProgressDialog::canceled, m_progress, [this, cancelling] {
        m_cancel = true;
        if (m_progress)
            m_progress->setLabelText(cancelling);
    });
    return m_progress;
}

void WorkerThread::showProgress(int done, int total, const QString &label)
{
    if (!m_progress || !m_thread)
        return;
    m_progress->setMaximum(total);
    // A modal progress dialog's setValue() handles events: the work may finish in it, and release()
    // then takes the dialog away (a null dereference in the merge test's run of 2026-12-06).
    m_progress->setValue(done);
    if (m_progress && !m_cancel)
        m_progress->setLabelText(label);
}

} // namespace gloss::ui
