#pragma once

#include <QFlags>
#include <QtGlobal>

#include <functional>
#include <memory>

namespace gloss {
class Project;
}

namespace gloss::operations {

// What a write changed, so that every view of the project can follow it.
enum class Area {
    Articles = 1 << 0, // articles added or removed
    Highlights = 1 << 1, // highlights, their tags or notes, article tags
    Codebook = 1 << 2, // tags created, renamed, recoloured, moved, merged, deleted
    Sets = 1 << 3,
    Entities = 1 << 4,
    Times = 1 << 5,
    Notes = 1 << 6,
    Variables = 1 << 7, // article variables set, changed or removed
};
Q_DECLARE_FLAGS(Areas, Area)
Q_DECLARE_OPERATORS_FOR_FLAGS(Areas)
inline constexpr Areas AllAreas = Areas(Area::Articles) | Area::Highlights | Area::Codebook | Area::Sets
    | Area::Entities | Area::Times | Area::Notes | Area::Variables;

// What undoing a write needs. Every write of the operations layer returns one; Project::revert
// puts the project back as it was before that write, in one transaction, and returns the Undo of
// the revert itself (which is how redo works). Copyable and cheap; opaque to its holders.
class Undo final
{
public:
    using Revert = std::function<Undo(Project &)>;

    Undo() = default;
    Undo(Areas areas, qint64 articleId, Revert revert)
        : m_revert(std::make_shared<Revert>(std::move(revert)))
        , m_areas(areas)
        , m_articleId(articleId)
    { }

    bool isNull() const { return !m_revert; }
    Areas areas() const { return m_areas; }
    // The article the write was about, 0 when it touched several or none.
    qint64 articleId() const { return m_articleId; }

private:
    friend class gloss::Project;
    std::shared_ptr<const Revert> m_revert;
    Areas m_areas;
    qint64 m_articleId = 0;
};

// Called after every write that committed, with what it changed.
using ChangeListener = std::function<void(Areas areas, qint64 articleId)>;

} // namespace gloss::operations
