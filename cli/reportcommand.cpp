#include "analysis/reporttables.h"
#include "cli/context.h"
#include "operations/reports.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace gloss::cli {

namespace {

const QString TagOption = QStringLiteral("--tag");
// --coders A,B (repeatable too): whose coding; --coder is the global "who am I" option.
const QString CoderOption = QStringLiteral("--coders");

// The command's arguments without --tag: in a report --tag chooses the tags reported, not the
// articles (the other filters of `gloss articles` choose those).
QStringList withoutTags(const QStringList &args)
{
    QStringList out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == TagOption) {
            ++i;
            continue;
        }
        if (args.at(i).startsWith(TagOption + u'='))
            continue;
        out.append(args.at(i));
    }
    return out;
}

// Reads the report's scope: the tags (--tag, repeatable), the coders (--coders A,B, repeatable) and the
// articles (the filters). On a refusal prints why and returns its exit code.
std::optional<int> readScope(
    Context &c, const Arguments &a, const QSet<QString> &valued, const QSet<QString> &flags, model::ReportScope &scope)
{
    scope.tagIds = c.project->reports().tagIds(a.values(TagOption)); // an unknown tag: OperationError
    for (const QString &value : a.values(CoderOption))
        for (const QString &part : value.split(u','))
            if (const QString coder = part.trimmed(); !coder.isEmpty() && !scope.coders.contains(coder))
                scope.coders.append(coder);
    Arguments filters;
    if (!filters.parse(withoutTags(c.args), valued, flags))
        return c.usage(filters.error());
    if (!c.readFilter(filters, scope.articles.filter))
        return UsageError;
    return std::nullopt;
}

QSet<QString> reportOptions(std::initializer_list<const char *> own)
{
    QSet<QString> options = filterOptions();
    options.insert(CoderOption);
    for (const char *o : own)
        options.insert(QString::fromLatin1(o));
    return options;
}

QHash<qint64, model::Tag> tagsById(const QList<model::Tag> &codebook)
{
    QHash<qint64, model::Tag> byId;
    for (const model::Tag &t : codebook)
        byId.insert(t.id, t);
    return byId;
}

QHash<qint64, QString> names(const QHash<qint64, model::Tag> &tags)
{
    QHash<qint64, QString> byId;
    for (const model::Tag &t : tags)
        byId.insert(t.id, t.name);
    return byId;
}

QString scopeDescription(const Arguments &a, const model::ReportScope &scope, const QHash<qint64, model::Tag> &tags)
{
    QStringList parts;
    if (!scope.tagIds.isEmpty()) {
        QStringList names;
        for (const qint64 id : scope.tagIds)
            names.append(tags.value(id).name);
        parts.append(u"tags " + names.join(QStringLiteral(", ")));
    }
    if (!scope.coders.isEmpty())
        parts.append(u"coded by " + scope.coders.join(QStringLiteral(", ")));
    const model::ArticleFilter &f = scope.articles.filter;
    if (!f.search.trimmed().isEmpty())
        parts.append(QStringLiteral("articles matching \"%1\"").arg(f.search));
    if (f.setId)
        parts.append(u"set " + a.value(QStringLiteral("--set")));
    if (f.from.isValid())
        parts.append(u"from " + f.from.toString(Qt::ISODate));
    if (f.to.isValid())
        parts.append(u"to " + f.to.toString(Qt::ISODate));
    for (const auto &v : f.variables)
        parts.append(QStringLiteral("%1 = %2").arg(v.first, v.second));
    return parts.join(QStringLiteral("; "));
}

