#pragma once

#include "model/entity.h"

#include <QList>
#include <QString>

namespace gloss::model {

// One mention that entity extraction found in a text, before the project's decisions are applied.
// Offsets are UTF-16 positions into the text that was read.
struct FoundMention
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
    QString key; // nameKey(text), when the finder filled it in (extract::findEntities does); else empty
};

// A person, organisation, place or other named thing of one article: the name it is best known by
// in the article ("Ashraf Ghani" for "Ghani", "United States" for "U.S."), and every mention.
struct FoundEntity
{
    QString name;
    EntityType type = EntityType::Other;
    QList<FoundMention> mentions;
    QString key; // nameKey(name), when the finder filled it in (extract::findEntities does); else empty
};

} // namespace gloss::model
