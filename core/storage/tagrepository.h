#pragma once

#include "model/tag.h"

#include <QHash>
#include <QList>

#include <optional>
#include <tuple>

namespace gloss::storage {

class Database;

// The codebook: a tree of tags. Every operation is whole (its own transaction or the caller's).
class TagRepository final
{
public:
    explicit TagRepository(Database &db)
        : m_db(db)
    { }

    // Creates a tag; throws StorageError when a sibling has the same name, or when the name holds
    // " > " (the path separator) or "; " (the tag list separator of exports). Same rule for rename.
    qint64 create(const QString &name, qint64 parentId = 0, const QString &color = {}, const QString &description = {});
    // Re-creates a tag with a known id (undo of a delete).
    void restore(const model::Tag &tag);
    std::optional<model::Tag> get(qint64 id);
    // All tags in tree order (parents before children, siblings by position then name), with counts.
    QList<model::Tag> all();
    // The same tags in the same order without their highlight and article counts (left 0), which
    // cost a pass over every highlight of each tag: for lists of names, such as a filter's choices.
    QList<model::Tag> allWithoutCounts();
    // Every tag's colour, for painting (no counts).
    QHash<qint64, QString> colors();
    void rename(qint64 id, const QString &name);
    void setColor(qint64 id, const QString &color);
    void setDescription(qint64 id, const QString &description);
    void move(qint64 id, qint64 newParentId);
    // Moves every use of `from` to `into` and deletes `from` (its children move under `into`).
    void merge(qint64 from, qint64 into);
    void remove(qint64 id);

    // Everything needed to bring back a deleted tag subtree, or to undo a merge.
    struct Snapshot
    {
        QList<model::Tag> tags; // parents before children
        QList<std::tuple<qint64, qint64, int>> highlightLinks; // highlight, tag, position
        QList<std::pair<qint64, qint64>> articleLinks; // article, tag
    };
    struct MergeRecord
    {
        Snapshot from; // the merged-away tag alone, with its links
        QList<qint64> movedChildren;
        QList<qint64> addedHighlights; // highlights that got `into` through the merge
        QList<qint64> addedArticles;
        qint64 into = 0;
    };
    // Deletes the tag with its subtree and returns what restore() needs to bring it back.
    Snapshot removeWithSnapshot(qint64 id);
    void restore(const Snapshot &snapshot);
    MergeRecord mergeWithRecord(qint64 from, qint64 into);
    void unmerge(const MergeRecord &record);
    // Tags in the palette order (tree order), for number keys 1–9.
    QList<qint64> paletteOrder();

    // "Parent > Child" for the tag, as exported.
    QString path(qint64 id);
    // Finds a tag by its path ("A > B") or, failing that, by a unique name.
    std::optional<qint64> find(const QString &pathOrName);
    // Finds the tag by path, creating the missing parts.
    qint64 ensure(const QString &path);

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

private:
    QList<model::Tag> allImpl(bool counts);

    Database &m_db;
};

} // namespace gloss::storage
