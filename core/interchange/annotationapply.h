#pragma once

#include "interchange/annotationmatcher.h"

#include <QList>

namespace gloss {
class Project;
}

namespace gloss::interchange {

struct AppliedAnnotations
{
    int highlightsCreated = 0;
    int duplicates = 0; // highlights the project already had, skipped
    int tagsCreated = 0;
    QList<ImportRefusal> refused; // highlights a storage failure kept out, by their rows
};

// The writes of an annotation import, in one transaction (a savepoint inside the caller's): creates
// each placed highlight with its tags (creating the missing ones), note, coder and times, unless one
// of the highlights already over its span has the same tags, note and coder. Each highlight is
// stored in a savepoint of its own, so that a failure refuses that highlight's rows only.
AppliedAnnotations applyAnnotations(Project &project, const QList<PlacedHighlight> &placed);

} // namespace gloss::interchange
