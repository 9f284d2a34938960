#pragma once

#include <functional>

namespace gloss {
class Project;
namespace import {
struct ImportOptions;
}
namespace model {
struct Article;
}
} // namespace gloss

namespace gloss::extract {

// Everything Gloss finds in a newly stored article: its entities and the dates it speaks of.
// Runs inside the caller's transaction (the importer's), so an article is stored with all of it
// or not at all.
void annotateArticle(Project &project, const model::Article &article);
// annotateArticle in two halves, for the importer (ImportOptions::analyse): the finding, which
// needs the article only and runs on the importer's reading thread, returns the storing, which
// runs in the article's transaction once it has its id. Must find what annotateArticle finds.
std::function<void(Project &, const model::Article &)> analyseArticle(const model::Article &article);

// Sets up an import to find what annotateArticle finds: dates on the importer's reading thread
// (ImportOptions::analyse), entities in each article's transaction (ImportOptions::afterInsert),
// reading the researcher's taught entity names once, on the first article.
void prepareImport(import::ImportOptions &options);

} // namespace gloss::extract
