#pragma once

#include "import/importer.h"
#include "work/workerthread.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QDialog;
class QProgressDialog;
class QWidget;

namespace gloss::ui {

class Document;

// Brings files into the open project from the window: File > Import Files…, File > Import
// Folder…, files and folders dropped on the window, and the samples on the first run of the
// default project. The work runs on a worker thread with its own connection while a progress
// dialog offers Cancel; at the end a report lists what was imported, skipped and refused.
class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)

public:
    // Accepts drops of files and folders on `window`.
    ImportController(Document &document, QWidget *window);
    ~ImportController() override; // cancels a running import and waits for its finished articles

    QList<QAction *> actions() const;
    QAction *importFilesAction() const { return m_filesAction; }
    QAction *importFolderAction() const { return m_folderAction; }

    // Starts importing on the worker. False when an import is already running.
    bool importPaths(const QStringList &paths);
    bool importFiles(const QList<import::InMemoryFile> &files);

    // On the default project, the first time: imports the samples compiled into Gloss (:/samples/)
    // and records it in the project. Returns true when seeding started.
    bool seedSamplesIfNeeded();

    bool isRunning() const { return m_worker.isRunning(); }
    void cancel();
    const import::ImportReport &lastReport() const { return m_report; }
    QProgressDialog *progressDialog() const;
    QDialog *reportDialog() const;
    // Options for the next imports (tests slow them down or make batches small).
    gloss::import::ImportOptions &options() { return m_options; }

Q_SIGNALS:
    void started();
    void finished(const gloss::import::ImportReport &report);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Job;
    bool start(std::shared_ptr<Job> job);
    void chooseFiles();
    void chooseFolder();
    void onProgress(const import::ImportProgress &progress);
    void onFinished();
    void showReport();

    Document &m_document;
    QWidget *m_window;
    QAction *m_filesAction;
    QAction *m_folderAction;
    gloss::import::ImportOptions m_options;
    std::shared_ptr<Job> m_job;
    QPointer<QDialog> m_reportDialog;
    gloss::import::ImportReport m_report;
    WorkerThread m_worker; // last: destroyed first, so the import ends before the rest goes
};

} // namespace gloss::ui
