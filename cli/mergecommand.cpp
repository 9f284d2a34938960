#include "cli/context.h"
#include "operations/merge.h"
#include "operations/project.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gloss::cli {

namespace {

QJsonObject toJson(const operations::MergeResult &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), r.file);
    o.insert(QStringLiteral("ok"), r.ok());
    o.insert(QStringLiteral("error"), r.ok() ? QJsonValue() : QJsonValue(r.error));
    o.insert(QStringLiteral("backup"), r.backupPath.isEmpty() ? QJsonValue() : QJsonValue(r.backupPath));
    o.insert(QStringLiteral("articles"), r.articles);
    o.insert(QStringLiteral("articles_imported"), r.articlesImported);
    o.insert(QStringLiteral("articles_missing"), r.articlesMissing);
    o.insert(QStringLiteral("highlights_added"), r.highlightsAdded);
    o.insert(QStringLiteral("highlights_already"), r.highlightsThere);
    o.insert(QStringLiteral("highlights_left_out"), r.highlightsLeftOut);
    o.insert(QStringLiteral("notes"), r.notesAdded);
    o.insert(QStringLiteral("article_tags"), r.articleTagsAdded);
    o.insert(QStringLiteral("done_marks"), r.doneMarksAdded);
    o.insert(QStringLiteral("dates"), r.datesAdded);
    o.insert(QStringLiteral("entity_decisions"), r.entityDecisions);
    o.insert(QStringLiteral("sets_created"), r.setsCreated);
    o.insert(QStringLiteral("set_members"), r.setMembersAdded);
    o.insert(QStringLiteral("tags_created"), r.tagsCreated);
    o.insert(QStringLiteral("conflicts"), QJsonArray::fromStringList(r.conflicts));
    o.insert(QStringLiteral("date_conflicts"), QJsonArray::fromStringList(r.dateConflicts));
    o.insert(QStringLiteral("entity_conflicts"), QJsonArray::fromStringList(r.entityConflicts));
    o.insert(QStringLiteral("coders"), QJsonArray::fromStringList(r.coders));
    return o;
}

} // namespace

int mergeCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--format")}, {QStringLiteral("--with-articles")}))
        return c.usage(a.error());
    QString format;
    if (!c.readFormat(a, {QStringLiteral("table"), QStringLiteral("json")}, format))
        return UsageError;
    if (a.positionals().isEmpty())
        return c.usage(QStringLiteral("merge needs the project files to merge (OTHER.gloss...)"));
    if (!c.openProject())
        return InputFailed;
    operations::MergeOptions options;
    options.withArticles = a.has(QStringLiteral("--with-articles"));

    // Each file is merged whole or not at all, after one backup of this project taken for them all.
    QList<operations::MergeResult> results;
    int code = Ok;
    for (const QString &file : a.positionals()) {
        results.append(c.project->merge().mergeFrom(file, options));
        if (options.backupTaken.isEmpty())
            options.backupTaken = results.last().backupPath;
        if (!results.last().ok()) {
            c.err << "gloss: " << results.last().error << '\n';
            code = InputFailed;
        }
    }
    c.err.flush();
    if (format == u"json") {
        QJsonArray list;
        for (const operations::MergeResult &r : std::as_const(results))
            list.append(toJson(r));
        c.writeJson(list);
        return code;
    }
    QList<QStringList> rows;
    for (const operations::MergeResult &r : std::as_const(results)) {
        if (!r.ok())
            continue;
        rows.append({r.file, QString::number(r.articles), QString::number(r.articlesImported),
            QString::number(r.articlesMissing), QString::number(r.highlightsAdded), QString::number(r.highlightsThere),
            QString::number(r.notesAdded), QString::number(r.articleTagsAdded), QString::number(r.doneMarksAdded),
            QString::number(r.datesAdded), QString::number(r.entityDecisions), QString::number(r.setsCreated),
            QString::number(r.tagsCreated),
            QString::number(r.conflicts.size() + r.dateConflicts.size() + r.entityConflicts.size())});
    }
    if (!rows.isEmpty())
        c.writeRows(QStringLiteral("table"),
            {QStringLiteral("file"), QStringLiteral("articles"), QStringLiteral("imported"), QStringLiteral("missing"),
                QStringLiteral("highlights"), QStringLiteral("already"), QStringLiteral("notes"),
                QStringLiteral("article tags"), QStringLiteral("done"), QStringLiteral("dates"),
                QStringLiteral("entities"), QStringLiteral("sets"), QStringLiteral("tags"),
                QStringLiteral("conflicts")},
            rows);
    for (const operations::MergeResult &r : std::as_const(results)) {
        if (!r.ok())
            continue;
        for (const QString &conflict : r.conflicts)
            c.out << r.file << ": tag conflict, this project's kept: " << conflict << '\n';
        for (const QString &conflict : r.dateConflicts)
            c.out << r.file << ": date conflict, this project's kept: " << conflict << '\n';
        for (const QString &conflict : r.entityConflicts)
            c.out << r.file << ": entity conflict, this project's kept: " << conflict << '\n';
        if (r.highlightsLeftOut > 0)
            c.out << r.file << ": " << counted(r.highlightsLeftOut, "highlight", "highlights")
                  << " left out: the article here has another text and the passage is not in it\n";
        if (r.articlesMissing > 0)
            c.out << r.file << ": "
                  << (r.articlesMissing == 1 ? QStringLiteral("1 article is")
                                             : QStringLiteral("%1 articles are").arg(r.articlesMissing))
                  << " not in this project; their coding was not merged; `--with-articles` imports them\n";
        if (!r.backupPath.isEmpty())
            c.out << r.file << ": the project before the merge is kept in " << r.backupPath << '\n';
    }
    return code;
}

int splitCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("-o"), QStringLiteral("--output")}, {QStringLiteral("--force")}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("unexpected \"%1\"").arg(a.positionals().first()));
    const QString output
        = a.has(QStringLiteral("-o")) ? a.value(QStringLiteral("-o")) : a.value(QStringLiteral("--output"));
    if (output.isEmpty())
        return c.usage(QStringLiteral("split needs -o FILE, the new project to write"));
    // Only --coder on the command line keeps a coder's work: GLOSS_CODER, set for one's own coding,
    // must not slip one's work into a copy meant to be blank.
    operations::SplitOptions options;
    options.onlyCoder = c.coderGiven;
    options.coder = c.coderGiven ? c.coder : QString();
    options.overwrite = a.has(QStringLiteral("--force"));
    if (!c.openProject(Project::Access::ReadOnly, false))
        return InputFailed;
    const operations::SplitResult r = c.project->merge().split(output, options);
    if (!r.ok())
        return c.fail(r.error);
    c.out << output << ": " << counted(r.articles, "article", "articles") << ", " << counted(r.tags, "tag", "tags");
    if (options.onlyCoder)
        c.out << "; " << options.coder << "'s " << counted(r.highlights, "highlight", "highlights") << ", "
              << counted(r.notes, "article note", "article notes") << ", "
              << counted(r.articleTags, "article tag", "article tags") << ", "
              << counted(r.doneMarks, "done mark", "done marks") << '\n';
    else
        c.out << "; no coding\n";
    return Ok;
}

} // namespace gloss::cli
