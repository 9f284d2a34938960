#pragma once

#include "work/workerthread.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QProgressDialog;
class QWidget;

namespace gloss {
class Project;
}

namespace gloss::ui {

class Document;

// Runs an analysis count (a frequency or co-occurrence report) on a worker thread with its own
// read-only Project on the window's file, while a progress dialog offers Cancel, so the window
// stays responsive on a large project. The result reaches the window's thread whole, or not at all:
// a cancelled count, or one asked for again before it ended, shows nothing of itself.
class ReportCounter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportCounter)

public:
    // `title` names the progress dialog over `window`.
    ReportCounter(Document &document, QWidget *window, const QString &title);
    ~ReportCounter() override; // cancels a running count and waits for it

    // Runs `count` on the worker; `show` gets its result on the window's thread. Asked while a
    // count runs, that one is cancelled and this one starts when it ends.
    template <class Result>
    void run(const QString &label, std::function<Result(Project &)> count, std::function<void(const Result &)> show)
    {
        runErased(label, [count = std::move(count), show = std::move(show)](Project &project) -> std::function<void()> {
            auto result = std::make_shared<Result>(count(project));
            return [show, result] { show(*result); };
        });
    }

    bool isRunning() const { return m_worker.isRunning() || m_next.has_value(); }
    // Drops the running count (and one waiting): its result is never shown.
    void cancel();
    QProgressDialog *progressDialog() const { return m_worker.progress(); }
    // Why the last count failed, in words; empty when it did not.
    const QString &lastError() const { return m_error; }
    // Called on the worker thread before the count (tests hold the worker there).
    void setWorkerHook(std::function<void()> hook) { m_hook = std::move(hook); }

Q_SIGNALS:
    // After a count ends: shown (its result went to `show`), cancelled, or failed (lastError()).
    void finished(bool shown);

private:
    using Work = std::function<std::function<void()>(Project &)>;
    void runErased(const QString &label, Work work);
    void onFinished();

    struct Job
    {
        QString projectPath;
        std::function<void()> deliver; // set when the count ended
        QString error;
    };
    struct Next
    {
        QString label;
        Work work;
    };

    Document &m_document;
    QWidget *m_window;
    QString m_title;
    std::shared_ptr<Job> m_job;
    std::optional<Next> m_next;
    std::function<void()> m_hook;
    QString m_error;
    WorkerThread m_worker; // last: destroyed first, so the count ends before the rest goes
};

} // namespace gloss::ui
