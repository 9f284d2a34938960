#pragma once

#include "model/entity.h"

#include <QHash>
#include <QList>
#include <QString>

namespace gloss::extract {

// One mention found in a text. Offsets are UTF-16 positions into the text that was read.
struct FoundMention
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
    QString key; // nameKey(text), when the finder filled it in (findEntities does); else empty
};

// A person, organisation, place or other named thing of one article: the name it is best known by
// in the article ("Ashraf Ghani" for "Ghani", "United States" for "U.S."), and every mention.
struct FoundEntity
{
    QString name;
    model::EntityType type = model::EntityType::Other;
    QList<FoundMention> mentions;
    QString key; // nameKey(name), when the finder filled it in (findEntities does); else empty
};

// Finds the names in news prose with rules over a gazetteer: deterministic, offline, fast.
// Names are capitalised runs; titles ("Secretary of State", "President") and demonyms tell the type
// without being part of the name; heads ("Ministry", "University", "Inc") and context ("the company
// Sabesp", "in Itaquera") type the rest; sentence-initial words, months, weekdays and holidays are
// not names. Within an article a surname or an acronym resolves to the full name.
class EntityExtractor final
{
public:
    EntityExtractor();

    // Names the researcher taught the project ("name key" -> canonical name and type): they are
    // recognised like the gazetteer's, and win over it.
    void setKnownNames(QHash<QString, std::pair<QString, model::EntityType>> names) { m_known = std::move(names); }

    QList<FoundEntity> extract(const QString &text) const;

private:
    QHash<QString, std::pair<QString, model::EntityType>> m_known;
};

} // namespace gloss::extract
