#include "cli/context.h"
#include "model/tag.h"
#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/error.h"
#include "operations/library.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace gloss::cli {

namespace {

QJsonValue dateJson(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject variablesJson(const model::Variables &variables)
{
    QJsonObject object;
    for (const auto &[name, value] : variables)
        object.insert(name, value);
    return object;
}

QString dateText(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

// Stores `h` with the tags at `paths` (created when missing) as one write: a highlight that is
// refused leaves no tag created for it behind, whatever stops the process.
void addWithTags(Project &project, model::Highlight &h, const QStringList &paths)
{
    project.together([&](QList<operations::Undo> &undos) {
        for (const QString &path : paths) {
            qint64 id = 0;
            undos.append(project.codebook().ensure(path, &id));
            h.tagIds.append(id);
        }
        undos.append(project.annotations().addHighlight(h, &h.id));
    });
}

// Failures that every later line of a batch would meet too.
bool stopsBatch(operations::OperationError::Kind kind)
{
    using Kind = operations::OperationError::Kind;
    return kind == Kind::DiskFull || kind == Kind::Io || kind == Kind::ReadOnly || kind == Kind::Moved
        || kind == Kind::Busy;
}

// `highlight add` records the coder (--coder, GLOSS_CODER), else the login name as it always did.
QString highlightCoder(const Context &c)
{
    return c.coder.isEmpty() ? qEnvironmentVariable("USER") : c.coder;
}

} // namespace

int doneCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {}, {QStringLiteral("--undo")}))
        return c.usage(a.error());
    if (a.positionals().isEmpty())
        return c.usage(QStringLiteral("done takes one or more article ids"));
    QList<qint64> ids;
    for (const QString &text : a.positionals()) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            return c.usage(QStringLiteral("\"%1\" is not an article id").arg(text));
        if (!ids.contains(id))
            ids.append(id);
    }
    if (!c.openProject())
        return InputFailed;
    const bool done = !a.has(QStringLiteral("--undo"));
    int changed = 0;
    c.project->library().setDone(ids, done, &changed);
    const QString who = c.coder.isEmpty() ? QStringLiteral("no coder (give --coder NAME or set GLOSS_CODER)") : c.coder;
    c.err << "gloss: " << (done ? "marked " : "unmarked ") << counted(changed, "article", "articles")
          << (done ? " done for " : " for ") << who;
    if (changed < ids.size())
        c.err << " (" << counted(ids.size() - changed, "article was", "articles were")
              << (done ? " already marked)" : " not marked)");
    c.err << '\n';
    return Ok;
}

