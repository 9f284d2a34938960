#include "operations/codebook.h"

#include "model/tag.h"
#include "operations/project.h"
#include "operations/writer.h"

#include <QRegularExpression>
#include <QStringList>

namespace gloss::operations {

namespace {

// Deleting or merging a tag changes the tags of highlights and articles too.
constexpr Areas TagUses = Areas(Area::Codebook) | Area::Highlights;

// What a name must be before it is compared with others: one that would read as two tags in an
// export is refused.
void checkWords(const QString &name)
{
    if (const QString problem = model::tagNameProblem(name); !problem.isEmpty())
        throw OperationError::invalid(problem);
}

void checkColor(const QString &color)
{
    static const QRegularExpression rgb(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!rgb.match(color).hasMatch())
        throw OperationError::invalid(
            QStringLiteral("a tag colour is written #rrggbb (six hexadecimal digits), not \"%1\"").arg(color));
}

} // namespace

struct Codebook::Removed
{
    storage::TagRepository::Snapshot snapshot;
};

struct Codebook::Merged
{
    storage::TagRepository::MergeRecord record;
    qint64 from = 0;
};

QList<model::Tag> Codebook::tags()
{
    return m_writer.read([&] { return m_writer.store().tags().all(); });
}

QList<model::Tag> Codebook::tagsWithoutCounts()
{
    return m_writer.read([&] { return m_writer.store().tags().allWithoutCounts(); });
}

std::optional<model::Tag> Codebook::tag(qint64 id)
{
    return m_writer.read([&] { return m_writer.store().tags().get(id); });
}

QHash<qint64, QString> Codebook::colors()
{
    return m_writer.read([&] { return m_writer.store().tags().colors(); });
}

QList<qint64> Codebook::paletteOrder()
{
    return m_writer.read([&] { return m_writer.store().tags().paletteOrder(); });
}

QString Codebook::path(qint64 id)
{
    return m_writer.read([&] { return m_writer.store().tags().path(id); });
}

std::optional<qint64> Codebook::find(const QString &pathOrName)
{
    return m_writer.read([&] { return m_writer.store().tags().find(pathOrName); });
}

model::Tag Codebook::existing(qint64 id)
{
    auto found = m_writer.store().tags().get(id);
    if (!found)
        throw OperationError::notFound(QStringLiteral("there is no tag %1 in the codebook").arg(id));
    return *found;
}

// A sibling with the same name would make the two indistinguishable in paths and exports.
void Codebook::checkName(const QString &name, qint64 parentId, qint64 self)
{
    checkWords(name);
    for (const model::Tag &t : m_writer.store().tags().allWithoutCounts()) {
        if (t.parentId == parentId && t.name == name && t.id != self) {
            const QString where = parentId ? QStringLiteral("under \"%1\"").arg(m_writer.store().tags().path(parentId))
                                           : QStringLiteral("at the top of the codebook");
            throw OperationError::conflict(QStringLiteral("a tag named \"%1\" already exists %2").arg(name, where));
        }
    }
}

Undo Codebook::create(
    const QString &name, qint64 parentId, const QString &color, const QString &description, qint64 *id)
{
    const QString trimmed = name.trimmed();
    checkWords(trimmed);
    if (!color.isEmpty())
        checkColor(color);
    return m_writer.write(Area::Codebook, 0, [&] {
        if (parentId != 0)
            existing(parentId);
        checkName(trimmed, parentId, 0);
        const qint64 newId = m_writer.store().tags().create(trimmed, parentId, color, description);
        if (id)
            *id = newId;
        return Undo(Area::Codebook, 0, [newId](Project &p) { return p.codebook().remove(newId); });
    });
}

Undo Codebook::rename(qint64 id, const QString &name)
{
    const QString trimmed = name.trimmed();
    checkWords(trimmed);
    return m_writer.write(Area::Codebook, 0, [&] {
        const model::Tag before = existing(id);
        checkName(trimmed, before.parentId, id);
        m_writer.store().tags().rename(id, trimmed);
        return Undo(Area::Codebook, 0, [id, old = before.name](Project &p) { return p.codebook().rename(id, old); });
    });
}

Undo Codebook::recolor(qint64 id, const QString &color)
{
    checkColor(color);
    return m_writer.write(Area::Codebook, 0, [&] {
        const model::Tag before = existing(id);
        m_writer.store().tags().setColor(id, color);
        return Undo(Area::Codebook, 0, [id, old = before.color](Project &p) { return p.codebook().recolor(id, old); });
    });
}

Undo Codebook::describe(qint64 id, const QString &description)
{
    return m_writer.write(Area::Codebook, 0, [&] {
        const model::Tag before = existing(id);
        m_writer.store().tags().setDescription(id, description);
        return Undo(
            Area::Codebook, 0, [id, old = before.description](Project &p) { return p.codebook().describe(id, old); });
    });
}

Undo Codebook::move(qint64 id, qint64 parentId)
{
    return m_writer.write(Area::Codebook, 0, [&] {
        const model::Tag before = existing(id);
        auto &tags = m_writer.store().tags();
        for (qint64 p = parentId; p != 0; p = existing(p).parentId)
            if (p == id)
                throw OperationError::conflict(
                    QStringLiteral("\"%1\" cannot be moved under itself or one of its own subtags (\"%2\")")
                        .arg(tags.path(id), tags.path(parentId)));
        checkName(before.name, parentId, id);
        tags.move(id, parentId);
        return Undo(Area::Codebook, 0, [id, old = before.parentId](Project &p) { return p.codebook().move(id, old); });
    });
}

Undo Codebook::merge(qint64 from, qint64 into)
{
    if (from == into)
        throw OperationError::invalid(QStringLiteral("a tag cannot be merged into itself"));
    return m_writer.write(TagUses, 0, [&] {
        existing(from);
        existing(into);
        auto &tags = m_writer.store().tags();
        for (qint64 p = into; p != 0; p = existing(p).parentId)
            if (p == from)
                throw OperationError::conflict(QStringLiteral("\"%1\" cannot be merged into its own subtag \"%2\"")
                                                   .arg(tags.path(from), tags.path(into)));
        // The children of `from` move under `into`: none may meet a sibling of the same name there.
        const QList<model::Tag> all = tags.allWithoutCounts();
        for (const model::Tag &child : all) {
            if (child.parentId != from)
                continue;
            for (const model::Tag &other : all)
                if (other.parentId == into && other.name == child.name)
                    throw OperationError::conflict(
                        QStringLiteral("\"%1\" cannot be merged into \"%2\": both have a subtag named \"%3\"; "
                                       "merge or rename those first")
                            .arg(tags.path(from), tags.path(into), child.name));
        }
        auto merged = std::make_shared<Merged>();
        merged->from = from;
        merged->record = tags.mergeWithRecord(from, into);
        return Undo(TagUses, 0,
            [merged = std::shared_ptr<const Merged>(merged)](Project &p) { return p.codebook().unmerge(merged); });
    });
}

Undo Codebook::unmerge(const std::shared_ptr<const Merged> &merged)
{
    return m_writer.write(TagUses, 0, [&] {
        m_writer.store().tags().unmerge(merged->record);
        return Undo(TagUses, 0,
            [from = merged->from, into = merged->record.into](Project &p) { return p.codebook().merge(from, into); });
    });
}

Undo Codebook::remove(qint64 id)
{
    return m_writer.write(TagUses, 0, [&] {
        existing(id);
        auto removed = std::make_shared<Removed>();
        removed->snapshot = m_writer.store().tags().removeWithSnapshot(id);
        return Undo(TagUses, 0,
            [removed = std::shared_ptr<const Removed>(removed)](Project &p) { return p.codebook().restore(removed); });
    });
}

Undo Codebook::restore(const std::shared_ptr<const Removed> &removed)
{
    return m_writer.write(TagUses, 0, [&] {
        m_writer.store().tags().restore(removed->snapshot);
        const qint64 id = removed->snapshot.tags.isEmpty() ? 0 : removed->snapshot.tags.first().id;
        return Undo(TagUses, 0, [id](Project &p) { return p.codebook().remove(id); });
    });
}

Undo Codebook::ensure(const QString &path, qint64 *id)
{
    QStringList names;
    for (const QString &raw : path.split(model::TagPathSeparator)) {
        const QString name = raw.trimmed();
        if (name.isEmpty())
            continue;
        checkWords(name);
        names.append(name);
    }
    if (names.isEmpty())
        throw OperationError::invalid(QStringLiteral("a tag needs a name (the path \"%1\" has none)").arg(path));
    return m_writer.write(Area::Codebook, 0, [&] {
        auto &tags = m_writer.store().tags();
        const QList<model::Tag> all = tags.allWithoutCounts();
        qint64 parent = 0;
        qint64 firstCreated = 0;
        for (const QString &name : std::as_const(names)) {
            qint64 found = 0;
            if (firstCreated == 0)
                for (const model::Tag &t : all)
                    if (t.parentId == parent && t.name == name)
                        found = t.id;
            if (found == 0) {
                found = tags.create(name, parent);
                if (firstCreated == 0)
                    firstCreated = found;
            }
            parent = found;
        }
        if (id)
            *id = parent;
        if (firstCreated == 0)
            return Undo();
        return Undo(Area::Codebook, 0, [firstCreated](Project &p) { return p.codebook().remove(firstCreated); });
    });
}

} // namespace gloss::operations
