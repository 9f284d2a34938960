#include "interchange/annotationapply.h"

#include "model/tag.h"
#include "operations/project.h"
#include "storage/store.h"
#include "storage/annotationrepository.h"
#include "storage/error.h"
#include "storage/exportrepository.h"
#include "storage/transaction.h"

#include <QHash>

#include <algorithm>

namespace gloss::interchange {

namespace {

// True when one of the highlights already there has exactly these tags, note and coder.
bool alreadyThere(const QList<model::Highlight> &existing, QList<qint64> tagIds, const HighlightRecord &r)
{
    std::sort(tagIds.begin(), tagIds.end());
    for (const model::Highlight &h : existing) {
        QList<qint64> have = h.tagIds;
        std::sort(have.begin(), have.end());
        if (have == tagIds && h.note == r.note && h.coder == r.coder)
            return true;
    }
    return false;
}

} // namespace

AppliedAnnotations applyAnnotations(Project &project, const QList<PlacedHighlight> &placed)
{
    AppliedAnnotations applied;
    storage::Database &db = project.store().db();
    storage::Transaction tx(db);
    // Existing tags by full path, so that a tag is found even where its name alone is ambiguous.
    const QList<model::Tag> codebook = storage::ExportRepository(db).codebook();
    QHash<QString, qint64> tagByPath;
    const QHash<qint64, QString> paths = model::tagPaths(codebook);
    for (auto it = paths.cbegin(); it != paths.cend(); ++it)
        tagByPath.insert(it.value(), it.key());

    for (const PlacedHighlight &p : placed) {
        const HighlightRecord &r = p.record;
        try {
            storage::Transaction step(db); // a savepoint: a failure undoes this highlight only
            QList<qint64> tagIds;
            for (const QString &path : r.tagPaths) {
                qint64 id = tagByPath.value(path);
                if (id == 0) {
                    id = project.store().tags().ensure(path);
                    tagByPath.insert(path, id);
                }
                if (!tagIds.contains(id))
                    tagIds.append(id);
            }
            if (alreadyThere(p.existing, tagIds, r)) {
                ++applied.duplicates;
                step.commit();
                continue;
            }
            model::Highlight h;
            h.articleId = p.articleId;
            h.start = r.start;
            h.end = r.end;
            h.tagIds = tagIds;
            h.note = r.note;
            h.coder = r.coder;
            h.created = r.created;
            h.modified = r.modified;
            project.store().highlights().add(h);
            if (r.created.isValid() || r.modified.isValid())
                storage::AnnotationRepository(db).setTimes(h.id, r.created.isValid() ? r.created : h.created,
                    r.modified.isValid() ? r.modified : (r.created.isValid() ? r.created : h.created));
            ++applied.highlightsCreated;
            step.commit();
        } catch (const storage::StorageError &e) {
            for (const int row : r.rows)
                applied.refused.append({row, e.message()});
        }
    }
    applied.tagsCreated = int(storage::ExportRepository(db).codebook().size() - codebook.size());
    tx.commit();
    return applied;
}

} // namespace gloss::interchange
