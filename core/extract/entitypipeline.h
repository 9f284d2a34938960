#pragma once

#include "extract/entityextractor.h"

#include <QtGlobal>

namespace gloss {
class Project;
namespace model {
struct Article;
}
} // namespace gloss

namespace gloss::extract {

// Extraction for many articles in a row (an import): reads the researcher's taught names once.
// Create it inside the import's transaction, after any decision the import should honour.
class EntityPipeline final
{
public:
    explicit EntityPipeline(Project &project);
    void extract(const model::Article &article);
    // What extraction finds in a body (long bodies are read in pieces).
    QList<model::FoundEntity> find(const QString &body) const;

private:
    Project &m_project;
    EntityExtractor m_extractor;
};

// What `extractor` finds in a body; long bodies are read in pieces, so memory stays proportional
// to a piece. Needs no project: the importer runs it on its reading thread.
QList<model::FoundEntity> findEntities(const EntityExtractor &extractor, const QString &body);

// Stores what was found in an article's body, replacing what an earlier extraction stored: reads
// the researcher's decisions, resolves the found entities against them (resolveEntities) and
// writes the result, in one transaction (the caller's if there is one).
void storeEntities(Project &project, qint64 articleId, const QString &body, const QList<model::FoundEntity> &found);

// Finds the entities of an article and stores them, replacing what an earlier extraction found and
// honouring the researcher's decisions (names taught, rejected, merged). Runs in the caller's
// transaction if there is one, so an importer calls it once per article inside its own.
void extractEntities(Project &project, const model::Article &article);

// "Re-extract entities": one article, or every article of the project (returns how many).
void reextractEntities(Project &project, qint64 articleId);
int reextractAllEntities(Project &project);

} // namespace gloss::extract
