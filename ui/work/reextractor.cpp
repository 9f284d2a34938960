#include "reextractor.h"

#include "document.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/project.h"
#include "operations/timeline.h"

#include <QElapsedTimer>
#include <QProgressDialog>
#include <QThread>

namespace gloss::ui {

Reextractor::Reextractor(Document &document, What what, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_what(what)
    , m_window(window)
{ }

Reextractor::~Reextractor()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

QProgressDialog *Reextractor::progressDialog() const
{
    return m_progress;
}

bool Reextractor::start()
{
    if (m_thread)
        return false;
    m_cancel = false;
    auto job = std::make_shared<Job>();
    job->projectPath = m_document.project().path();
    m_job = job;

    operations::Reextraction how;
    how.cancel = &m_cancel;
    // Progress crosses to the window's thread at most every 50 ms (and at the end).
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    how.progress = [this, timer, hook = m_hook](int done, int total) {
        if (hook)
            hook(done, total);
        if (timer->elapsed() < 50 && done != total)
            return;
        timer->restart();
        QMetaObject::invokeMethod(
            this, [this, done, total] { onProgress(done, total); }, Qt::QueuedConnection);
    };
    const What what = m_what;
    m_thread = QThread::create([job, how, what] {
        try {
            auto opened = Project::open(job->projectPath);
            if (!opened.project) {
                job->error = opened.error;
                return;
            }
            Project &project = *opened.project;
            job->result
                = what == What::Entities ? project.entities().reextractAll(how) : project.timeline().reextractAll(how);
        } catch (const operations::OperationError &e) {
            job->error = e.message();
        }
    });
    m_thread->setObjectName(QStringLiteral("gloss-reextract"));
    connect(m_thread, &QThread::finished, this, &Reextractor::onFinished);

    const QString title = m_what == What::Entities ? tr("Re-extract entities") : tr("Re-extract dates");
    m_progress = new QProgressDialog(tr("Re-extracting…"), tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("reextractProgress"));
    m_progress->setWindowTitle(title);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_cancel = true;
        if (m_progress)
            m_progress->setLabelText(tr("Cancelling: keeping the articles done so far…"));
    });
    m_thread->start();
    return true;
}

void Reextractor::onProgress(int done, int total)
{
    if (!m_progress || !m_thread)
        return;
    m_progress->setMaximum(total);
    m_progress->setValue(done);
    if (!m_cancel)
        m_progress->setLabelText(tr("Re-extracting: %1 of %2 articles").arg(done).arg(total));
}

void Reextractor::onFinished()
{
    if (!m_thread)
        return;
    m_thread->deleteLater();
    m_thread = nullptr;
    const std::shared_ptr<Job> job = std::move(m_job);
    m_result = job->result;
    m_error = job->error;
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    // The worker wrote through its own connection: the window's panels hear of it here.
    if (m_result.articles > 0)
        m_document.notify(m_what == What::Entities ? Document::Entities : Document::Times);
    if (!m_error.isEmpty())
        m_document.reportError(m_error);
    Q_EMIT finished();
}

} // namespace gloss::ui