int articlesCommand(Context &c)
{
    Arguments a;
    QSet<QString> valued = filterOptions();
    valued.insert(QStringLiteral("--format"));
    if (!a.parse(c.args, valued, {}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("articles takes no file names; see gloss articles --help"));
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;
    if (!c.openProjectToRead())
        return InputFailed;
    model::ArticleFilter filter;
    if (!c.readFilter(a, filter))
        return UsageError;

    const QList<qint64> ids = c.project->library().ids(filter);
    if (format == u"json") {
        QJsonArray list;
        for (const qint64 id : ids) {
            const auto art = c.project->library().article(id);
            if (!art)
                continue;
            list.append(QJsonObject{
                {QStringLiteral("id"), art->id},
                {QStringLiteral("title"), art->title},
                {QStringLiteral("published"), dateJson(art->published)},
                {QStringLiteral("retrieved"), dateJson(art->retrieved)},
                {QStringLiteral("dateline"), art->dateline},
                {QStringLiteral("source"), art->source},
                {QStringLiteral("url"), art->url},
                {QStringLiteral("author"), art->author},
                {QStringLiteral("path"), art->path},
                {QStringLiteral("words"), art->words},
                {QStringLiteral("variables"), variablesJson(art->variables)},
                {QStringLiteral("highlights"), qint64(c.project->annotations().highlights(id).size())},
                {QStringLiteral("done"), QJsonArray::fromStringList(c.project->library().doneCoders(id))},
            });
        }
        return c.writeJson(list);
    }
    const QStringList headers = {QStringLiteral("id"), QStringLiteral("published"), QStringLiteral("source"),
        QStringLiteral("highlights"), QStringLiteral("done"), QStringLiteral("title")};
    QList<QStringList> rows;
    const QList<model::ArticleSummary> summaries = c.project->library().list(
        filter, model::ArticleOrder::Published, true, 0, std::numeric_limits<qint64>::max());
    for (const model::ArticleSummary &s : summaries) {
        QStringList done = c.project->library().doneCoders(s.id);
        done.replaceInStrings(QRegularExpression(QStringLiteral("^$")), QStringLiteral("(no coder)"));
        rows.append({QString::number(s.id), dateText(s.published), s.source, QString::number(s.highlights),
            done.join(u','), s.title});
    }
    return c.writeRows(format, headers, rows);
}

int showCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--format")}, {}))
        return c.usage(a.error());
    if (a.positionals().size() != 1)
        return c.usage(QStringLiteral("show takes one article id"));
    bool ok = false;
    const qint64 id = a.positionals().first().toLongLong(&ok);
    if (!ok || id <= 0)
        return c.usage(QStringLiteral("\"%1\" is not an article id").arg(a.positionals().first()));
    QString format;
    if (!c.readFormat(a, {QStringLiteral("text"), QStringLiteral("json")}, format))
        return UsageError;
    if (!c.openProjectToRead())
        return InputFailed;
    const auto art = c.project->library().article(id);
    if (!art)
        return c.fail(QStringLiteral("%1: there is no article %2").arg(c.projectName).arg(id));
    const QList<model::Highlight> highlights = c.project->annotations().highlights(id);
    const QList<std::pair<QString, QString>> notes = c.project->annotations().articleNotes(id);
    const QList<std::pair<QString, qint64>> articleTags = c.project->annotations().articleTagsByCoder(id);
    const QStringList done = c.project->library().doneCoders(id);
    auto named = [](const QString &coder) { return coder.isEmpty() ? QStringLiteral("(no coder)") : coder; };

    if (format == u"json") {
        QJsonArray notesJson, articleTagsJson;
        for (const auto &[coder, text] : notes)
            notesJson.append(QJsonObject{{QStringLiteral("coder"), coder}, {QStringLiteral("text"), text}});
        for (const auto &[coder, tag] : articleTags)
            articleTagsJson.append(QJsonObject{
                {QStringLiteral("coder"), coder}, {QStringLiteral("tag"), c.project->codebook().path(tag)}});
        QJsonArray hl;
        for (const model::Highlight &h : highlights) {
            QJsonArray tags;
            for (const qint64 t : h.tagIds)
                tags.append(c.project->codebook().path(t));
            hl.append(QJsonObject{
                {QStringLiteral("id"), h.id},
                {QStringLiteral("start"), h.start},
                {QStringLiteral("end"), h.end},
                {QStringLiteral("text"), h.quote},
                {QStringLiteral("tags"), tags},
                {QStringLiteral("note"), h.note},
                {QStringLiteral("coder"), h.coder},
                {QStringLiteral("created"), h.created.toString(Qt::ISODate)},
                {QStringLiteral("modified"), h.modified.toString(Qt::ISODate)},
            });
        }
        const QJsonObject obj{
            {QStringLiteral("id"), art->id},
            {QStringLiteral("title"), art->title},
            {QStringLiteral("published"), dateJson(art->published)},
            {QStringLiteral("retrieved"), dateJson(art->retrieved)},
            {QStringLiteral("dateline"), art->dateline},
            {QStringLiteral("source"), art->source},
            {QStringLiteral("url"), art->url},
            {QStringLiteral("author"), art->author},
            {QStringLiteral("path"), art->path},
            {QStringLiteral("words"), art->words},
            {QStringLiteral("variables"), variablesJson(art->variables)},
            {QStringLiteral("note"), c.project->annotations().articleNote(id)},
            {QStringLiteral("notes"), notesJson},
            {QStringLiteral("article_tags"), articleTagsJson},
            {QStringLiteral("done"), QJsonArray::fromStringList(done)},
            {QStringLiteral("body"), art->body},
            {QStringLiteral("highlights"), hl},
        };
        return c.writeJson(obj);
    }
    c.out << art->title << '\n';
    QStringList meta;
    if (art->published.isValid())
        meta << art->published.toString(Qt::ISODate);
    if (!art->source.isEmpty())
        meta << art->source;
    if (!art->dateline.isEmpty())
        meta << art->dateline;
    c.out << meta.join(QStringLiteral(" · ")) << '\n';
    for (const auto &[name, value] : art->variables)
        c.out << name << ": " << value << '\n';
    c.out << '\n' << art->body << '\n';
    if (!articleTags.isEmpty()) {
        c.out << "\nArticle tags:\n";
        for (const auto &[coder, tag] : articleTags)
            c.out << "  " << c.project->codebook().path(tag) << "  by " << named(coder) << '\n';
    }
    if (!notes.isEmpty()) {
        c.out << "\nNotes:\n";
        for (const auto &[coder, text] : notes)
            c.out << "  " << named(coder) << ": " << text << '\n';
    }
    if (!done.isEmpty()) {
        QStringList names;
        for (const QString &coder : done)
            names << named(coder);
        c.out << "\nDone by: " << names.join(QStringLiteral(", ")) << '\n';
    }
    if (!highlights.isEmpty()) {
        c.out << "\nHighlights:\n";
        for (const model::Highlight &h : highlights) {
            QStringList tags;
            for (const qint64 t : h.tagIds)
                tags << c.project->codebook().path(t);
            c.out << "  [" << h.id << "] " << h.start << ".." << h.end << " \"" << h.quote << '"';
            if (!tags.isEmpty())
                c.out << "  {" << tags.join(model::TagListSeparator) << '}';
            if (!h.coder.isEmpty())
                c.out << "  by " << h.coder;
            if (!h.note.isEmpty())
                c.out << "  note: " << h.note;
            c.out << '\n';
        }
    }
    return Ok;
}

