#pragma once

#include "model/entity.h"
#include "model/namekey.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace gloss::storage {

// The state of some entities before a researcher's decision: enough to put them back exactly as
// they were, which is how the window undoes a decision (EntityRepository::restore).
struct EntitySnapshot
{
    struct Row
    {
        qint64 id = 0;
        QString name;
        QString type;
        bool confirmed = false;
        QString created;
        QString decidedBy;
    };
    struct Alias
    {
        QString key;
        qint64 entityId = 0;
        QString alias;
        bool manual = false;
    };
    QList<qint64> entityIds; // every entity the decision touched, created ones included
    QStringList rejectedKeys; // every rejected-name key it touched
    QList<Row> entities; // as they were (an id missing here did not exist)
    QList<Alias> aliases; // of those entities, and any alias key it touched
    QList<model::Mention> mentions; // of those entities
    struct Rejected
    {
        QString key;
        QString name;
        QString coder;
    };
    QList<Rejected> rejected; // as they were
};

// Entities, their aliases and mentions, and the researcher's decisions about them. What
// extraction finds is stored per article and replaced on re-extraction; decisions (a rejected
// name, a merge, a rename, an alias, a manual mention) live apart and shape every later extraction,
// so the researcher's word is final across the whole project.
class EntityRepository
{
public:
    virtual ~EntityRepository() = default;

    // What storing an extraction needs to know of the researcher's decisions (see
    // extract::EntityPolicy): who goes by each of `keys`, which of them are rejected names, and the
    // spans of an article the researcher marked (code points).
    virtual QHash<QString, model::Alias> aliasesFor(const QSet<QString> &keys) = 0;
    virtual QSet<QString> rejectedAmong(const QSet<QString> &keys) = 0;
    virtual QList<std::pair<qint64, qint64>> markedSpans(qint64 articleId) = 0;

    // The writes of storing an extraction, which the caller puts in one transaction with the reads.
    // An article's automatic mentions go; the ones the researcher marked stay.
    virtual void clearExtractedMentions(qint64 articleId) = 0;
    // A new entity, without any alias: its names come with insertAliases.
    virtual qint64 insertEntity(const QString &name, model::EntityType type) = 0;
    // A key some entity goes by already keeps it, unless the new alias is manual.
    virtual void insertAliases(const QList<model::Alias> &aliases) = 0;
    // Each with its entity, article, span, text and manual flag; ids are the project's to give.
    virtual void insertMentions(const QList<model::Mention> &mentions) = 0;

    // Names the researcher taught (manual aliases and names of confirmed entities), for the extractor.
    virtual QHash<QString, std::pair<QString, model::EntityType>> taughtNames() = 0;

    virtual std::optional<model::Entity> get(qint64 id) = 0;
    // Entities mentioned in an article, with their mention count and spans (code points).
    virtual QList<model::Entity> forArticle(qint64 articleId) = 0;
    // Every entity of the project with its mention and article counts; `nameFilter` keeps those
    // whose name or an alias contains it (case-insensitive).
    virtual QList<model::Entity> list(const QString &nameFilter = {}) = 0;
    virtual QList<model::Mention> mentions(qint64 entityId, qint64 articleId = 0) = 0;
    virtual QList<model::Mention> articleMentions(qint64 articleId) = 0;
    virtual QStringList rejectedNames() = 0;
    // The same, with who rejected each.
    virtual QList<model::RejectedName> rejections() = 0;
    // A name is not an entity, as `rejected.coder` said (a merge brings another coder's word; an
    // entity going by the name is not touched).
    virtual void insertRejected(const model::RejectedName &rejected) = 0;

    // The researcher's decisions, each recorded as `coder`'s (the entities it leaves behind are
    // decided by `coder`; a rejected name records who rejected it). Each returns the state from
    // before it, for restore().
    virtual EntitySnapshot confirm(qint64 id, bool confirmed, const QString &coder) = 0;
    // "Not an entity": its mentions go, and its names are never suggested again.
    virtual EntitySnapshot reject(qint64 id, const QString &coder) = 0;
    virtual EntitySnapshot rename(qint64 id, const QString &name, const QString &coder) = 0;
    virtual EntitySnapshot retype(qint64 id, model::EntityType type, const QString &coder) = 0;
    // `gone` becomes part of `kept`: its names, mentions and future mentions.
    virtual EntitySnapshot merge(qint64 kept, qint64 gone, const QString &coder) = 0;
    // The alias becomes an entity of its own, with the mentions written that way; *created gets its id.
    virtual EntitySnapshot splitAlias(qint64 id, const QString &alias, const QString &coder, qint64 *created = nullptr)
        = 0;
    // Mentions written `alias` anywhere in the project now belong to this entity.
    virtual EntitySnapshot addAlias(qint64 id, const QString &alias, const QString &coder) = 0;
    // A span (code points) of an article is a mention of an entity of `type` named by its text
    // (an existing entity of that name and type, else a new one); *entityId gets the entity.
    virtual EntitySnapshot markSpan(qint64 articleId, qint64 start, qint64 end, model::EntityType type,
        const QString &coder, qint64 *entityId = nullptr)
        = 0;
    // Puts the entities of `snapshot` back as they were; returns their state from just before, for
    // restoring that in turn (a redo).
    virtual EntitySnapshot restore(const EntitySnapshot &snapshot) = 0;

    // The key names are matched by (model::nameKey).
    static QString aliasKey(const QString &name) { return model::nameKey(name); }
};

} // namespace gloss::storage
