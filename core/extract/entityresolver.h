#pragma once

#include "model/entity.h"
#include "model/foundentity.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <utility>

namespace gloss::extract {

// The researcher's decisions that shape what an extraction of one article stores, as plain values
// read from the project before resolving it.
struct EntityPolicy
{
    // Who goes by each name key, for at least every key policyKeys() lists (a key no entity goes
    // by is absent).
    QHash<QString, model::Alias> aliases;
    // The rejected names among those keys: never suggested again.
    QSet<QString> rejectedKeys;
    // Spans of the article (code points) that the researcher marked: what they said there stands.
    QList<std::pair<qint64, qint64>> markedSpans;
};

// What to store for the entities found in one article, replacing its earlier extraction. An entity
// is named by its id, or by its place in `created` for one to create; ids come when storing.
struct EntityResolution
{
    struct Ref
    {
        qint64 id = 0; // an entity of the project
        qsizetype created = -1; // else an index into `created`
        bool operator==(const Ref &other) const = default;
    };
    struct NewEntity
    {
        QString name;
        model::EntityType type = model::EntityType::Other;
    };
    // An automatic alias: only keys no entity goes by yet, each once, in the order first used.
    struct Alias
    {
        Ref entity;
        QString key;
        QString name;
    };
    // Offsets are code points into the body.
    struct Mention
    {
        Ref entity;
        qint64 start = 0;
        qint64 end = 0;
        QString text;
    };
    enum class SkipReason {
        Rejected, // the name, or the entity's name, is a rejected one
        Marked, // it overlaps a span the researcher marked
        OutsideText, // its offsets are not a span of the body
        Unnamed, // its entity's name has nothing to key it by (only dots or spaces)
    };
    struct Skipped
    {
        model::FoundMention mention; // as found (UTF-16 offsets)
        SkipReason reason = SkipReason::Rejected;
    };

    QList<NewEntity> created; // in the order to create them
    QList<Alias> aliases;
    QList<Mention> mentions; // in the order found
    QList<Skipped> skipped;
};

// Every name key resolveEntities may look up for `found`: its names' and its mentions' keys.
QSet<QString> policyKeys(const QList<model::FoundEntity> &found);

// Decides, without touching the project, where each mention found in `body` goes: a mention whose
// name the researcher tied to an entity (a manual alias) goes there; the others go to the entity
// that already goes by the found name, else by one of its mentions' names, else to a new entity.
// Rejected names and mentions overlapping a marked span are skipped. The keys a found entity and
// its mentions go by become aliases of the entity they went to, unless some entity has them.
EntityResolution resolveEntities(
    const QString &body, const QList<model::FoundEntity> &found, const EntityPolicy &policy);

} // namespace gloss::extract
