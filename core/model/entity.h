#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace gloss::model {

enum class EntityType { Person, Organization, Place, Other };

// "person", "organization", "place", "other": the names stored and shown on the command line.
QString entityTypeName(EntityType type);
std::optional<EntityType> entityTypeFromName(const QString &name);

// One mention of an entity in an article. Offsets are code points into the canonical body.
struct Mention
{
    qint64 id = 0;
    qint64 entityId = 0;
    qint64 articleId = 0;
    qint64 start = 0;
    qint64 end = 0;
    QString text;
    bool manual = false; // marked by the researcher, kept across re-extraction
};

// One name an entity goes by, kept by its key (nameKey) so that every way of writing the name finds
// the entity. A manual alias is the researcher's word and wins over what extraction thinks.
struct Alias
{
    QString key;
    qint64 entityId = 0;
    QString name; // as written
    bool manual = false;
};

// A person, organisation, place or other named thing, with its counts as a query asked for them:
// mentions and articles in the project, or in one article for the article's entities.
struct Entity
{
    qint64 id = 0;
    QString name;
    EntityType type = EntityType::Other;
    bool confirmed = false;
    // Who made the last decision about it (confirmed, renamed, retyped, merged, a name added or
    // split off, a span marked); "" when no one has, or no one named did.
    QString decidedBy;
    QStringList aliases; // the other names it goes by, without `name`
    int mentions = 0;
    int articles = 0;
    QList<std::pair<qint64, qint64>> spans; // code points, when asked for one article
};

// A name the researcher said is not an entity, and who said so ("" for no one named).
struct RejectedName
{
    QString name;
    QString coder;
};

} // namespace gloss::model