// `highlight add --from-tsv FILE|-`: one highlight a line, "ARTICLE<TAB>START<TAB>END[<TAB>TAG;TAG[<TAB>NOTE]]",
// each committed on its own and its id printed when it is stored, so a script (or a second Gloss
// writing at the same time) never loses one that was reported done.
int highlightBatch(Context &c, const QString &source, const QString &coder)
{
    QFile file;
    if (source == u"-") {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return c.fail(QStringLiteral("cannot read the standard input"));
    } else {
        file.setFileName(source);
        if (!file.open(QIODevice::ReadOnly))
            return c.fail(QStringLiteral("%1: cannot read (%2)").arg(source, file.errorString()));
    }
    if (!c.openProject())
        return InputFailed;
    const QString name = source == u"-" ? QStringLiteral("stdin") : source;
    int failed = 0;
    qint64 lineNo = 0;
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine());
        ++lineNo;
        if (line.endsWith(u'\n'))
            line.chop(1);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u'\t');
        model::Highlight h;
        qint64 numbers[3] = {};
        bool ok = fields.size() >= 3 && fields.size() <= 5;
        for (int i = 0; ok && i < 3; ++i)
            numbers[i] = fields.at(i).trimmed().toLongLong(&ok);
        if (!ok || numbers[0] <= 0 || numbers[1] < 0 || numbers[2] < 0) {
            c.err << "gloss: " << name << ':' << lineNo
                  << ": expected ARTICLE<TAB>START<TAB>END[<TAB>TAGS[<TAB>NOTE]]\n";
            ++failed;
            continue;
        }
        h.articleId = numbers[0];
        h.start = numbers[1];
        h.end = numbers[2];
        h.coder = coder;
        h.note = fields.value(4);
        QStringList paths;
        for (const QString &tag : fields.value(3).split(u';', Qt::SkipEmptyParts))
            if (!tag.trimmed().isEmpty())
                paths << tag.trimmed();
        try {
            addWithTags(*c.project, h, paths);
        } catch (const operations::OperationError &e) {
            c.err << "gloss: " << name << ':' << lineNo << ": " << e.message() << '\n';
            ++failed;
            if (stopsBatch(e.kind())) {
                c.err << "gloss: stopped at line " << lineNo << " of " << name << '\n';
                break;
            }
            continue;
        }
        c.out << h.id << '\n';
        c.out.flush();
    }
    c.err.flush();
    return failed ? InputFailed : Ok;
}

