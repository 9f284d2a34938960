#pragma once

#include "model/entity.h"
#include "model/foundentity.h"

#include <QHash>
#include <QList>
#include <QString>

namespace gloss::extract {

// Finds the names in news prose: deterministic, offline, fast. Rules over a gazetteer read
// capitalised runs: titles ("Secretary of State", "President") and demonyms tell the type without
// being part of the name; heads ("Ministry", "University", "Inc") and context ("the company
// Sabesp", "in Itaquera") type the rest; sentence-initial words, months, weekdays and holidays are
// not names. The statistical recogniser (NerTagger) reads every sentence too; the longer of two
// overlapping names wins, the rules' confident type stands on a span both found, and the rules'
// mere guesses are left to the recogniser. Wire-copy junk (sign-offs, state abbreviations, table
// words, names only in a table) is dropped. Within an article a surname or an acronym resolves to
// the full name.
class EntityExtractor final
{
public:
    EntityExtractor();

    // Names the researcher taught the project (model::nameKey -> canonical name and type): they are
    // recognised like the gazetteer's, and win over it.
    void setKnownNames(QHash<QString, std::pair<QString, model::EntityType>> names) { m_known = std::move(names); }

    QList<model::FoundEntity> extract(const QString &text) const;

private:
    QHash<QString, std::pair<QString, model::EntityType>> m_known;
};

} // namespace gloss::extract
