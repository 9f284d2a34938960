#include "work/reextractor.h"

#include "document.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/project.h"
#include "operations/timeline.h"

#include <QProgressDialog>

namespace gloss::ui {

Reextractor::Reextractor(Document &document, What what, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_what(what)
    , m_window(window)
{ }

Reextractor::~Reextractor() = default;

QProgressDialog *Reextractor::progressDialog() const
{
    return m_worker.progress();
}

bool Reextractor::start()
{
    if (m_worker.isRunning())
        return false;
    auto job = std::make_shared<Job>();
    job->projectPath = m_document.project().path();
    m_job = job;

    operations::Reextraction how;
    how.cancel = &m_worker.cancelFlag();
    how.progress = [this, throttle = std::make_shared<ProgressThrottle>(), hook = m_hook](int done, int total) {
        if (hook)
            hook(done, total);
        if (!throttle->due(done == total))
            return;
        QMetaObject::invokeMethod(
            this, [this, done, total] { onProgress(done, total); }, Qt::QueuedConnection);
    };
    const What what = m_what;
    const bool started = m_worker.start(
        QStringLiteral("gloss-reextract"),
        [job, how, what] {
            try {
                auto opened = Project::open(job->projectPath);
                if (!opened.project) {
                    job->error = opened.error;
                    return;
                }
                Project &project = *opened.project;
                job->result = what == What::Entities ? project.entities().reextractAll(how)
                                                     : project.timeline().reextractAll(how);
            } catch (const operations::OperationError &e) {
                job->error = e.message();
            }
        },
        this, [this] { onFinished(); });
    if (!started)
        return false;
    m_worker.openProgress(m_window, QStringLiteral("reextractProgress"),
        m_what == What::Entities ? tr("Re-extract entities") : tr("Re-extract dates"), tr("Re-extracting…"),
        tr("Cancelling: keeping the articles done so far…"));
    return true;
}

void Reextractor::onProgress(int done, int total)
{
    m_worker.showProgress(done, total, tr("Re-extracting: %1 of %2 articles").arg(done).arg(total));
}

void Reextractor::onFinished()
{
    const std::shared_ptr<Job> job = std::move(m_job);
    m_result = job->result;
    m_error = job->error;
    // The worker wrote through its own connection: the window's panels hear of it here.
    if (m_result.articles > 0)
        m_document.notify(m_what == What::Entities ? Document::Entities : Document::Times);
    if (!m_error.isEmpty())
        m_document.reportError(m_error);
    Q_EMIT finished();
}

} // namespace gloss::ui
