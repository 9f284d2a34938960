#pragma once

#include <QObject>

#include <exception>
#include <memory>

class QUndoCommand;
class QUndoStack;

namespace gloss {
class Project;
}

namespace gloss::ui {

// The open project as the window sees it: owns the Project and the undo stack, and tells every
// panel what changed through one typed signal.
class Document final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Document)

public:
    enum Change {
        Articles = 1 << 0, // articles added or removed
        Highlights = 1 << 1, // highlights, their tags or notes
        Codebook = 1 << 2, // tags created, renamed, recoloured, moved, merged, deleted
        Sets = 1 << 3,
        Entities = 1 << 4,
        Times = 1 << 5,
        Notes = 1 << 6,
    };
    Q_DECLARE_FLAGS(Changes, Change)

    explicit Document(std::unique_ptr<Project> project, QObject *parent = nullptr);
    ~Document() override;

    Project &project() { return *m_project; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // Called by undo commands and importers after they changed the project.
    void notify(Changes changes, qint64 articleId = 0);

    // Runs a command's change; when storage refuses it (disk full, a broken constraint) the
    // error is reported and the command marked obsolete, so the undo stack drops it.
    template <typename F> void guard(QUndoCommand *command, F &&change)
    {
        try {
            change();
        } catch (const std::exception &e) {
            failed(command, QString::fromUtf8(e.what()));
        }
    }
    void reportError(const QString &message);

Q_SIGNALS:
    void changed(gloss::ui::Document::Changes changes, qint64 articleId);
    void errorOccurred(const QString &message);

private:
    void failed(QUndoCommand *command, const QString &message);

    std::unique_ptr<Project> m_project;
    QUndoStack *m_undoStack;
};

} // namespace gloss::ui

Q_DECLARE_OPERATORS_FOR_FLAGS(gloss::ui::Document::Changes)
