#pragma once

#include "interchange/annotationlookup.h"
#include "interchange/annotationparser.h"
#include "model/highlight.h"

#include <QList>

namespace gloss::interchange {

// A record and where it goes in the project.
struct PlacedHighlight
{
    HighlightRecord record;
    qint64 articleId = 0;
    QList<model::Highlight> existing; // the project's highlights over exactly the record's span
};

struct Placement
{
    QList<PlacedHighlight> placed;
    QList<ImportRefusal> refused; // records with no article, or whose text is no longer there
};

// Finds each record's article in a project whose ids may differ from the exporting one's: the
// one with the record's id when its title and published date agree, else the ones with that
// title and date; the record's text must still be the article's text at start..end. Also reads the
// highlights already over that span, so that the import can skip those it would only repeat.
// Reads only, through `lookup`.
Placement placeAnnotations(AnnotationLookup &lookup, const QList<HighlightRecord> &records);

} // namespace gloss::interchange
