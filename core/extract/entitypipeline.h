#pragma once

#include <QtGlobal>

namespace gloss {
class Project;
namespace model {
struct Article;
}
} // namespace gloss

namespace gloss::extract {

// Finds the entities of an article and stores them, replacing what an earlier extraction found and
// honouring the researcher's decisions (names taught, rejected, merged). Runs in the caller's
// transaction if there is one, so an importer calls it once per article inside its own.
void extractEntities(Project &project, const model::Article &article);

// "Re-extract entities": one article, or every article of the project (returns how many).
void reextractEntities(Project &project, qint64 articleId);
int reextractAllEntities(Project &project);

} // namespace gloss::extract
