#pragma once

#include "model/entity.h"
#include "storage/entityrepository.h"

#include <QUndoCommand>

namespace gloss::ui {

class Document;

// The researcher's decisions about entities as undo commands. Each runs a core decision, keeps
// the snapshot it returns, and undoes by restoring it; redo runs the decision again.
class EntityCommand : public QUndoCommand
{
public:
    void redo() final;
    void undo() final;

protected:
    EntityCommand(Document &document, const QString &text, qint64 articleId = 0);
    virtual storage::EntitySnapshot apply(storage::EntityRepository &repo) = 0;

private:
    Document &m_document;
    qint64 m_articleId;
    storage::EntitySnapshot m_before;
};

class ConfirmEntityCommand final : public EntityCommand
{
public:
    ConfirmEntityCommand(Document &document, qint64 entityId, const QString &name, bool confirmed);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_id;
    bool m_confirmed;
};

class RejectEntityCommand final : public EntityCommand
{
public:
    RejectEntityCommand(Document &document, qint64 entityId, const QString &name);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_id;
};

class RenameEntityCommand final : public EntityCommand
{
public:
    RenameEntityCommand(Document &document, qint64 entityId, const QString &oldName, const QString &newName);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_id;
    QString m_name;
};

class RetypeEntityCommand final : public EntityCommand
{
public:
    RetypeEntityCommand(Document &document, qint64 entityId, const QString &name, model::EntityType type);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_id;
    model::EntityType m_type;
};

class MergeEntitiesCommand final : public EntityCommand
{
public:
    // Every entity of `gone` becomes part of `kept`.
    MergeEntitiesCommand(Document &document, qint64 kept, const QString &keptName, const QList<qint64> &gone);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_kept;
    QList<qint64> m_gone;
};

class SplitAliasCommand final : public EntityCommand
{
public:
    SplitAliasCommand(Document &document, qint64 entityId, const QString &alias);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_id;
    QString m_alias;
};

class AddAliasCommand final : public EntityCommand
{
public:
    AddAliasCommand(Document &document, qint64 entityId, const QString &name, const QString &alias);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_id;
    QString m_alias;
};

class MarkEntityCommand final : public EntityCommand
{
public:
    // A span of an article (code points) becomes a mention of an entity of `type`.
    MarkEntityCommand(
        Document &document, qint64 articleId, qint64 start, qint64 end, const QString &text, model::EntityType type);

protected:
    storage::EntitySnapshot apply(storage::EntityRepository &repo) override;

private:
    qint64 m_articleId;
    qint64 m_start;
    qint64 m_end;
    model::EntityType m_type;
};

} // namespace gloss::ui
