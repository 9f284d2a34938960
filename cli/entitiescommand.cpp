#include "cli/context.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/library.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gloss::cli {

// gloss entities [--article ID | --rejected] [--format table|csv|json]: the project's entities (with
// who decided about each), one article's with the spans of their mentions (code points into the
// body), or the names rejected as not entities and who rejected them.
int entitiesCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--article"), QStringLiteral("--format")}, {QStringLiteral("--rejected")}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("entities takes no arguments; see gloss --help"));
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;
    const bool rejected = a.has(QStringLiteral("--rejected"));
    if (rejected && a.has(QStringLiteral("--article")))
        return c.usage(QStringLiteral("--rejected lists the whole project's rejected names; it takes no --article"));
    qint64 articleId = 0;
    if (a.has(QStringLiteral("--article"))) {
        bool ok = false;
        articleId = a.value(QStringLiteral("--article")).toLongLong(&ok);
        if (!ok || articleId <= 0)
            return c.usage(QStringLiteral("\"%1\" is not an article id").arg(a.value(QStringLiteral("--article"))));
    }
    if (!c.openProjectToRead())
        return InputFailed;
    if (rejected) {
        QList<model::RejectedName> names;
        try {
            names = c.project->entities().rejections();
        } catch (const operations::OperationError &e) {
            return c.fail(QStringLiteral("%1: %2").arg(c.projectName, e.message()));
        }
        if (format == u"json") {
            QJsonArray list;
            for (const model::RejectedName &r : names)
                list.append(QJsonObject{{QStringLiteral("name"), r.name}, {QStringLiteral("rejected_by"), r.coder}});
            return c.writeJson(list);
        }
        QList<QStringList> rows;
        for (const model::RejectedName &r : names)
            rows.append({r.name, r.coder});
        return c.writeRows(format, {QStringLiteral("name"), QStringLiteral("rejected_by")}, rows);
    }
    QList<model::Entity> entities;
    try {
        if (articleId && !c.project->library().article(articleId))
            return c.fail(QStringLiteral("%1: there is no article %2").arg(c.projectName).arg(articleId));
        entities = articleId ? c.project->entities().forArticle(articleId) : c.project->entities().list();
    } catch (const operations::OperationError &e) {
        return c.fail(QStringLiteral("%1: %2").arg(c.projectName, e.message()));
    }
    if (format == u"json") {
        QJsonArray list;
        for (const model::Entity &e : entities) {
            QJsonObject obj{
                {QStringLiteral("id"), e.id},
                {QStringLiteral("name"), e.name},
                {QStringLiteral("type"), model::entityTypeName(e.type)},
                {QStringLiteral("aliases"), QJsonArray::fromStringList(e.aliases)},
                {QStringLiteral("mentions"), e.mentions},
                {QStringLiteral("articles"), e.articles},
                {QStringLiteral("confirmed"), e.confirmed},
                {QStringLiteral("decided_by"), e.decidedBy},
            };
            if (articleId) {
                QJsonArray spans;
                for (const auto &[start, end] : e.spans)
                    spans.append(QJsonArray{start, end});
                obj.insert(QStringLiteral("spans"), spans);
            }
            list.append(obj);
        }
        return c.writeJson(list);
    }
    QStringList headers
        = {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("mentions"),
            QStringLiteral("articles"), QStringLiteral("aliases"), QStringLiteral("decided_by")};
    if (articleId)
        headers << QStringLiteral("spans");
    QList<QStringList> rows;
    for (const model::Entity &e : entities) {
        QStringList row = {QString::number(e.id), model::entityTypeName(e.type), e.name, QString::number(e.mentions),
            QString::number(e.articles), e.aliases.join(QStringLiteral("; ")), e.decidedBy};
        if (articleId) {
            QStringList spans;
            for (const auto &[start, end] : e.spans)
                spans << QStringLiteral("%1-%2").arg(start).arg(end);
            row << spans.join(u' ');
        }
        rows.append(row);
    }
    return c.writeRows(format, headers, rows);
}

} // namespace gloss::cli
