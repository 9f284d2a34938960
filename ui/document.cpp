#include "document.h"

#include "project.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace gloss::ui {

Document::Document(std::unique_ptr<Project> project, QObject *parent)
    : QObject(parent)
    , m_project(std::move(project))
    , m_undoStack(new QUndoStack(this))
{ }

Document::~Document() = default;

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

} // namespace gloss::ui
