#include "model/entity.h"

namespace gloss::model {

QString entityTypeName(EntityType type)
{
    switch (type) {
    case EntityType::Person:
        return QStringLiteral("person");
    case EntityType::Organization:
        return QStringLiteral("organization");
    case EntityType::Place:
        return QStringLiteral("place");
    case EntityType::Other:
        break;
    }
    return QStringLiteral("other");
}

std::optional<EntityType> entityTypeFromName(const QString &name)
{
    for (const EntityType t : {EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Other})
        if (name.compare(entityTypeName(t), Qt::CaseInsensitive) == 0)
            return t;
    if (name.compare(QStringLiteral("organisation"), Qt::CaseInsensitive) == 0)
        return EntityType::Organization;
    return std::nullopt;
}

} // namespace gloss::model
