#include "export/refiactions.h"

#include "document.h"
#include "import/importcontroller.h"
#include "operations/error.h"
#include "operations/project.h"
#include "operations/refiqda.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QThread>

#include <exception>

namespace gloss::ui {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("RefiActions", text, disambiguation, n);
}

QString documents()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

// Runs `work` with the busy cursor; an OperationError becomes the report's error.
template <typename F> operations::RefiImportReport importing(F &&work)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    operations::RefiImportReport report;
    try {
        report = work();
    } catch (const operations::OperationError &e) {
        report.error = e.message();
    }
    QApplication::restoreOverrideCursor();
    return report;
}

void showReport(const QString &title, const QString &done, const operations::RefiImportReport &report, QWidget *parent)
{
    if (!report.ok()) {
        QMessageBox::warning(parent, title, report.error);
        return;
    }
    QStringList details;
    for (const QString &left : report.leftOut)
        details.append(tr("Left out: %1").arg(left));
    for (const QString &w : report.warnings)
        details.append(tr("Note: %1").arg(w));
    QMessageBox box(report.leftOut.isEmpty() ? QMessageBox::Information : QMessageBox::Warning, title, done,
        QMessageBox::Ok, parent);
    if (!report.leftOut.isEmpty())
        box.setInformativeText(
            tr("%n thing(s) in the file did not fit and were left out.", nullptr, int(report.leftOut.size())));
    if (!details.isEmpty())
        box.setDetailedText(details.join(u'\n'));
    box.exec();
}

} // namespace

void exportRefiProject(Document &document, QWidget *parent)
{
    const QString title = tr("Export REFI-QDA Project");
    QString path = QFileDialog::getSaveFileName(
        parent, title, documents() + QStringLiteral("/project.qdpx"), tr("REFI-QDA projects (*.qdpx)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".qdpx", Qt::CaseInsensitive))
        path += QStringLiteral(".qdpx");
    QMessageBox ask(QMessageBox::Question, title,
        tr("Export every article, highlight, tag, note, coder, set and variable for MAXQDA, NVivo, ATLAS.ti or "
           "QualCoder?"),
        QMessageBox::Ok | QMessageBox::Cancel, parent);
    auto *extraction = new QCheckBox(tr("Include the entities and dates Gloss found (as codes under \u201CGloss "
                                        "extraction\u201D)"));
    ask.setCheckBox(extraction);
    if (ask.exec() != QMessageBox::Ok)
        return;
    operations::RefiExportOptions options;
    options.withExtraction = extraction->isChecked();
    const operations::RefiExportResult result
        = exportRefiProjectInBackground(document.project().path(), path, options, parent);
    if (!result.ok()) {
        QMessageBox::warning(parent, title, result.error);
        return;
    }
    QMessageBox::information(parent, title,
        tr("Wrote %1 article(s), %2 highlight(s), %3 tag(s) and %4 note(s) to %5.")
            .arg(result.sources)
            .arg(result.selections)
            .arg(result.codes)
            .arg(result.notes)
            .arg(path));
}

operations::RefiExportResult exportRefiProjectInBackground(
    const QString &projectPath, const QString &path, const operations::RefiExportOptions &options, QWidget *parent)
{
    operations::RefiExportResult result;
    QProgressDialog progress(
        tr("Writing %1\u2026").arg(QFileInfo(path).fileName()), QString(), 0, 0, parent); // busy: no steps
    progress.setObjectName(QStringLiteral("refiExportProgress"));
    progress.setWindowTitle(tr("Export REFI-QDA Project"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setCancelButton(nullptr); // the archive is written whole or not at all, in one go
    QEventLoop loop;
    QThread *thread = QThread::create([&result, projectPath, path, options] {
        try {
            auto opened = Project::open(projectPath, Project::Access::ReadOnly);
            if (!opened.project) {
                result.error = opened.error;
                return;
            }
            result = opened.project->refiQda().exportProject(path, options);
        } catch (const std::exception &e) {
            result.error = tr("%1: %2").arg(path, QString::fromLocal8Bit(e.what()));
        }
    });
    thread->setObjectName(QStringLiteral("refi-export"));
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    delete thread;
    return result;
}

void exportRefiCodebook(Document &document, QWidget *parent)
{
    const QString title = tr("Export REFI-QDA Codebook");
    QString path = QFileDialog::getSaveFileName(
        parent, title, documents() + QStringLiteral("/codebook.qdc"), tr("REFI-QDA codebooks (*.qdc)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".qdc", Qt::CaseInsensitive))
        path += QStringLiteral(".qdc");
    const operations::RefiExportResult result = document.project().refiQda().exportCodebook(path);
    if (!result.ok())
        QMessageBox::warning(parent, title, result.error);
    else
        QMessageBox::information(parent, title, tr("Wrote %1 tag(s) to %2.").arg(result.codes).arg(path));
}

void importRefiProject(Document &document, QWidget *parent)
{
    const QString title = tr("Import REFI-QDA Project");
    const QString path
        = QFileDialog::getOpenFileName(parent, title, documents(), tr("REFI-QDA projects (*.qdpx);;All files (*)"));
    if (path.isEmpty())
        return;
    // On the window's import worker, as File > Import Files… and drops do: a progress dialog, the
    // window stays responsive, and the import report lists what was left out.
    if (auto *controller = parent ? parent->findChild<ImportController *>() : nullptr) {
        if (!controller->importPaths({path}))
            QMessageBox::information(
                parent, title, tr("An import is already running; try again when it has finished."));
        return;
    }
    // The operation takes a verified backup first; the document hears of the change from the project.
    const operations::RefiImportReport report
        = importing([&] { return document.project().refiQda().importProject(path); });
    showReport(title, tr("Imported from %1: %2.").arg(path, report.summary()), report, parent);
}

void importRefiCodebook(Document &document, QWidget *parent)
{
    const QString title = tr("Import REFI-QDA Codebook");
    const QString path = QFileDialog::getOpenFileName(
        parent, title, documents(), tr("REFI-QDA codebooks (*.qdc *.qde);;All files (*)"));
    if (path.isEmpty())
        return;
    const operations::RefiImportReport report
        = importing([&] { return document.project().refiQda().importCodebook(path); });
    showReport(
        title, tr("%1 tag(s) created, %2 already there.").arg(report.tags).arg(report.tagsThere), report, parent);
}

} // namespace gloss::ui
