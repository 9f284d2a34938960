#include "storage/tagrepository.h"

#include <QHash>
#include <QSet>

// What every engine's codebook shares: the palette and the tree order, which depend on the tags
// alone.
namespace gloss::storage {

QString TagRepository::paletteColor(int index)
{
    static const char *const colors[] = {
        "#f5c542", "#7fc97f", "#80b1d3", "#fb8072", "#bc80bd", "#fdb462", "#8dd3c7", "#e78ac3", "#b3de69", "#a6a6a6"};
    constexpr int n = sizeof(colors) / sizeof(colors[0]);
    return QString::fromLatin1(colors[((index % n) + n) % n]);
}

QList<QList<qint64>> TagRepository::parentCycles(const QList<model::Tag> &flat)
{
    QHash<qint64, qint64> parentOf; // the first row of each id
    for (const model::Tag &t : flat)
        if (t.id != 0 && !parentOf.contains(t.id))
            parentOf.insert(t.id, t.parentId);
    // Each tag is walked up from once: 1 while on the current walk, 2 when done.
    QHash<qint64, int> state;
    QList<QList<qint64>> cycles;
    for (const model::Tag &t : flat) {
        if (t.id == 0 || state.value(t.id) != 0)
            continue;
        QList<qint64> walk;
        qint64 current = t.id;
        while (current != 0 && parentOf.contains(current) && state.value(current) == 0) {
            state.insert(current, 1);
            walk.append(current);
            current = parentOf.value(current);
        }
        if (current != 0 && state.value(current) == 1) // back to a tag of this walk
            cycles.append(walk.mid(walk.indexOf(current)));
        for (const qint64 id : std::as_const(walk))
            state.insert(id, 2);
    }
    return cycles;
}

QList<model::Tag> TagRepository::treeOrder(const QList<model::Tag> &flat)
{
    QHash<qint64, qsizetype> first; // id -> its first row
    for (qsizetype i = 0; i < flat.size(); ++i)
        if (flat.at(i).id != 0 && !first.contains(flat.at(i).id))
            first.insert(flat.at(i).id, i);
    QSet<qint64> inCycle;
    for (const QList<qint64> &cycle : parentCycles(flat))
        for (const qint64 id : cycle)
            inCycle.insert(id);
    const auto parentOf = [&](const model::Tag &t) {
        return inCycle.contains(t.id) || !first.contains(t.parentId) ? qint64(0) : t.parentId;
    };
    QHash<qint64, QList<qsizetype>> children;
    for (qsizetype i = 0; i < flat.size(); ++i)
        if (first.value(flat.at(i).id, -1) == i)
            children[parentOf(flat.at(i))].append(i);
    // Depth first without recursion: a chain of tags may be deep.
    QList<model::Tag> ordered;
    ordered.reserve(first.size());
    QList<std::pair<qint64, qsizetype>> stack = {{0, 0}}; // parent, next child
    while (!stack.isEmpty()) {
        const auto [parent, next] = stack.last();
        const QList<qsizetype> kids = children.value(parent); // shared, not copied
        if (next >= kids.size()) {
            stack.removeLast();
            continue;
        }
        ++stack.last().second;
        model::Tag t = flat.at(kids.at(next));
        t.parentId = parentOf(t);
        ordered.append(t);
        stack.append({t.id, 0});
    }
    return ordered;
}

} // namespace gloss::storage
