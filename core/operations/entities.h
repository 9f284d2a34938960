#pragma once

#include "model/entity.h"
#include "model/foundentity.h"
#include "operations/change.h"
#include "operations/reextraction.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace gloss::model {
struct Article;
}

namespace gloss::operations {

class Writer;

// Entities and every decision a researcher makes about them (each one write returning its Undo,
// which puts back the entities, names and mentions it touched exactly, and whose own revert does
// the decision again); storing what extraction found, and re-extraction.
class Entities final
{
public:
    explicit Entities(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Entities)

    std::optional<model::Entity> get(qint64 id);
    // Entities mentioned in an article, with their mention count and spans (code points).
    QList<model::Entity> forArticle(qint64 articleId);
    // Every entity with its mention and article counts; `nameFilter` keeps those whose name or an
    // alias contains it (case-insensitive).
    QList<model::Entity> list(const QString &nameFilter = {});
    QList<model::Mention> mentions(qint64 entityId, qint64 articleId = 0);
    QList<model::Mention> articleMentions(qint64 articleId);
    QStringList rejectedNames();
    // The same, with who rejected each ("" for no one named).
    QList<model::RejectedName> rejections();
    // Names the researcher taught (manual aliases, names of confirmed entities), for the extractor.
    QHash<QString, std::pair<QString, model::EntityType>> taughtNames();

    Undo confirm(qint64 id, bool confirmed = true);
    // "Not an entity": its mentions go, and its names are never suggested again.
    Undo reject(qint64 id);
    Undo rename(qint64 id, const QString &name);
    Undo retype(qint64 id, model::EntityType type);
    // Every entity of `gone` becomes part of `kept`: names, mentions and future mentions.
    Undo merge(qint64 kept, const QList<qint64> &gone);
    // One of the entity's other names becomes an entity of its own with the mentions written that
    // way; *created gets its id.
    Undo splitAlias(qint64 id, const QString &alias, qint64 *created = nullptr);
    // Mentions written `alias` anywhere in the project now belong to this entity.
    Undo addAlias(qint64 id, const QString &alias);
    // A span (code points) of an article's body is a mention of an entity of `type` named by its
    // text (an existing entity of that name and type, else a new one); *entityId gets the entity.
    Undo markSpan(qint64 articleId, qint64 start, qint64 end, model::EntityType type, qint64 *entityId = nullptr);

    // Stores what extraction found in a stored article's body, replacing an earlier extraction and
    // honouring the researcher's decisions (names taught, rejected, merged, spans marked). One
    // write; inside another (an import's article), part of it.
    void storeFound(qint64 articleId, const QString &body, const QList<model::FoundEntity> &found);
    // Finds the article's entities (with the names taught so far) and stores them.
    void extract(const model::Article &article);
    // "Re-extract entities" of one article (false when there is no such article).
    bool reextract(qint64 articleId);
    // Of every article, in batches each committed whole: see Reextraction.
    ReextractionResult reextractAll(const Reextraction &how = {});

private:
    struct Snapshot;
    Undo undoing(std::shared_ptr<const Snapshot> before, qint64 articleId);
    Undo restore(const std::shared_ptr<const Snapshot> &before, qint64 articleId);
    model::Entity existing(qint64 id);

    Writer &m_writer;
};

} // namespace gloss::operations
