#pragma once

#include "extract/entityextractor.h"

#include <QList>

namespace gloss::extract {

// What `extractor` finds in a body, with the name keys storing looks names up by; long bodies are
// read in pieces, so memory stays proportional to a piece. Pure: storing what was found, against
// the researcher's decisions, is operations::Entities'. The importer runs it on its reading thread.
QList<model::FoundEntity> findEntities(const EntityExtractor &extractor, const QString &body);

} // namespace gloss::extract
