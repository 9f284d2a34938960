#pragma once

#include <functional>

namespace gloss {
class Project;
namespace model {
struct Article;
}
} // namespace gloss

namespace gloss::extract {

// Everything Gloss finds in a newly stored article: its entities and the dates it speaks of.
// Runs inside the caller's transaction (the importer's), so an article is stored with all of it
// or not at all.
void annotateArticle(Project &project, const model::Article &article);

// The same for an import of many articles: the researcher's taught entity names are read once,
// on the first article. Give the result to ImportOptions::afterInsert.
std::function<void(Project &, const model::Article &)> importAnnotator();

} // namespace gloss::extract