int highlightCommand(Context &c)
{
    Arguments a;
    const QSet<QString> valued = {QStringLiteral("--article"), QStringLiteral("--start"), QStringLiteral("--end"),
        QStringLiteral("--tag"), QStringLiteral("--note"), QStringLiteral("--coder"), QStringLiteral("--from-tsv")};
    if (!a.parse(c.args, valued, {}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(QStringLiteral("unexpected \"%1\"").arg(a.positionals().first()));
    if (a.has(QStringLiteral("--from-tsv"))) {
        for (const QString &other : {QStringLiteral("--article"), QStringLiteral("--start"), QStringLiteral("--end"),
                 QStringLiteral("--tag"), QStringLiteral("--note")})
            if (a.has(other))
                return c.usage(QStringLiteral("--from-tsv takes the highlights from the file, not %1").arg(other));
        return highlightBatch(c, a.value(QStringLiteral("--from-tsv")), highlightCoder(c));
    }
    qint64 numbers[3] = {};
    const QString names[3] = {QStringLiteral("--article"), QStringLiteral("--start"), QStringLiteral("--end")};
    for (int i = 0; i < 3; ++i) {
        if (!a.has(names[i]))
            return c.usage(QStringLiteral("highlight add needs %1").arg(names[i]));
        bool ok = false;
        numbers[i] = a.value(names[i]).toLongLong(&ok);
        if (!ok || numbers[i] < 0)
            return c.usage(QStringLiteral("%1 takes a whole number, not \"%2\"").arg(names[i], a.value(names[i])));
    }
    if (!c.openProject())
        return InputFailed;
    model::Highlight h;
    h.articleId = numbers[0];
    h.start = numbers[1];
    h.end = numbers[2];
    h.note = a.value(QStringLiteral("--note"));
    h.coder = highlightCoder(c);
    for (const QString &tag : a.values(QStringLiteral("--tag")))
        if (tag.trimmed().isEmpty())
            return c.usage(QStringLiteral("--tag needs a name"));
    addWithTags(*c.project, h, a.values(QStringLiteral("--tag")));
    c.out << h.id << '\n';
    return Ok;
}

int tagsCommand(Context &c)
{
    Arguments a;
    if (!a.parse(c.args, {QStringLiteral("--format")}, {}))
        return c.usage(a.error());
    QString format;
    if (!c.readFormat(a, RowFormats, format))
        return UsageError;
    if (!c.openProjectToRead())
        return InputFailed;
    const QList<model::Tag> tags = c.project->codebook().tags();
    if (format == u"json") {
        QJsonArray list;
        for (const model::Tag &t : tags)
            list.append(
                QJsonObject{{QStringLiteral("id"), t.id}, {QStringLiteral("path"), c.project->codebook().path(t.id)},
                    {QStringLiteral("color"), t.color}, {QStringLiteral("description"), t.description},
                    {QStringLiteral("highlights"), t.highlights}, {QStringLiteral("articles"), t.articles}});
        return c.writeJson(list);
    }
    QList<QStringList> rows;
    for (const model::Tag &t : tags)
        rows.append({QString::number(t.id), c.project->codebook().path(t.id), t.color, QString::number(t.highlights),
            QString::number(t.articles)});
    const QStringList headers = {QStringLiteral("id"), QStringLiteral("tag"), QStringLiteral("color"),
        QStringLiteral("highlights"), QStringLiteral("articles")};
    return c.writeRows(format, headers, rows);
}

} // namespace gloss::cli
