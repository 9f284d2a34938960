#pragma once

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

} // namespace gloss::extract
