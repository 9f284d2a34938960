#pragma once

#include "model/tag.h"
#include "operations/change.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace gloss::operations {

class Writer;

// The codebook: tags created, renamed, recoloured, described, moved, merged and deleted. Each
// write is one transaction and returns its Undo; a deleted or merged-away tag brought back keeps
// its id, place, colour and every use it had.
class Codebook final
{
public:
    explicit Codebook(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Codebook)

    // All tags in tree order (parents before children), with their highlight and article counts.
    QList<model::Tag> tags();
    // The same without the counts (left 0), which cost a pass over every highlight: for lists of
    // names such as a filter's choices.
    QList<model::Tag> tagsWithoutCounts();
    std::optional<model::Tag> tag(qint64 id);
    // Every tag's colour, for painting.
    QHash<qint64, QString> colors();
    // Tags in the order number keys 1–9 apply them.
    QList<qint64> paletteOrder();
    // "Parent > Child", as exported and typed on the command line (empty for no such tag).
    QString path(qint64 id);
    // A tag by its path ("A > B") or, failing that, by a name only one tag has.
    std::optional<qint64> find(const QString &pathOrName);

    // A new tag under `parentId` (0: top level); an empty colour takes the next of the palette.
    // *id gets its id.
    Undo create(const QString &name, qint64 parentId = 0, const QString &color = {}, const QString &description = {},
        qint64 *id = nullptr);
    Undo rename(qint64 id, const QString &name);
    // `color` is "#rrggbb".
    Undo recolor(qint64 id, const QString &color);
    Undo describe(qint64 id, const QString &description);
    // Moves the tag (with its subtree) under `parentId` (0: top level).
    Undo move(qint64 id, qint64 parentId);
    // Every use of `from` becomes a use of `into`, `from`'s children move under `into`, and `from`
    // is deleted; the undo separates them again exactly.
    Undo merge(qint64 from, qint64 into);
    // Deletes the tag, its subtree and their uses.
    Undo remove(qint64 id);
    // The tag at `path` ("A > B > C"), creating the levels that are missing; *id gets it. The undo
    // removes only what this created (nothing when the whole path existed).
    Undo ensure(const QString &path, qint64 *id = nullptr);

private:
    struct Removed; // what a delete took away
    struct Merged; // what a merge changed
    Undo restore(const std::shared_ptr<const Removed> &removed);
    Undo unmerge(const std::shared_ptr<const Merged> &merged);
    model::Tag existing(qint64 id);
    void checkName(const QString &name, qint64 parentId, qint64 self);

    Writer &m_writer;
};

} // namespace gloss::operations
