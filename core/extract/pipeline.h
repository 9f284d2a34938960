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
// Sets up an import to find and store what annotateArticle does, in two halves: the finding of
// dates and entities, which needs the article only, on the importer's reading thread
// (ImportOptions::analyse), beside the storing, in each article's transaction once it has its id.
// The researcher's taught entity names are read once, before reading starts (ImportOptions::prepare).
void prepareImport(import::ImportOptions &options);

} // namespace gloss::extract
