#pragma once

#include "operations/merge.h"
#include "work/workerthread.h"

#include <QList>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QWidget;

namespace gloss::ui {

class Document;

// File > Merge Coder's Project…: brings other coders' copies of the project in (operations::Merge)
// on a worker thread with its own Project on the window's file, with progress and Cancel (a
// cancelled file stores nothing), then refreshes every panel and says what each file brought in.
class CoderProjectMerger final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoderProjectMerger)

public:
    CoderProjectMerger(Document &document, QWidget *window);
    ~CoderProjectMerger() override; // cancels a running merge and waits for it

    // Asks for the files, then merges them.
    void chooseAndMerge();
    // Merges `files` (each whole or not at all); false when a merge is already running.
    bool start(const QStringList &files, bool withArticles);
    bool isRunning() const { return m_worker.isRunning(); }
    const QList<operations::MergeResult> &lastResults() const { return m_results; }
    // The report of the last merge while it is open.
    QMessageBox *reportBox() const { return m_report; }

Q_SIGNALS:
    void finished();

private:
    struct Job;
    void onFinished();

    Document &m_document;
    QWidget *m_window;
    WorkerThread m_worker;
    std::shared_ptr<Job> m_job;
    QList<operations::MergeResult> m_results;
    QPointer<QMessageBox> m_report;
};

} // namespace gloss::ui
