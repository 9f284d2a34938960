#pragma once

#include "model/tag.h"

#include <QHash>
#include <QList>

#include <optional>
#include <tuple>

namespace gloss::storage {

// The codebook: a tree of tags. Every operation is whole (its own transaction or the caller's).
class TagRepository
{
public:
    virtual ~TagRepository() = default;

    // Creates a tag; throws StorageError when a sibling has the same name, or when the name holds
    // " > " (the path separator) or "; " (the tag list separator of exports). Same rule for rename.
    virtual qint64 create(
        const QString &name, qint64 parentId = 0, const QString &color = {}, const QString &description = {})
        = 0;
    // Re-creates a tag with a known id (undo of a delete).
    virtual void restore(const model::Tag &tag) = 0;
    virtual std::optional<model::Tag> get(qint64 id) = 0;
    // All tags in tree order (parents before children, siblings by position then name), with counts.
    virtual QList<model::Tag> all() = 0;
    // The same tags in the same order without their highlight and article counts (left 0), which
    // cost a pass over every highlight of each tag: for lists of names, such as a filter's choices.
    virtual QList<model::Tag> allWithoutCounts() = 0;
    // Every tag's colour, for painting (no counts).
    virtual QHash<qint64, QString> colors() = 0;
    virtual void rename(qint64 id, const QString &name) = 0;
    virtual void setColor(qint64 id, const QString &color) = 0;
    virtual void setDescription(qint64 id, const QString &description) = 0;
    virtual void move(qint64 id, qint64 newParentId) = 0;
    // Moves every use of `from` to `into` and deletes `from` (its children move under `into`).
    virtual void merge(qint64 from, qint64 into) = 0;
    virtual void remove(qint64 id) = 0;

    // Everything needed to bring back a deleted tag subtree, or to undo a merge.
    struct Snapshot
    {
        QList<model::Tag> tags; // parents before children
        QList<std::tuple<qint64, qint64, int>> highlightLinks; // highlight, tag, position
        QList<std::tuple<qint64, qint64, QString>> articleLinks; // article, tag, coder
    };
    struct MergeRecord
    {
        Snapshot from; // the merged-away tag alone, with its links
        QList<qint64> movedChildren;
        QList<qint64> addedHighlights; // highlights that got `into` through the merge
        QList<std::pair<qint64, QString>> addedArticles; // article, coder
        qint64 into = 0;
    };
    // Deletes the tag with its subtree and returns what restore() needs to bring it back.
    virtual Snapshot removeWithSnapshot(qint64 id) = 0;
    virtual void restore(const Snapshot &snapshot) = 0;
    virtual MergeRecord mergeWithRecord(qint64 from, qint64 into) = 0;
    virtual void unmerge(const MergeRecord &record) = 0;
    // Tags in the palette order (tree order), for number keys 1–9.
    virtual QList<qint64> paletteOrder() = 0;

    // "Parent > Child" for the tag, as exported.
    virtual QString path(qint64 id) = 0;
    // Finds a tag by its path ("A > B") or, failing that, by a unique name.
    virtual std::optional<qint64> find(const QString &pathOrName) = 0;
    // Finds the tag by path, creating the missing parts.
    virtual qint64 ensure(const QString &path) = 0;

    // The colour a new tag gets: a fixed palette, readable on light and dark backgrounds.
    static QString paletteColor(int index);

    // The tags of `flat` in tree order: parents before children, siblings in the order of `flat`.
    // A tag whose parent is missing or whose parents lead back to it (a file changed outside
    // Gloss) is put at the top level, its parentId 0, and a second row with an id already seen is
    // left out: every tag is listed once, and every walk up the tree ends. path() agrees.
    static QList<model::Tag> treeOrder(const QList<model::Tag> &flat);
    // The cycles among the parents of `flat` (Gloss makes none), each as the ids of its tags, each
    // one's parent after it, starting from the first of them in `flat`.
    static QList<QList<qint64>> parentCycles(const QList<model::Tag> &flat);
};

} // namespace gloss::storage
