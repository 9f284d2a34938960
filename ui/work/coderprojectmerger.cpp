#include "work/coderprojectmerger.h"

#include "document.h"
#include "operations/error.h"
#include "operations/project.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace gloss::ui {

struct CoderProjectMerger::Job
{
    QString projectPath;
    QStringList files;
    bool withArticles = false;
    QList<operations::MergeResult> results;
};

CoderProjectMerger::CoderProjectMerger(Document &document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{ }

CoderProjectMerger::~CoderProjectMerger() = default;

void CoderProjectMerger::chooseAndMerge()
{
    const QStringList files = QFileDialog::getOpenFileNames(m_window, tr("Merge Coder's Project"),
        QFileInfo(m_document.project().path()).absolutePath(), tr("Gloss projects (*.gloss);;All files (*)"));
    if (files.isEmpty())
        return;
    if (!start(files, false))
        QMessageBox::information(
            m_window, tr("Merge Coder's Project"), tr("A merge is already running; try again when it has finished."));
}

bool CoderProjectMerger::start(const QStringList &files, bool withArticles)
{
    if (m_worker.isRunning() || files.isEmpty())
        return false;
    auto job = std::make_shared<Job>();
    job->projectPath = m_document.project().path();
    job->files = files;
    job->withArticles = withArticles;
    m_job = job;
    std::atomic_bool *cancel = &m_worker.cancelFlag();
    auto throttle = std::make_shared<ProgressThrottle>();
    const bool started = m_worker.start(
        QStringLiteral("gloss-merge"),
        [this, job, cancel, throttle] {
            auto opened = Project::open(job->projectPath);
            if (!opened.project) {
                operations::MergeResult failed;
                failed.error = opened.error;
                job->results.append(failed);
                return;
            }
            operations::MergeOptions options;
            options.withArticles = job->withArticles;
            for (qsizetype i = 0; i < job->files.size() && !*cancel; ++i) {
                const QString name = QFileInfo(job->files.at(i)).fileName();
                job->results.append(
                    opened.project->merge().mergeFrom(job->files.at(i), options, [&](qint64 done, qint64 total) {
                        if (throttle->due(done == total))
                            QMetaObject::invokeMethod(
                                this,
                                [this, done, total, name] {
                                    m_worker.showProgress(int(done), int(total),
                                        tr("Merging %1: %2 of %3 articles").arg(name).arg(done).arg(total));
                                },
                                Qt::QueuedConnection);
                        return !*cancel;
                    }));
                // One backup, before the first file: the others are merged over it.
                if (options.backupTaken.isEmpty())
                    options.backupTaken = job->results.last().backupPath;
            }
        },
        this, [this] { onFinished(); });
    if (!started)
        return false;
    m_worker.openProgress(m_window, QStringLiteral("mergeProgress"), tr("Merge Coder's Project"), tr("Merging…"),
        tr("Cancelling: the file being merged is left out whole…"));
    return true;
}

void CoderProjectMerger::onFinished()
{
    const std::shared_ptr<Job> job = std::move(m_job);
    m_results = job->results;
    // The worker wrote through its own connection: every panel reloads.
    m_document.refresh();

    QStringList lines;
    QStringList details;
    int missing = 0;
    bool trouble = false;
    for (const operations::MergeResult &r : std::as_const(m_results)) {
        const QString name = QFileInfo(r.file).fileName();
        if (!r.ok()) {
            trouble = true;
            lines.append(r.error);
            continue;
        }
        QString line = tr("%1: %2 article(s) matched; %3 highlight(s) added (%4 already here), %5 article note(s), "
                          "%6 article tag(s), %7 done mark(s), %8 set(s) and %9 tag(s) created.")
                           .arg(name)
                           .arg(r.articles + r.articlesImported)
                           .arg(r.highlightsAdded)
                           .arg(r.highlightsThere)
                           .arg(r.notesAdded)
                           .arg(r.articleTagsAdded)
                           .arg(r.doneMarksAdded)
                           .arg(r.setsCreated)
                           .arg(r.tagsCreated);
        if (r.articlesImported > 0)
            line += u' ' + tr("%1 article(s) imported.").arg(r.articlesImported);
        if (r.datesAdded > 0 || r.entityDecisions > 0)
            line += u' ' + tr("%1 date correction(s), %2 entity decision(s).").arg(r.datesAdded).arg(r.entityDecisions);
        if (!r.coders.isEmpty())
            line += u' ' + tr("Coders: %1.").arg(r.coders.join(QStringLiteral(", ")));
        if (!r.dateConflicts.isEmpty() || !r.entityConflicts.isEmpty()) {
            trouble = true;
            line += u' '
                + tr("%1 date and %2 entity conflict(s): this project's decisions kept.")
                      .arg(r.dateConflicts.size())
                      .arg(r.entityConflicts.size());
            for (const QString &c : r.dateConflicts)
                details.append(tr("%1: date conflict: %2").arg(name, c));
            for (const QString &c : r.entityConflicts)
                details.append(tr("%1: entity conflict: %2").arg(name, c));
        }
        if (!r.conflicts.isEmpty()) {
            trouble = true;
            line
                += u' ' + tr("%1 tag conflict(s): this project's colour and description kept.").arg(r.conflicts.size());
            for (const QString &c : r.conflicts)
                details.append(tr("%1: tag conflict: %2").arg(name, c));
        }
        if (r.highlightsLeftOut > 0) {
            trouble = true;
            line += u' '
                + tr("%1 highlight(s) left out: the article here has another text and the passage is not in it.")
                      .arg(r.highlightsLeftOut);
        }
        if (r.articlesMissing > 0) {
            trouble = true;
            missing += r.articlesMissing;
            line += u' '
                + tr("%1 article(s) are not in this project; their coding was not merged.").arg(r.articlesMissing);
        }
        if (!r.backupPath.isEmpty())
            details.append(tr("%1: the project before the merge is kept in %2").arg(name, r.backupPath));
        lines.append(line);
    }
    // Not modal: the window stays usable while the report is read.
    if (m_report)
        m_report->close();
    auto *box = new QMessageBox(trouble ? QMessageBox::Warning : QMessageBox::Information, tr("Merge Coder's Project"),
        lines.join(QStringLiteral("\n\n")), QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("mergeReport"));
    box->setWindowModality(Qt::NonModal);
    if (!details.isEmpty())
        box->setDetailedText(details.join(u'\n'));
    if (missing > 0) {
        // Merging again changes nothing already merged: it imports the missing articles with their coding.
        QStringList again;
        for (const operations::MergeResult &r : std::as_const(m_results))
            if (r.ok() && r.articlesMissing > 0)
                again.append(r.file);
        QPushButton *importThem = box->addButton(tr("Import the Missing Articles Too"), QMessageBox::ActionRole);
        connect(importThem, &QPushButton::clicked, this, [this, again] { start(again, true); });
    }
    m_report = box;
    box->show();
    Q_EMIT finished();
}

} // namespace gloss::ui
