#pragma once

#include "operations/reextraction.h"
#include "work/workerthread.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

namespace gloss::ui {

class Document;

// "Re-extract entities/dates" for every article: runs on a worker thread with its own Project on
// the same file, in batches each committed whole, while a progress dialog offers Cancel (the
// articles done so far stay re-extracted, the others as they were); then every panel refreshes.
class Reextractor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reextractor)

public:
    enum class What { Entities, Dates };

    Reextractor(Document &document, What what, QWidget *window);
    ~Reextractor() override; // cancels a running re-extraction and waits for its batch

    // Starts on the worker; false when one is already running.
    bool start();
    bool isRunning() const { return m_worker.isRunning(); }
    void cancel() { m_worker.cancel(); }
    QProgressDialog *progressDialog() const;
    const operations::ReextractionResult &lastResult() const { return m_result; }
    const QString &lastError() const { return m_error; }
    // Called on the worker thread after each article (tests hold the worker there).
    void setWorkerHook(std::function<void(int done, int total)> hook) { m_hook = std::move(hook); }

Q_SIGNALS:
    void finished();

private:
    void onProgress(int done, int total);
    void onFinished();

    struct Job
    {
        QString projectPath;
        operations::ReextractionResult result;
        QString error;
    };

    Document &m_document;
    What m_what;
    QWidget *m_window;
    std::shared_ptr<Job> m_job;
    std::function<void(int, int)> m_hook;
    operations::ReextractionResult m_result;
    QString m_error;
    WorkerThread m_worker; // last: destroyed first, so the job ends before the rest goes
};

} // namespace gloss::ui
