#include "import/importcontroller.h"

#include "document.h"
#include "operations/error.h"
#include "operations/extraction.h"
#include "operations/imports.h"
#include "operations/library.h"
#include "operations/project.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTextDocument>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gloss::ui {

// One import as the worker sees it: its input, and the report it leaves for the window.
struct ImportController::Job
{
    QString projectPath;
    QStringList paths;
    QList<import::InMemoryFile> files;
    bool seeding = false;
    gloss::import::ImportReport report;
};

namespace {

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

} // namespace

ImportController::ImportController(Document &document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_filesAction(new QAction(tr("Import &Files…"), this))
    , m_folderAction(new QAction(tr("Import F&older…"), this))
{
    m_filesAction->setObjectName(QStringLiteral("importFilesAction"));
    m_filesAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    m_filesAction->setStatusTip(tr("Import news articles from text, HTML, Markdown, JSON or CSV files"));
    m_folderAction->setObjectName(QStringLiteral("importFolderAction"));
    m_folderAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    m_folderAction->setStatusTip(tr("Import every article in a folder and its subfolders"));
    connect(m_filesAction, &QAction::triggered, this, &ImportController::chooseFiles);
    connect(m_folderAction, &QAction::triggered, this, &ImportController::chooseFolder);
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

ImportController::~ImportController()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

QProgressDialog *ImportController::progressDialog() const
{
    return m_progress;
}

QDialog *ImportController::reportDialog() const
{
    return m_reportDialog;
}

QList<QAction *> ImportController::actions() const
{
    return {m_filesAction, m_folderAction};
}

void ImportController::chooseFiles()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("import/lastFolder"), QDir::homePath()).toString();
    const QStringList files = QFileDialog::getOpenFileNames(m_window, tr("Import Files"), dir,
        tr("News articles (*.txt *.html *.htm *.md *.markdown *.json *.jsonl *.ndjson *.csv *.docx *.odt *.rtf *.pdf);;"
           "All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastFolder"), QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void ImportController::chooseFolder()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("import/lastFolder"), QDir::homePath()).toString();
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Import Folder"), dir);
    if (folder.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastFolder"), folder);
    importPaths({folder});
}

bool ImportController::importPaths(const QStringList &paths)
{
    auto job = std::make_shared<Job>();
    job->paths = paths;
    return start(std::move(job));
}

bool ImportController::importFiles(const QList<import::InMemoryFile> &files)
{
    auto job = std::make_shared<Job>();
    job->files = files;
    return start(std::move(job));
}

bool ImportController::seedSamplesIfNeeded()
{
    Project &project = m_document.project();
    if (project.isReadOnly()
        || QFileInfo(project.path()).absoluteFilePath() != QFileInfo(Project::defaultPath()).absoluteFilePath())
        return false;
    try {
        if (project.library().samplesAdded())
            return false;
    } catch (const operations::OperationError &) {
        return false;
    }
    auto job = std::make_shared<Job>();
    job->seeding = true;
    const QDir samples(QStringLiteral(":/samples"));
    for (const QString &name : samples.entryList(QDir::Files, QDir::Name)) {
        QFile file(samples.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            job->files.append({QStringLiteral("samples/") + name, file.readAll()});
    }
    if (job->files.isEmpty())
        return false;
    return start(std::move(job));
}

void ImportController::cancel()
{
    m_cancel = true;
}

bool ImportController::start(std::shared_ptr<Job> job)
{
    if (m_thread)
        return false;
    m_cancel = false;
    job->projectPath = m_document.project().path();
    m_job = job;
    gloss::import::ImportOptions options = m_options;
    options.cancel = &m_cancel;
    // A fresh annotator per import: it holds state for the worker's own connection.
    if (!options.afterInsert && !options.analyse)
        operations::prepareImport(options);
    // Progress crosses to the window's thread at most every 50 ms (and at the end).
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    options.progress = [this, timer, userProgress = m_options.progress](const import::ImportProgress &p) {
        if (userProgress)
            userProgress(p);
        if (timer->elapsed() < 50 && p.filesDone != p.filesTotal && p.filesDone != 0)
            return;
        timer->restart();
        QMetaObject::invokeMethod(
            this, [this, p] { onProgress(p); }, Qt::QueuedConnection);
    };
    m_thread = QThread::create([job, options] {
        try {
            auto opened = Project::open(job->projectPath);
            if (!opened.project) {
                job->report.refused.append({job->projectPath, opened.error});
                return;
            }
            operations::Imports &imports = opened.project->imports();
            job->report = job->paths.isEmpty() ? imports.importFiles(job->files, options)
                                               : imports.importPaths(job->paths, options);
        } catch (const operations::OperationError &e) {
            job->report.refused.append({job->projectPath, e.message()});
        } catch (const std::exception &e) {
            job->report.refused.append({job->projectPath, QString::fromUtf8(e.what())});
        }
    });
    m_thread->setObjectName(QStringLiteral("gloss-import"));
    connect(m_thread, &QThread::finished, this, &ImportController::onFinished);

    if (!job->seeding) {
        m_progress = new QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 0, m_window);
        m_progress->setObjectName(QStringLiteral("importProgress"));
        m_progress->setWindowTitle(tr("Import"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(400);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        connect(m_progress, &QProgressDialog::canceled, this, [this] {
            m_cancel = true;
            if (m_progress)
                m_progress->setLabelText(tr("Cancelling: finishing the current article…"));
        });
    }
    if (auto *main = qobject_cast<QMainWindow *>(m_window))
        main->statusBar()->showMessage(job->seeding ? tr("Adding the sample articles…") : tr("Importing…"));
    m_filesAction->setEnabled(false);
    m_folderAction->setEnabled(false);
    m_thread->start();
    Q_EMIT started();
    return true;
}

void ImportController::onProgress(const import::ImportProgress &p)
{
    if (!m_progress || !m_thread)
        return;
    m_progress->setMaximum(p.filesTotal);
    m_progress->setValue(p.filesDone);
    if (!m_cancel)
        m_progress->setLabelText(p.currentFile.isEmpty()
                ? tr("Imported: %1").arg(p.imported)
                : tr("Imported: %1\nReading %2").arg(p.imported).arg(QFileInfo(p.currentFile).fileName()));
}

void ImportController::onFinished()
{
    if (!m_thread)
        return;
    m_thread->deleteLater();
    m_thread = nullptr;
    const std::shared_ptr<Job> job = std::move(m_job);
    m_report = job->report;
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_filesAction->setEnabled(true);
    m_folderAction->setEnabled(true);
    if (job->seeding) {
        try {
            m_document.project().library().markSamplesAdded();
        } catch (const operations::OperationError &) {
            // Not recorded: the next start tries again, and finds the samples already there.
        }
    }
    if (m_report.imported > 0)
        m_document.notify(Document::Articles);
    if (auto *main = qobject_cast<QMainWindow *>(m_window))
        main->statusBar()->showMessage(
            job->seeding ? tr("Added %1 sample articles").arg(m_report.imported) : m_report.summary(), 8000);
    if (!job->seeding)
        showReport();
    Q_EMIT finished(m_report);
}

void ImportController::showReport()
{
    if (m_reportDialog)
        m_reportDialog->deleteLater();
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("importReport"));
    dialog->setWindowTitle(m_report.cancelled ? tr("Import cancelled") : tr("Import finished"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *summary = new QLabel(dialog);
    summary->setObjectName(QStringLiteral("importSummary"));
    QString text
        = m_report.imported == 1 ? tr("Imported 1 article.") : tr("Imported %1 articles.").arg(m_report.imported);
    if (m_report.duplicates > 0)
        text += u' '
            + (m_report.duplicates == 1 ? tr("Skipped 1 duplicate already in the project.")
                                        : tr("Skipped %1 duplicates already in the project.").arg(m_report.duplicates));
    if (!m_report.refused.isEmpty())
        text += u' '
            + (m_report.refused.size() == 1
                    ? tr("Refused 1 file or record; see below.")
                    : tr("Refused %1 files or records; see below.").arg(m_report.refused.size()));
    if (m_report.cancelled)
        text += u' ' + tr("Cancelled: the articles imported before stay in the project.");
    summary->setText(text);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    if (!m_report.refused.isEmpty() || !m_report.warnings.isEmpty()) {
        auto *list = new QTreeWidget(dialog);
        list->setObjectName(QStringLiteral("importProblems"));
        list->setColumnCount(3);
        list->setHeaderLabels({tr("File"), tr("Outcome"), tr("Reason")});
        list->setRootIsDecorated(false);
        list->setAlternatingRowColors(true);
        const auto add = [&](const import::ImportProblem &p, const QString &outcome) {
            auto *item = new QTreeWidgetItem(list, {QFileInfo(p.path).fileName(), outcome, p.reason});
            // Paths and reasons (which quote titles) as text: a tooltip with markup is rich text.
            item->setToolTip(0, Qt::convertFromPlainText(p.path));
            item->setToolTip(2, Qt::convertFromPlainText(p.reason));
        };
        for (const import::ImportProblem &p : std::as_const(m_report.refused))
            add(p, tr("Refused"));
        for (const import::ImportProblem &p : std::as_const(m_report.warnings))
            add(p, tr("Imported, with a note"));
        list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        layout->addWidget(list);
        dialog->resize(720, 360);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    m_reportDialog = dialog;
    dialog->open();
}

bool ImportController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (!localPaths(drag->mimeData()).isEmpty() && !m_thread) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QStringList paths = localPaths(drop->mimeData());
            if (!paths.isEmpty()) {
                drop->acceptProposedAction();
                importPaths(paths);
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace gloss::ui
