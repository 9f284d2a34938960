#include "operations/sets.h"

#include "operations/project.h"
#include "operations/writer.h"

namespace gloss::operations {

QList<model::ArticleSet> Sets::all()
{
    return m_writer.read([&] { return m_writer.store().sets().all(); });
}

std::optional<model::ArticleSet> Sets::set(qint64 id)
{
    return m_writer.read([&]() -> std::optional<model::ArticleSet> {
        for (const model::ArticleSet &s : m_writer.store().sets().all())
            if (s.id == id)
                return s;
        return std::nullopt;
    });
}

std::optional<qint64> Sets::find(const QString &name)
{
    return m_writer.read([&] { return m_writer.store().sets().find(name); });
}

QList<qint64> Sets::articles(qint64 setId)
{
    return m_writer.read([&] { return m_writer.store().sets().articles(setId); });
}

model::ArticleSet Sets::existing(qint64 id)
{
    for (const model::ArticleSet &s : m_writer.store().sets().all())
        if (s.id == id)
            return s;
    throw OperationError::notFound(QStringLiteral("there is no article set %1").arg(id));
}

void Sets::checkName(const QString &name, qint64 self)
{
    if (name.isEmpty())
        throw OperationError::invalid(QStringLiteral("an article set needs a name"));
    const auto taken = m_writer.store().sets().find(name);
    if (taken && *taken != self)
        throw OperationError::conflict(QStringLiteral("an article set named \"%1\" already exists").arg(name));
}

Undo Sets::create(const QString &name, const QList<qint64> &articleIds, qint64 *id)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw OperationError::invalid(QStringLiteral("an article set needs a name"));
    return m_writer.write(Area::Sets, 0, [&] {
        checkName(trimmed, 0);
        auto &sets = m_writer.store().sets();
        const qint64 newId = sets.create(trimmed);
        sets.addArticles(newId, articleIds);
        if (id)
            *id = newId;
        return Undo(Area::Sets, 0, [newId](Project &p) { return p.sets().remove(newId); });
    });
}

Undo Sets::rename(qint64 id, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw OperationError::invalid(QStringLiteral("an article set needs a name"));
    return m_writer.write(Area::Sets, 0, [&] {
        const model::ArticleSet before = existing(id);
        checkName(trimmed, id);
        m_writer.store().sets().rename(id, trimmed);
        return Undo(Area::Sets, 0, [id, old = before.name](Project &p) { return p.sets().rename(id, old); });
    });
}

Undo Sets::remove(qint64 id)
{
    return m_writer.write(Area::Sets, 0, [&] {
        const model::ArticleSet before = existing(id);
        const QList<qint64> articleIds = m_writer.store().sets().articles(id);
        m_writer.store().sets().remove(id);
        return Undo(Area::Sets, 0, [before, articleIds](Project &p) { return p.sets().restore(before, articleIds); });
    });
}

Undo Sets::restore(const model::ArticleSet &set, const QList<qint64> &articleIds)
{
    return m_writer.write(Area::Sets, 0, [&] {
        m_writer.store().sets().restore(set);
        m_writer.store().sets().addArticles(set.id, articleIds);
        return Undo(Area::Sets, 0, [id = set.id](Project &p) { return p.sets().remove(id); });
    });
}

Undo Sets::addArticles(qint64 setId, const QList<qint64> &articleIds)
{
    return m_writer.write(Area::Sets, 0, [&] {
        existing(setId);
        const QList<qint64> current = m_writer.store().sets().articles(setId);
        QList<qint64> added;
        for (const qint64 a : articleIds)
            if (!current.contains(a) && !added.contains(a))
                added.append(a);
        m_writer.store().sets().addArticles(setId, added);
        return Undo(Area::Sets, 0, [setId, added](Project &p) { return p.sets().removeArticles(setId, added); });
    });
}

Undo Sets::removeArticles(qint64 setId, const QList<qint64> &articleIds)
{
    return m_writer.write(Area::Sets, 0, [&] {
        existing(setId);
        const QList<qint64> current = m_writer.store().sets().articles(setId);
        QList<qint64> removed;
        for (const qint64 a : articleIds)
            if (current.contains(a) && !removed.contains(a))
                removed.append(a);
        m_writer.store().sets().removeArticles(setId, removed);
        return Undo(Area::Sets, 0, [setId, removed](Project &p) { return p.sets().addArticles(setId, removed); });
    });
}

} // namespace gloss::operations
