#include "operations/library.h"

#include "operations/error.h"
#include "operations/project.h"
#include "operations/writer.h"

#include <QDateTime>

namespace gloss::operations {

namespace {

// The meta key, as the window wrote it before the operations layer: projects seeded then stay so.
QString seededKey()
{
    return QStringLiteral("seeded");
}

} // namespace

std::optional<model::Article> Library::article(qint64 id)
{
    return m_writer.read([&] { return m_writer.store().articles().get(id); });
}

qint64 Library::count(const model::ArticleFilter &filter)
{
    return m_writer.read([&] { return m_writer.store().articles().count(filter); });
}

QList<model::ArticleSummary> Library::list(
    const model::ArticleFilter &filter, model::ArticleOrder order, bool ascending, qint64 offset, qint64 limit)
{
    return m_writer.read([&] { return m_writer.store().articles().list(filter, order, ascending, offset, limit); });
}

QList<model::SearchHit> Library::search(const model::ArticleFilter &filter, qint64 limit)
{
    return m_writer.read([&] { return m_writer.store().articles().search(filter, limit); });
}

QList<qint64> Library::ids(const model::ArticleFilter &filter, model::ArticleOrder order)
{
    return m_writer.read([&] { return m_writer.store().articles().ids(filter, order); });
}

qint64 Library::neighbour(qint64 id, const model::ArticleFilter &filter, int step)
{
    return m_writer.read([&] { return m_writer.store().articles().neighbour(id, filter, step); });
}

model::Variables Library::variables(qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().articles().variables(articleId); });
}

QStringList Library::variableNames(const model::ArticleFilter &filter)
{
    return m_writer.read([&] { return m_writer.store().articles().variableNames(filter); });
}

QHash<qint64, QString> Library::variableValues(const QString &name, const QList<qint64> &ids)
{
    return m_writer.read([&] { return m_writer.store().articles().variableValues(name, ids); });
}

QList<QPair<QString, qint64>> Library::variableValueCounts(const QString &name)
{
    return m_writer.read([&] { return m_writer.store().articles().variableValueCounts(name); });
}

namespace {

void checkVariables(const model::Variables &variables)
{
    QStringList seen;
    for (const auto &[name, value] : variables) {
        if (const QString problem = model::variableNameProblem(name); !problem.isEmpty())
            throw OperationError::invalid(problem);
        if (seen.contains(name))
            throw OperationError::invalid(QStringLiteral("the variable \"%1\" is given twice").arg(name));
        seen.append(name);
        if (value.size() > model::MaxVariableValue)
            throw OperationError::invalid(QStringLiteral("the value of \"%1\" is longer than %2 characters")
                                              .arg(name)
                                              .arg(model::MaxVariableValue));
    }
}

} // namespace

Undo Library::setVariables(qint64 articleId, const model::Variables &variables)
{
    checkVariables(variables);
    return m_writer.write(Area::Variables, articleId, [&] {
        if (!m_writer.store().articles().exists(articleId))
            throw OperationError::notFound(QStringLiteral("there is no article %1").arg(articleId));
        const model::Variables old = m_writer.store().articles().variables(articleId);
        m_writer.store().articles().setVariables(articleId, variables);
        return Undo(Area::Variables, articleId,
            [articleId, old](Project &p) { return p.library().setVariables(articleId, old); });
    });
}

QStringList Library::doneCoders(qint64 articleId)
{
    return m_writer.read([&] { return m_writer.store().articles().doneCoders(articleId); });
}

bool Library::isDone(qint64 articleId)
{
    return doneCoders(articleId).contains(m_writer.coder());
}

QList<qint64> Library::articlesDoneBy(const QStringList &coders)
{
    return m_writer.read([&] { return m_writer.store().articles().doneByAll(coders); });
}

Undo Library::setDone(const QList<qint64> &articleIds, bool done, int *changed)
{
    return setDone(articleIds, m_writer.coder(), done, changed);
}

Undo Library::setDone(const QList<qint64> &articleIds, const QString &coder, bool done, int *changed)
{
    const qint64 single = articleIds.size() == 1 ? articleIds.first() : 0;
    return m_writer.write(Area::Highlights, single, [&] {
        QList<qint64> flipped;
        for (const qint64 id : articleIds) {
            if (!m_writer.store().articles().exists(id))
                throw OperationError::notFound(QStringLiteral("there is no article %1").arg(id));
            if (m_writer.store().articles().setDone(id, coder, done))
                flipped.append(id);
        }
        if (changed)
            *changed = int(flipped.size());
        return Undo(Area::Highlights, single,
            [flipped, coder, done](Project &p) { return p.library().setDone(flipped, coder, !done); });
    });
}

Undo Library::setVariable(qint64 articleId, const QString &name, const QString &value)
{
    model::Variables variables = this->variables(articleId);
    model::setVariable(variables, name, value);
    return setVariables(articleId, variables);
}

Undo Library::removeVariable(qint64 articleId, const QString &name)
{
    model::Variables variables = this->variables(articleId);
    const qsizetype before = variables.size();
    variables.removeIf([&](const auto &v) { return v.first == name; });
    if (variables.size() == before)
        throw OperationError::notFound(QStringLiteral("article %1 has no variable \"%2\"").arg(articleId).arg(name));
    return setVariables(articleId, variables);
}

bool Library::samplesAdded()
{
    return m_writer.read([&] { return m_writer.store().meta().value(seededKey()).has_value(); });
}

void Library::markSamplesAdded()
{
    m_writer.write(Areas(), 0,
        [&] { m_writer.store().meta().setValue(seededKey(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)); });
}

} // namespace gloss::operations
