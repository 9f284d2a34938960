#pragma once

#include "model/entity.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace gloss::storage {

class Database;

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
    QList<std::pair<QString, QString>> rejected; // (key, name) as they were
};

// Entities, their aliases and mentions, and the researcher's decisions about them. What
// extraction finds is stored per article and replaced on re-extraction; decisions (a rejected
// name, a merge, a rename, an alias, a manual mention) live apart and shape every later extraction,
// so the researcher's word is final across the whole project.
class EntityRepository final
{
public:
    explicit EntityRepository(Database &db)
        : m_db(db)
    { }

    // What storing an extraction needs to know of the researcher's decisions (see
    // extract::EntityPolicy): who goes by each of `keys`, which of them are rejected names, and the
    // spans of an article the researcher marked (code points).
    QHash<QString, model::Alias> aliasesFor(const QSet<QString> &keys);
    QSet<QString> rejectedAmong(const QSet<QString> &keys);
    QList<std::pair<qint64, qint64>> markedSpans(qint64 articleId);

    // The writes of storing an extraction, which the caller puts in one transaction with the reads.
    // An article's automatic mentions go; the ones the researcher marked stay.
    void clearExtractedMentions(qint64 articleId);
    // A new entity, without any alias: its names come with insertAliases.
    qint64 insertEntity(const QString &name, model::EntityType type);
    // A key some entity goes by already keeps it, unless the new alias is manual.
    void insertAliases(const QList<model::Alias> &aliases);
    // Each with its entity, article, span, text and manual flag; ids are the project's to give.
    void insertMentions(const QList<model::Mention> &mentions);

    // Names the researcher taught (manual aliases and names of confirmed entities), for the extractor.
    QHash<QString, std::pair<QString, model::EntityType>> taughtNames();

    std::optional<model::Entity> get(qint64 id);
    // Entities mentioned in an article, with their mention count and spans (code points).
    QList<model::Entity> forArticle(qint64 articleId);
    // Every entity of the project with its mention and article counts; `nameFilter` keeps those
    // whose name or an alias contains it (case-insensitive).
    QList<model::Entity> list(const QString &nameFilter = {});
    QList<model::Mention> mentions(qint64 entityId, qint64 articleId = 0);
    QList<model::Mention> articleMentions(qint64 articleId);
    QStringList rejectedNames();

    // The researcher's decisions. Each returns the state from before it, for restore().
    EntitySnapshot confirm(qint64 id, bool confirmed = true);
    // "Not an entity": its mentions go, and its names are never suggested again.
    EntitySnapshot reject(qint64 id);
    EntitySnapshot rename(qint64 id, const QString &name);
    EntitySnapshot retype(qint64 id, model::EntityType type);
    // `gone` becomes part of `kept`: its names, mentions and future mentions.
    EntitySnapshot merge(qint64 kept, qint64 gone);
    // The alias becomes an entity of its own, with the mentions written that way; *created gets its id.
    EntitySnapshot splitAlias(qint64 id, const QString &alias, qint64 *created = nullptr);
    // Mentions written `alias` anywhere in the project now belong to this entity.
    EntitySnapshot addAlias(qint64 id, const QString &alias);
    // A span (code points) of an article is a mention of an entity of `type` named by its text
    // (an existing entity of that name and type, else a new one); *entityId gets the entity.
    EntitySnapshot markSpan(
        qint64 articleId, qint64 start, qint64 end, model::EntityType type, qint64 *entityId = nullptr);
    // Puts the entities of `snapshot` back as they were; returns their state from just before, for
    // restoring that in turn (a redo).
    EntitySnapshot restore(const EntitySnapshot &snapshot);

    static QString aliasKey(const QString &name);

private:
    EntitySnapshot snapshot(
        const QList<qint64> &ids, const QStringList &aliasKeys = {}, const QStringList &rejectedKeys = {});
    qint64 entityForKey(const QString &key);
    void addAliasRow(qint64 entityId, const QString &alias, bool manual);
    void addAliasRow(qint64 entityId, const QString &key, const QString &alias, bool manual);
    QStringList namesOf(qint64 id);
    model::Entity readEntity(class Statement &s);

    Database &m_db;
};

} // namespace gloss::storage
