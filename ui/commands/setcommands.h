#pragma once

#include <QList>
#include <QUndoCommand>

namespace gloss::ui {

class Document;

// Article set edits: create (optionally with articles), add or remove articles, delete.
class CreateSetCommand final : public QUndoCommand
{
public:
    CreateSetCommand(Document &document, const QString &name, const QList<qint64> &articles);
    void redo() override;
    void undo() override;
    qint64 setId() const { return m_id; }

private:
    Document &m_document;
    QString m_name;
    QList<qint64> m_articles;
    qint64 m_id = 0;
};

class ChangeSetArticlesCommand final : public QUndoCommand
{
public:
    ChangeSetArticlesCommand(Document &document, qint64 setId, const QList<qint64> &articles, bool add);
    void redo() override;
    void undo() override;

private:
    void apply(bool add);

    Document &m_document;
    qint64 m_setId;
    QList<qint64> m_articles; // only those that actually change
    bool m_add;
};

class DeleteSetCommand final : public QUndoCommand
{
public:
    DeleteSetCommand(Document &document, qint64 setId);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    qint64 m_id;
    QString m_name;
    QList<qint64> m_articles;
};

} // namespace gloss::ui
