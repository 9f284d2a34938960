#include "cli/context.h"
#include "operations/error.h"
#include "operations/library.h"
#include "operations/timeline.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gloss::cli {

namespace {

// One line of the timeline: an article's publication or retrieval date, or a date it mentions.
struct Entry
{
    qint64 article = 0;
    QString kind; // published | retrieved | mentioned
    QString text;
    qint64 start = -1; // code points; -1 for publication and retrieval entries
    qint64 end = -1;
    QString value;
    QString granularity;
    QDate anchor;
    QString anchorKind;
    bool overridden = false;
};

void appendArticle(Project &project, qint64 id, bool withRetrieved, QList<Entry> &out)
{
    const auto art = project.library().article(id);
    if (!art)
        return;
    if (art->published.isValid())
        out.append({id, QStringLiteral("published"), art->title, -1, -1, art->published.toString(Qt::ISODate),
            QStringLiteral("day"), {}, {}, false});
    if (art->retrieved.isValid() && (withRetrieved || !art->published.isValid()))
        out.append({id, QStringLiteral("retrieved"), art->title, -1, -1, art->retrieved.toString(Qt::ISODate),
            QStringLiteral("day"), {}, {}, false});
    for (const model::TimeRef &r : project.timeline().forArticle(id))
        out.append({id, QStringLiteral("mentioned"), r.text, r.start, r.end, r.value, r.granularity, r.anchor,
            r.anchorKind, r.overridden});
}

QJsonValue offsetJson(qint64 v)
{
    return v < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QString offsetText(qint64 v)
{
    return v < 0 ? QString() : QString::number(v);
}

} // namespace

int timelineCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--article"), QStringLiteral("--format")}, {}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("unexpected \"%1\"; see gloss timeline --help").arg(a.positionals().first()));
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;
    qint64 articleId = 0;
    if (a.has(QStringLiteral("--article"))) {
        bool ok = false;
        articleId = a.value(QStringLiteral("--article")).toLongLong(&ok);
        if (!ok || articleId <= 0)
            return c.usage(
                QStringLiteral("--article takes an article id, not \"%1\"").arg(a.value(QStringLiteral("--article"))));
    }
    if (!c.openProjectToRead())
        return InputFailed;

    QList<Entry> entries;
    try {
        if (articleId) {
            if (!c.project->library().article(articleId))
                return c.fail(QStringLiteral("%1: there is no article %2").arg(c.projectPath).arg(articleId));
            appendArticle(*c.project, articleId, true, entries);
        } else {
            for (const qint64 id : c.project->library().ids({}))
                appendArticle(*c.project, id, false, entries);
        }
    } catch (const operations::OperationError &e) {
        return c.fail(QStringLiteral("%1: %2").arg(c.projectPath, e.message()));
    }

    if (format == u"json") {
        QJsonArray list;
        for (const Entry &e : std::as_const(entries))
            list.append(QJsonObject{
                {QStringLiteral("article"), e.article},
                {QStringLiteral("kind"), e.kind},
                {QStringLiteral("text"), e.text},
                {QStringLiteral("start"), offsetJson(e.start)},
                {QStringLiteral("end"), offsetJson(e.end)},
                {QStringLiteral("value"), e.value},
                {QStringLiteral("granularity"), e.granularity},
                {QStringLiteral("anchor"),
                    e.anchor.isValid() ? QJsonValue(e.anchor.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("anchor_kind"), e.anchorKind.isEmpty() ? QJsonValue() : QJsonValue(e.anchorKind)},
                {QStringLiteral("overridden"), e.overridden},
            });
        return c.writeJson(list);
    }
    const QStringList headers
        = {QStringLiteral("article"), QStringLiteral("kind"), QStringLiteral("value"), QStringLiteral("granularity"),
            QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("anchor"), QStringLiteral("text")};
    QList<QStringList> rows;
    for (const Entry &e : std::as_const(entries)) {
        QString anchor = e.anchor.isValid() ? e.anchor.toString(Qt::ISODate) : QString();
        if (e.anchorKind == u"retrieved" && format == u"table")
            anchor += QStringLiteral(" (retrieved)");
        rows.append({QString::number(e.article), e.kind, e.value, e.granularity, offsetText(e.start), offsetText(e.end),
            anchor, e.text});
    }
    return c.writeRows(format, headers, rows);
}

} // namespace gloss::cli
