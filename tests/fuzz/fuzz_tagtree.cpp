// Fuzz target: the codebook's tree read from any parent graph (cycles, tags under themselves,
// missing parents, repeated ids), as a file changed outside Gloss may hold. Every tag must come out
// once, each under a parent listed before it, the tags of each cycle at the top level.
#include "fuzzinput.h"
#include "storage/tagrepository.h"

#include <QHash>
#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Two bytes a row: the tag's id (0 to 23; 0 is no tag) and its parent's (24 and 25 are missing).
    QList<gloss::model::Tag> flat;
    for (size_t i = 0; i + 1 < size; i += 2) {
        gloss::model::Tag t;
        t.id = data[i] % 24;
        t.parentId = data[i + 1] % 26;
        t.name = QStringLiteral("t%1").arg(t.id);
        flat.append(t);
    }
    using gloss::storage::TagRepository;
    QHash<qint64, qint64> parentOf; // the first row of each id
    for (const gloss::model::Tag &t : std::as_const(flat))
        if (t.id != 0 && !parentOf.contains(t.id))
            parentOf.insert(t.id, t.parentId);
    QSet<qint64> inCycle;
    for (const QList<qint64> &cycle : TagRepository::parentCycles(flat)) {
        if (cycle.isEmpty())
            gloss::fuzz::fail("an empty cycle");
        for (qsizetype k = 0; k < cycle.size(); ++k) {
            if (parentOf.value(cycle.at(k)) != cycle.at((k + 1) % cycle.size()))
                gloss::fuzz::fail("a cycle whose tags are not each under the next");
            if (inCycle.contains(cycle.at(k)))
                gloss::fuzz::fail("a tag in two cycles");
            inCycle.insert(cycle.at(k));
        }
    }
    QSet<qint64> seen;
    for (const gloss::model::Tag &t : TagRepository::treeOrder(flat)) {
        if (t.id == 0 || seen.contains(t.id))
            gloss::fuzz::fail("a tag listed twice, or the id 0 listed", QString::number(t.id));
        if (t.parentId != 0 && !seen.contains(t.parentId))
            gloss::fuzz::fail("a tag listed before its parent", QString::number(t.id));
        const qint64 stored = parentOf.value(t.id);
        const qint64 expected = inCycle.contains(t.id) || !parentOf.contains(stored) ? 0 : stored;
        if (t.parentId != expected)
            gloss::fuzz::fail("a tag under another parent than its own", QString::number(t.id));
        seen.insert(t.id);
    }
    if (seen.size() != parentOf.size())
        gloss::fuzz::fail("a tag left out of the tree");
    return 0;
}
