#pragma once

#include "model/timeref.h"

#include <QList>

namespace gloss::model {
struct Article;
}

// The dates an article speaks of, as the time references a project stores. Pure: storing them
// is operations::Timeline's (which replaces the previous extraction; overrides stay, keyed by span).
namespace gloss::extract {

// Tags `article`'s body against its publication date, else its retrieval date, and returns the
// references in text order with code point offsets, anchor and anchor kind filled in (no ids, no
// article id). Needs no project: the importer runs it on its reading thread.
QList<model::TimeRef> findTimeRefs(const model::Article &article);

} // namespace gloss::extract