int passagesReport(Context &c)
{
    const QSet<QString> valued = reportOptions({"--sort", "--context", "--format", "-o", "--output"});
    const QSet<QString> flags;
    Arguments a;
    if (!a.parse(c.args, valued, flags))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(
            QStringLiteral("unexpected \"%1\"; see gloss report passages --help").arg(a.positionals().first()));
    QString format;
    if (!c.readFormat(a,
            {QStringLiteral("html"), QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json")}, format))
        return UsageError;
    const auto order = model::passageOrderFromName(a.value(QStringLiteral("--sort"), QStringLiteral("tag")));
    if (!order)
        return c.usage(QStringLiteral("--sort takes tag|date|title|source|coder, not \"%1\"")
                           .arg(a.value(QStringLiteral("--sort"))));
    bool ok = true;
    const int context = a.has(QStringLiteral("--context")) ? a.value(QStringLiteral("--context")).toInt(&ok) : 8;
    if (!ok || context < 0 || context > 200)
        return c.usage(QStringLiteral("--context takes a number of words from 0 to 200, not \"%1\"")
                           .arg(a.value(QStringLiteral("--context"))));
    const QString output
        = a.has(QStringLiteral("-o")) ? a.value(QStringLiteral("-o")) : a.value(QStringLiteral("--output"));
    if ((a.has(QStringLiteral("-o")) || a.has(QStringLiteral("--output"))) && output.isEmpty())
        return c.usage(QStringLiteral("-o needs a file name"));
    if (!output.isEmpty() && output != u"-" && format != u"html")
        return c.usage(QStringLiteral("-o writes the HTML report; --format %1 goes to standard output").arg(format));

    if (!c.openProjectToRead())
        return InputFailed;
    model::ReportScope scope;
    if (const std::optional<int> refused = readScope(c, a, valued, flags, scope))
        return *refused;
    const QList<model::Passage> passages = c.project->reports().passages(scope, *order, context);
    const QHash<qint64, model::Tag> tags = tagsById(c.project->reports().codebook());

    if (format == u"json") {
        QJsonArray list;
        for (const model::Passage &p : passages)
            list.append(QJsonObject{{QStringLiteral("tag"), tags.value(p.tagId).name},
                {QStringLiteral("article_id"), p.articleId}, {QStringLiteral("article_title"), p.title},
                {QStringLiteral("published"), p.published.isEmpty() ? QJsonValue() : QJsonValue(p.published)},
                {QStringLiteral("source"), p.source}, {QStringLiteral("highlight_id"), p.highlightId},
                {QStringLiteral("start"), p.start}, {QStringLiteral("end"), p.end}, {QStringLiteral("text"), p.text},
                {QStringLiteral("before"), p.before}, {QStringLiteral("after"), p.after},
                {QStringLiteral("coder"), p.coder}, {QStringLiteral("note"), p.note}});
        return c.writeJson(list);
    }
    if (format != u"html") {
        QList<QStringList> rows;
        for (const model::Passage &p : passages)
            rows.append({tags.value(p.tagId).name, QString::number(p.articleId), p.title, p.published, p.source,
                QString::number(p.start), QString::number(p.end), p.before, p.text, p.after, p.coder, p.note});
        return c.writeRows(format,
            {QStringLiteral("tag"), QStringLiteral("article_id"), QStringLiteral("article_title"),
                QStringLiteral("published"), QStringLiteral("source"), QStringLiteral("start"), QStringLiteral("end"),
                QStringLiteral("before"), QStringLiteral("text"), QStringLiteral("after"), QStringLiteral("coder"),
                QStringLiteral("note")},
            rows);
    }
    const QByteArray html = analysis::passagesHtml(passages, tags, c.projectName, scopeDescription(a, scope, tags),
        *order == model::PassageOrder::Tag, QDateTime::currentDateTime())
                                .toUtf8();
    if (output.isEmpty() || output == u"-") {
        c.out.flush();
        c.outDevice.write(html);
        return Ok;
    }
    QSaveFile file(output); // whole or not at all
    if (!file.open(QIODevice::WriteOnly) || file.write(html) != html.size() || !file.commit())
        return c.fail(QStringLiteral("%1: cannot write (%2)").arg(output, file.errorString()));
    c.err << "gloss: wrote " << counted(passages.size(), "passage", "passages") << " to " << output << '\n';
    return Ok;
}

int frequencyReport(Context &c)
{
    const QSet<QString> valued = reportOptions({"--by", "--count", "--format"});
    const QSet<QString> flags = {QStringLiteral("--share")};
    Arguments a;
    if (!a.parse(c.args, valued, flags))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(
            QStringLiteral("unexpected \"%1\"; see gloss report frequency --help").arg(a.positionals().first()));
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;
    const QString byText = a.value(QStringLiteral("--by"), QStringLiteral("month"));
    const auto by = model::frequencyByFromName(byText);
    if (!by)
        return c.usage(
            QStringLiteral("--by takes day|week|month|quarter|year|source|set|var:NAME, not \"%1\"").arg(byText));
    const bool share = a.has(QStringLiteral("--share"));
    const QString count
        = a.value(QStringLiteral("--count"), share ? QStringLiteral("articles") : QStringLiteral("highlights"));
    if (count != u"articles" && count != u"highlights")
        return c.usage(QStringLiteral("--count takes articles|highlights, not \"%1\"").arg(count));
    if (share && count != u"articles")
        return c.usage(QStringLiteral("--share counts articles: it does not go with --count highlights"));
    const bool articles = count == u"articles";

    if (!c.openProjectToRead())
        return InputFailed;
    model::ReportScope scope;
    if (const std::optional<int> refused = readScope(c, a, valued, flags, scope))
        return *refused;
    const model::FrequencyReport report = c.project->reports().frequency(scope, *by);
    const QHash<qint64, model::Tag> tags = tagsById(c.project->reports().codebook());

    QHash<QString, QHash<qint64, model::FrequencyCell>> cells;
    for (const model::FrequencyCell &cell : report.cells)
        cells[cell.bucket].insert(cell.tagId, cell);

    if (format == u"json") {
        QJsonArray list;
        for (qsizetype b = 0; b < report.buckets.size(); ++b) {
            const QString &bucket = report.buckets.at(b);
            for (const qint64 tagId : report.tagIds) {
                const model::FrequencyCell cell = cells.value(bucket).value(tagId);
                QJsonObject row{{QStringLiteral("bucket"), bucket.isEmpty() ? QJsonValue() : QJsonValue(bucket)},
                    {QStringLiteral("tag"), tags.value(tagId).name}, {QStringLiteral("highlights"), cell.highlights},
                    {QStringLiteral("articles"), cell.articles},
                    {QStringLiteral("bucket_articles"), report.bucketArticles.at(b)}};
                if (share)
                    row.insert(QStringLiteral("share"),
                        report.bucketArticles.at(b) ? double(cell.articles) / double(report.bucketArticles.at(b))
                                                    : 0.0);
                list.append(row);
            }
        }
        return c.writeJson(QJsonObject{{QStringLiteral("by"), model::frequencyByName(*by)},
            {QStringLiteral("count"), share ? QStringLiteral("share") : count}, {QStringLiteral("rows"), list}});
    }
    const analysis::ReportTable table = analysis::frequencyTable(report, names(tags),
        share ? analysis::FrequencyCount::Share
              : (articles ? analysis::FrequencyCount::Articles : analysis::FrequencyCount::Highlights),
        format == u"table");
    return c.writeRows(format, table.headers, table.rows);
}

int cooccurrenceReport(Context &c)
{
    const QSet<QString> valued = reportOptions({"--unit", "--format"});
    const QSet<QString> flags = {QStringLiteral("--entities")};
    Arguments a;
    if (!a.parse(c.args, valued, flags))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(
            QStringLiteral("unexpected \"%1\"; see gloss report cooccurrence --help").arg(a.positionals().first()));
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;
    const QString unitText = a.value(QStringLiteral("--unit"), QStringLiteral("highlight"));
    if (unitText != u"highlight" && unitText != u"article")
        return c.usage(QStringLiteral("--unit takes highlight|article, not \"%1\"").arg(unitText));
    const auto unit = unitText == u"article" ? model::CooccurrenceUnit::Article : model::CooccurrenceUnit::Highlight;
    const bool withEntities = a.has(QStringLiteral("--entities"));

    if (!c.openProjectToRead())
        return InputFailed;
    model::ReportScope scope;
    if (const std::optional<int> refused = readScope(c, a, valued, flags, scope))
        return *refused;
    const model::CooccurrenceReport report = c.project->reports().cooccurrence(scope, unit, withEntities);
    const QHash<qint64, model::Tag> tags = tagsById(c.project->reports().codebook());

    if (format == u"json") {
        QJsonArray tagList, pairList, entityList;
        for (qsizetype i = 0; i < report.tagIds.size(); ++i)
            tagList.append(QJsonObject{{QStringLiteral("tag"), tags.value(report.tagIds.at(i)).name},
                {QStringLiteral("total"), report.totals.at(i)}});
        for (const model::CooccurrenceCell &cell : report.cells)
            pairList.append(QJsonObject{{QStringLiteral("tag_a"), tags.value(cell.tagA).name},
                {QStringLiteral("tag_b"), tags.value(cell.tagB).name}, {QStringLiteral("count"), cell.count}});
        QJsonObject doc{
            {QStringLiteral("unit"), unitText}, {QStringLiteral("tags"), tagList}, {QStringLiteral("pairs"), pairList}};
        if (withEntities) {
            for (const model::EntityTagCell &e : report.entities)
                entityList.append(QJsonObject{{QStringLiteral("entity"), e.entity}, {QStringLiteral("type"), e.type},
                    {QStringLiteral("tag"), tags.value(e.tagId).name}, {QStringLiteral("highlights"), e.highlights},
                    {QStringLiteral("articles"), e.articles}});
            doc.insert(QStringLiteral("entities"), entityList);
        }
        return c.writeJson(doc);
    }
    const analysis::ReportTable table = withEntities ? analysis::entityTagTable(report, names(tags))
                                                     : analysis::cooccurrenceMatrix(report, names(tags));
    return c.writeRows(format, table.headers, table.rows);
}

} // namespace

int reportPassagesCommand(Context &c)
{
    return passagesReport(c);
}

int reportFrequencyCommand(Context &c)
{
    return frequencyReport(c);
}

int reportCooccurrenceCommand(Context &c)
{
    return cooccurrenceReport(c);
}

int reportCommand(Context &c)
{
    return c.usage(c.args.isEmpty()
            ? QStringLiteral("report needs passages, frequency or cooccurrence; see gloss --help")
            : QStringLiteral("report takes passages, frequency or cooccurrence, not \"%1\"").arg(c.args.first()));
}

} // namespace gloss::cli
