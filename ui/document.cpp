#include "document.h"

#include "operations/backups.h"
#include "operations/project.h"

#include <QCursor>
#include <QFileInfo>
#include <QGuiApplication>
#include <QUndoCommand>
#include <QUndoStack>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace gloss::ui {

namespace {

quint64 inodeOf(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return quint64(st.st_ino);
    return 0;
#else
    return QFileInfo::exists(path) ? 1 : 0;
#endif
}

} // namespace

Document::Document(std::unique_ptr<Project> project, QObject *parent)
    : QObject(parent)
    , m_project(std::move(project))
    , m_undoStack(new QUndoStack(this))
{
    listen();
    rememberFile();
}

Document::~Document() = default;

void Document::listen()
{
    m_project->setChangeListener([this](operations::Areas areas, qint64 articleId) {
        // Our own writes are not "changed elsewhere".
        try {
            m_dataVersion = m_project->dataVersion();
        } catch (const operations::OperationError &) { }
        notify(Changes(int(areas)), articleId);
    });
}

void Document::rememberFile()
{
    m_inode = inodeOf(m_project->path());
    m_lostReported = false;
    try {
        m_dataVersion = m_project->dataVersion();
    } catch (const operations::OperationError &) {
        m_dataVersion = -1;
    }
}

void Document::notify(Changes changes, qint64 articleId)
{
    Q_EMIT changed(changes, articleId);
}

void Document::reportError(const QString &message)
{
    Q_EMIT errorOccurred(message);
}

void Document::failed(QUndoCommand *command, const QString &message)
{
    if (command)
        command->setObsolete(true);
    reportError(message);
}

bool Document::fileIsInPlace() const
{
    if (m_project->isOnServer())
        return true; // a team project has no file to lose
    const quint64 now = inodeOf(m_project->path());
    return now != 0 && now == m_inode;
}

QString Document::writeRefusal()
{
    if (m_project->isReadOnly())
        return tr(
            "The project %1 is read-only (the file or its folder cannot be written); it can be read, not changed.")
            .arg(m_project->path());
    if (!fileIsInPlace()) {
        if (!m_lostReported) {
            m_lostReported = true;
            Q_EMIT fileLost(m_project->path());
        }
        return tr("The project file %1 was deleted or moved while open; nothing more is written to it. "
                  "Everything stored so far is still held by Gloss: use File > Write Project Back.")
            .arg(m_project->path());
    }
    return {};
}

void Document::refresh()
{
    if (!fileIsInPlace() && !m_lostReported) {
        m_lostReported = true;
        Q_EMIT fileLost(m_project->path());
    }
    try {
        m_dataVersion = m_project->dataVersion();
    } catch (const operations::OperationError &) { }
    notify(AllChanges);
}

bool Document::refreshIfChangedElsewhere()
{
    if (!fileIsInPlace()) {
        if (!m_lostReported) {
            m_lostReported = true;
            Q_EMIT fileLost(m_project->path());
        }
        return false;
    }
    qint64 now = -1;
    try {
        now = m_project->dataVersion();
    } catch (const operations::OperationError &e) {
        if (e.kind() == operations::OperationError::Kind::Disconnected && !m_connectionLost) {
            m_connectionLost = true;
            Q_EMIT connectionChanged(true, e.message());
        }
        return false;
    }
    if (m_connectionLost) {
        m_connectionLost = false;
        Q_EMIT connectionChanged(false, {});
    }
    if (now == m_dataVersion)
        return false;
    refresh();
    return true;
}

void Document::replaceProject(std::unique_ptr<Project> project)
{
    m_undoStack->clear();
    if (project->coder().isEmpty())
        project->setCoder(m_project->coder()); // the same coder goes on coding
    m_project = std::move(project);
    listen();
    rememberFile();
    notify(AllChanges);
}

QString Document::backupBefore(const QString &what)
{
    if (m_project->isReadOnly())
        return {};
    // The operation waits for its backup (a second or so per 100 MB of project).
    QGuiApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
    const QString error = m_project->backups().takeBefore(what).error;
    QGuiApplication::restoreOverrideCursor();
    return error;
}

} // namespace gloss::ui
