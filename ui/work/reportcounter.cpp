#include "work/reportcounter.h"

#include "document.h"
#include "operations/error.h"
#include "operations/project.h"

#include <QProgressDialog>

namespace gloss::ui {

ReportCounter::ReportCounter(Document &document, QWidget *window, const QString &title)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_title(title)
{ }

ReportCounter::~ReportCounter() = default;

void ReportCounter::cancel()
{
    m_next.reset();
    m_worker.cancel();
}

void ReportCounter::runErased(const QString &label, Work work)
{
    if (m_worker.isRunning()) {
        // The running count's result would be stale: drop it, and count again when it ends.
        m_worker.cancel();
        m_next = Next{label, std::move(work)};
        return;
    }
    auto job = std::make_shared<Job>();
    job->projectPath = m_document.project().path();
    m_job = job;
    m_error.clear();
    const bool started = m_worker.start(
        QStringLiteral("gloss-report"),
        [job, work = std::move(work), hook = m_hook, cancel = &m_worker.cancelFlag()] {
            if (hook)
                hook();
            if (*cancel)
                return;
            try {
                auto opened = Project::open(job->projectPath, Project::Access::ReadOnly);
                if (!opened.project) {
                    job->error = opened.error;
                    return;
                }
                job->deliver = work(*opened.project);
            } catch (const operations::OperationError &e) {
                job->error = e.message();
            }
        },
        this, [this] { onFinished(); });
    if (!started)
        return;
    m_worker.openProgress(m_window, QStringLiteral("reportProgress"), m_title, label, tr("Cancelling…"));
}

void ReportCounter::onFinished()
{
    const bool cancelled = m_worker.cancelFlag();
    const std::shared_ptr<Job> job = std::move(m_job);
    if (m_next) {
        Next next = std::move(*m_next);
        m_next.reset();
        runErased(next.label, std::move(next.work));
        return;
    }
    if (cancelled || !job) {
        Q_EMIT finished(false);
        return;
    }
    if (!job->error.isEmpty() || !job->deliver) {
        m_error = job->error.isEmpty() ? tr("The count did not finish.") : job->error;
        Q_EMIT finished(false);
        return;
    }
    job->deliver();
    Q_EMIT finished(true);
}

} // namespace gloss::ui
