#pragma once

#include "operations/change.h"
#include "operations/error.h"

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
        Variables = 1 << 7, // article variables
    };
    static_assert(int(Articles) == int(operations::Area::Articles) && int(Notes) == int(operations::Area::Notes)
            && int(Variables) == int(operations::Area::Variables),
        "Document::Change mirrors operations::Area");
    Q_DECLARE_FLAGS(Changes, Change)
    static constexpr Changes AllChanges
        = Changes(Articles | Highlights | Codebook | Sets | Entities | Times | Notes | Variables);

    explicit Document(std::unique_ptr<Project> project, QObject *parent = nullptr);
    ~Document() override;

    Project &project() { return *m_project; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // Tells every panel what changed. Writes through the project's operations call it by
    // themselves (the project's change listener); call it for changes made by another connection.
    void notify(Changes changes, qint64 articleId = 0);

    // Runs a command's change; when storage refuses it (disk full, a broken constraint) the
    // error is reported and the command marked obsolete, so the undo stack drops it. A read-only
    // project, or one whose file was deleted or moved, refuses every change before it starts.
    template <typename F> void guard(QUndoCommand *command, F &&change)
    {
        if (const QString refusal = writeRefusal(); !refusal.isEmpty()) {
            failed(command, refusal);
            return;
        }
        try {
            change();
        } catch (const operations::OperationError &e) {
            failed(command, e.message());
        } catch (const std::exception &e) {
            failed(command, QString::fromUtf8(e.what()));
        }
    }
    void reportError(const QString &message);

    // Why no change can be made now (read-only, file gone), or empty.
    QString writeRefusal();
    // True while the project file is where it was opened (same file, not deleted or replaced).
    bool fileIsInPlace() const;
    // Tells every panel to reload from the project (View > Refresh).
    void refresh();
    // Refreshes when another connection (a second window, the command line) changed the project
    // since we last looked; true when it did.
    bool refreshIfChangedElsewhere();
    // Swaps in a freshly opened project on the same file (after a restore): the undo history of
    // the old content is dropped and every panel reloads.
    void replaceProject(std::unique_ptr<Project> project);
    // A verified backup before a bulk operation ("tag-merge"); the error message, or empty.
    QString backupBefore(const QString &what);

Q_SIGNALS:
    void changed(gloss::ui::Document::Changes changes, qint64 articleId);
    void errorOccurred(const QString &message);
    // The project file was deleted or moved while open: the connection still holds its content.
    void fileLost(const QString &path);
    // A team project's connection to its server was lost (`lost`, with the reason in words) or,
    // after that, reopened. Told once per change; the poll for changes keeps trying to reconnect.
    void connectionChanged(bool lost, const QString &words);

private:
    void failed(QUndoCommand *command, const QString &message);
    void rememberFile();
    void listen();

    std::unique_ptr<Project> m_project;
    QUndoStack *m_undoStack;
    qint64 m_dataVersion = -1;
    quint64 m_inode = 0;
    bool m_lostReported = false;
    bool m_connectionLost = false;
};

} // namespace gloss::ui

Q_DECLARE_OPERATORS_FOR_FLAGS(gloss::ui::Document::Changes)
