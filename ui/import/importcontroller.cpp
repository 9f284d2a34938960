#include "import/importcontroller.h"

#include "document.h"
#include "operations/error.h"
#include "operations/extraction.h"
#include "operations/imports.h"
#include "operations/library.h"
#include "operations/project.h"
#include "operations/refiqda.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
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
    int refiProjects = 0; // REFI-QDA projects (.qdpx) read: tags, highlights and notes changed too
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

ImportController::~ImportController() = default;

QProgressDialog *ImportController::progressDialog() const
{
    return m_worker.progress();
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
        tr("News articles and REFI-QDA projects (*.txt *.html *.htm *.md *.markdown *.json *.jsonl *.ndjson *.csv "
           "*.docx *.odt *.rtf *.pdf *.qdpx);;"
           "REFI-QDA projects (*.qdpx);;All files (*)"));
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
    m_worker.cancel();
}

bool ImportController::start(std::shared_ptr<Job> job)
{
    if (m_worker.isRunning())
        return false;
    job->projectPath = m_document.project().path();
    m_job = job;
    gloss::import::ImportOptions options = m_options;
    options.cancel = &m_worker.cancelFlag();
    // A fresh annotator per import: it holds state for the worker's own connection.
    if (!options.afterInsert && !options.analyse)
        operations::prepareImport(options);
    options.progress = [this, throttle = std::make_shared<ProgressThrottle>(), userProgress = m_options.progress](
                           const import::ImportProgress &p) {
        if (userProgress)
            userProgress(p);
        if (!throttle->due(p.filesDone == p.filesTotal || p.filesDone == 0))
            return;
        QMetaObject::invokeMethod(
            this, [this, p] { onProgress(p); }, Qt::QueuedConnection);
    };
    const bool running = m_worker.start(
        QStringLiteral("gloss-import"),
        [job, options] {
            try {
                auto opened = Project::open(job->projectPath);
                if (!opened.project) {
                    job->report.refused.append({job->projectPath, opened.error});
                    return;
                }
                // REFI-QDA projects (.qdpx) are read whole, each in one transaction after a backup, as
                // `gloss import` does; the rest as articles.
                QStringList paths;
                gloss::import::ImportReport refi;
                for (const QString &path : std::as_const(job->paths)) {
                    if (!path.endsWith(u".qdpx", Qt::CaseInsensitive)) {
                        paths.append(path);
                        continue;
                    }
                    const operations::RefiImportReport r = opened.project->refiQda().importProject(path);
                    ++refi.files;
                    if (!r.ok()) {
                        refi.refused.append({path, r.error});
                        continue;
                    }
                    ++job->refiProjects;
                    refi.imported += r.articles;
                    refi.duplicates += r.articlesThere;
                    refi.warnings.append({path, tr("REFI-QDA project: %1").arg(r.summary())});
                    for (const QString &w : r.warnings)
                        refi.warnings.append({path, w});
                    for (const QString &left : r.leftOut)
                        refi.warnings.append({path, tr("left out: %1").arg(left)});
                }
                operations::Imports &imports = opened.project->imports();
                if (!job->files.isEmpty())
                    job->report = imports.importFiles(job->files, options);
                else if (!paths.isEmpty())
                    job->report = imports.importPaths(paths, options);
                job->report.imported += refi.imported;
                job->report.duplicates += refi.duplicates;
                job->report.files += refi.files;
                job->report.refused = refi.refused + job->report.refused;
                job->report.warnings = refi.warnings + job->report.warnings;
            } catch (const operations::OperationError &e) {
                job->report.refused.append({job->projectPath, e.message()});
            } catch (const std::exception &e) {
                job->report.refused.append({job->projectPath, QString::fromUtf8(e.what())});
            }
        },
        this, [this] { onFinished(); });
    if (!running)
        return false;
    if (!job->seeding)
        m_worker.openProgress(m_window, QStringLiteral("importProgress"), tr("Import"), tr("Importing…"),
            tr("Cancelling: finishing the current article…"));
    if (auto *main = qobject_cast<QMainWindow *>(m_window))
        main->statusBar()->showMessage(job->seeding ? tr("Adding the sample articles…") : tr("Importing…"));
    m_filesAction->setEnabled(false);
    m_folderAction->setEnabled(false);
    Q_EMIT started();
    return true;
}

void ImportController::onProgress(const import::ImportProgress &p)
{
    m_worker.showProgress(p.filesDone, p.filesTotal,
        p.currentFile.isEmpty()
            ? tr("Imported: %1").arg(p.imported)
            : tr("Imported: %1\nReading %2").arg(p.imported).arg(QFileInfo(p.currentFile).fileName()));
}

void ImportController::onFinished()
{
    const std::shared_ptr<Job> job = std::move(m_job);
    m_report = job->report;
    m_filesAction->setEnabled(true);
    m_folderAction->setEnabled(true);
    if (job->seeding) {
        try {
            m_document.project().library().markSamplesAdded();
        } catch (const operations::OperationError &) {
            // Not recorded: the next start tries again, and finds the samples already there.
        }
    }
    if (job->refiProjects > 0)
        m_document.notify(Document::AllChanges);
    else if (m_report.imported > 0)
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
            if (!localPaths(drag->mimeData()).isEmpty() && !m_worker.isRunning()) {
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
