#pragma once

#include <QtGlobal>

#include <functional>

namespace gloss {
class Project;
namespace model {
struct Article;
}
} // namespace gloss

// Runs the temporal tagger on articles and stores what it finds (replacing the previous
// extraction; the researcher's overrides stay, keyed by span).
namespace gloss::extract {

// Tags `article` (its body, against its publication date, else its retrieval date) and stores the
// result. Runs in the caller's transaction if there is one. Returns the number stored.
int extractTimes(Project &project, const model::Article &article);
// extractTimes in two halves, for the importer: the tagging, which needs the article only and may
// run on any thread, returns the storing, to run on the project's thread once the article has its
// id. The returned function returns the number stored.
std::function<int(Project &, const model::Article &)> tagTimes(const model::Article &article);
// Re-extracts one article by id (0 when there is no such article), or every article.
int reextractTimes(Project &project, qint64 articleId);
int reextractAllTimes(Project &project);

} // namespace gloss::extract
