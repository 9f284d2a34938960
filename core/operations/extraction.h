#pragma once

namespace gloss {
class Project;
namespace import {
struct ImportOptions;
}
namespace model {
struct Article;
}
} // namespace gloss

// Everything Gloss finds in a newly stored article: its entities (Entities) and the dates it
// speaks of (Timeline), stored together.
namespace gloss::operations {

// Finds and stores both for a stored article, in one write (inside the caller's, if any), so an
// article is stored with all of it or not at all.
void annotateArticle(Project &project, const model::Article &article);
// Sets up an import to do what annotateArticle does, in two halves: the finding, which needs the
// article only, on the importer's reading thread (ImportOptions::analyse), and the storing, in each
// article's transaction once it has its id. The researcher's taught entity names are read once,
// before reading starts (ImportOptions::prepare).
void prepareImport(import::ImportOptions &options);

} // namespace gloss::operations
