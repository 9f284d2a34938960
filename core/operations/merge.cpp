#include "operations/merge.h"

#include "model/contenthash.h"
#include "model/tag.h"
#include "model/timeref.h"
#include "operations/backups.h"
#include "operations/codebook.h"
#include "operations/extraction.h"
#include "operations/project.h"
#include "operations/writer.h"
#include "storage/store.h"
#include "text/codepoints.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace gloss::operations {

namespace {

QString counted(qint64 n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// A merge the progress callback stopped: rolled back whole.
struct Cancelled
{
};

// What makes a highlight the same as another: article, span, tags, note and coder.
QString highlightKey(qint64 start, qint64 end, QList<qint64> tags, const QString &note, const QString &coder)
{
    std::sort(tags.begin(), tags.end());
    QStringList t;
    for (const qint64 id : tags)
        t.append(QString::number(id));
    return QStringLiteral("%1\x1f%2\x1f%3\x1f%4\x1f%5").arg(start).arg(end).arg(t.join(u','), note, coder);
}

// The article of this project that is `a` of the other: by content hash (as stored there, as
// computed now, and the exact hash projects stored before normalisation), else the one article
// with its title and publication date.
std::optional<qint64> findHere(storage::Store &here, const model::Article &a)
{
    for (const QString &hash :
        {a.contentHash, model::contentHash(a.title, a.body), model::exactContentHash(a.title, a.body)}) {
        if (hash.isEmpty())
            continue;
        if (const auto id = here.articles().findByHash(hash))
            return id;
    }
    const QList<qint64> byTitle = here.annotationLookups().articlesByTitle(a.title, a.published);
    if (byTitle.size() == 1)
        return byTitle.first();
    return std::nullopt;
}

// The span in `to` of the passage [start, end) of `from` (code points): the same when the bodies
// are the same, else the occurrence of its text nearest to where it was; nothing when it is not there.
std::optional<std::pair<qint64, qint64>> placeSpan(
    const QString &from, const QString &to, const text::OffsetMap &toMap, qint64 start, qint64 end)
{
    if (from == to)
        return std::make_pair(start, end);
    const QString quote = text::sliceCodePoints(from, start, end);
    if (quote.isEmpty())
        return std::nullopt;
    const qsizetype near = text::toUtf16(from, start);
    qsizetype best = -1;
    for (qsizetype at = to.indexOf(quote); at >= 0; at = to.indexOf(quote, at + 1))
        if (best < 0 || qAbs(at - near) < qAbs(best - near))
            best = at;
    if (best < 0)
        return std::nullopt;
    const qint64 s = toMap.toCodePoints(best);
    return std::make_pair(s, s + text::codePointLength(quote));
}

// Opens the other project to read it; an older Gloss's project is upgraded in a copy in `scratch`,
// the file itself untouched. Sets `error` (naming `path`) when it cannot be read as a project.
std::unique_ptr<Project> openOther(const QString &path, QTemporaryDir &scratch, QString &error)
{
    auto opened = Project::open(path, Project::Access::ReadOnly);
    if (opened.project)
        return std::move(opened.project);
    if (opened.error.contains(u"needs upgrading") && scratch.isValid()) {
        const QString copy = scratch.filePath(QStringLiteral("older.gloss"));
        if (const QString e = Backups::copy(path, copy); !e.isEmpty()) {
            error = QStringLiteral("%1: cannot read it (%2)").arg(path, e);
            return nullptr;
        }
        opened = Project::open(copy, Project::Access::ReadWrite);
        if (opened.project)
            return std::move(opened.project);
        error = opened.error.replace(copy, path);
        return nullptr;
    }
    error = opened.error;
    return nullptr;
}

QString who(const QString &coder)
{
    return coder.isEmpty() ? QStringLiteral("no one named") : coder;
}

QString describeDate(const model::TimeRefOverride &o)
{
    const QString what = o.dismissed ? QStringLiteral("not a date")
        : o.granularity.isEmpty()    ? o.value
                                     : QStringLiteral("%1 (%2)").arg(o.value, o.granularity);
    return QStringLiteral("%1 by %2").arg(what, who(o.coder));
}

QString describeEntity(const model::Entity &e)
{
    return QStringLiteral("“%1” (%2, decided by %3)").arg(e.name, model::entityTypeName(e.type), who(e.decidedBy));
}

// The entity decisions of the other project that are not here yet: the names its coders said are
// not entities, and the entities they confirmed, renamed, retyped or gave names (matched here by
// any of their names). An entity here that someone decided otherwise keeps this project's decision
// (reported); one nobody decided takes the other's, recorded as its coder's.
void mergeEntityDecisions(
    storage::EntityRepository &ours, storage::EntityRepository &theirs, MergeResult &result, std::set<QString> &coders)
{
    const auto decided = [](const model::Entity &e) { return e.confirmed || !e.decidedBy.isEmpty(); };
    const auto ownerOf = [&](const QString &name) -> std::optional<model::Alias> {
        const QString key = storage::EntityRepository::aliasKey(name);
        const auto found = ours.aliasesFor({key});
        if (key.isEmpty() || !found.contains(key))
            return std::nullopt;
        return found.value(key);
    };
    for (const model::RejectedName &r : theirs.rejections()) {
        const QString key = storage::EntityRepository::aliasKey(r.name);
        if (key.isEmpty() || !ours.rejectedAmong({key}).isEmpty())
            continue;
        if (const auto owner = ownerOf(r.name)) {
            const auto entity = ours.get(owner->entityId);
            if (entity && (owner->manual || decided(*entity))) {
                result.entityConflicts.append(QStringLiteral("“%1”: not an entity for %2 there, %3 here")
                                                  .arg(r.name, who(r.coder), describeEntity(*entity)));
                continue;
            }
            if (entity)
                ours.reject(entity->id, r.coder);
        }
        ours.insertRejected(r);
        coders.insert(r.coder);
        ++result.entityDecisions;
    }
    for (const model::Entity &e : theirs.list()) {
        if (!decided(e))
            continue;
        QStringList names{e.name};
        names += e.aliases;
        std::optional<model::Alias> owner;
        for (const QString &name : std::as_const(names))
            if ((owner = ownerOf(name)))
                break;
        if (!owner)
            continue; // not here: its marked spans came in with their articles
        const std::optional<model::Entity> mine = ours.get(owner->entityId);
        if (!mine)
            continue;
        const QString &coder = e.decidedBy;
        bool changed = false;
        if (mine->name != e.name || mine->type != e.type) {
            if (decided(*mine)) {
                result.entityConflicts.append(
                    QStringLiteral("%1 there, %2 here").arg(describeEntity(e), describeEntity(*mine)));
            } else {
                if (mine->name != e.name)
                    ours.rename(mine->id, e.name, coder);
                if (mine->type != e.type)
                    ours.retype(mine->id, e.type, coder);
                changed = true;
            }
        }
        for (const QString &name : std::as_const(names)) {
            const auto held = ownerOf(name);
            if (held && held->entityId == mine->id)
                continue;
            if (held && held->manual) {
                if (const auto other = ours.get(held->entityId))
                    result.entityConflicts.append(QStringLiteral("“%1”: a name of %2 there, of %3 here")
                                                      .arg(name, describeEntity(e), describeEntity(*other)));
                continue;
            }
            ours.addAlias(mine->id, name, coder);
            changed = true;
        }
        if (e.confirmed && !mine->confirmed) {
            ours.confirm(mine->id, true, coder);
            changed = true;
        }
        if (changed) {
            coders.insert(coder);
            ++result.entityDecisions;
        }
    }
}

QString nothingMerged(const QString &why)
{
    return why.endsWith(u'.') ? why + QStringLiteral(" Nothing was merged.")
                              : why + QStringLiteral("; nothing was merged");
}

} // namespace

QString MergeResult::summary() const
{
    if (!ok())
        return error;
    QStringList parts;
    parts.append(QStringLiteral("%1 added (%2 already here)")
                     .arg(counted(highlightsAdded, "highlight", "highlights"))
                     .arg(highlightsThere));
    parts.append(counted(notesAdded, "article note", "article notes"));
    parts.append(counted(articleTagsAdded, "article tag", "article tags"));
    parts.append(counted(doneMarksAdded, "done mark", "done marks"));
    parts.append(counted(datesAdded, "date correction", "date corrections"));
    parts.append(counted(entityDecisions, "entity decision", "entity decisions"));
    parts.append(QStringLiteral("%1 created, %2")
                     .arg(counted(setsCreated, "set", "sets"), counted(setMembersAdded, "set member", "set members")));
    parts.append(QStringLiteral("%1 created").arg(counted(tagsCreated, "tag", "tags")));
    QString text = QStringLiteral("%1: %2 matched").arg(file, counted(articles, "article", "articles"));
    if (articlesImported > 0)
        text += QStringLiteral(", %1 imported").arg(articlesImported);
    text += QStringLiteral("; ") + parts.join(QStringLiteral(", "));
    if (!coders.isEmpty()) {
        QStringList named = coders;
        for (QString &c : named)
            if (c.isEmpty())
                c = QStringLiteral("(no coder)");
        text += QStringLiteral("; coders: ") + named.join(QStringLiteral(", "));
    }
    if (highlightsLeftOut > 0)
        text += QStringLiteral("; %1 left out (the article here differs and the passage is not in it)")
                    .arg(counted(highlightsLeftOut, "highlight", "highlights"));
    if (!conflicts.isEmpty())
        text += QStringLiteral("; %1 (this project's kept)")
                    .arg(counted(conflicts.size(), "tag conflict", "tag conflicts"));
    if (!dateConflicts.isEmpty())
        text += QStringLiteral("; %1 (this project's kept)")
                    .arg(counted(dateConflicts.size(), "date conflict", "date conflicts"));
    if (!entityConflicts.isEmpty())
        text += QStringLiteral("; %1 (this project's kept)")
                    .arg(counted(entityConflicts.size(), "entity conflict", "entity conflicts"));
    if (articlesMissing > 0)
        text += QStringLiteral("; %1 not in this project; their coding was not merged; `--with-articles` imports them")
                    .arg(articlesMissing == 1 ? QStringLiteral("1 article is")
                                              : QStringLiteral("%1 articles are").arg(articlesMissing));
    return text;
}

MergeResult Merge::mergeFrom(const QString &otherPath, const MergeOptions &options, const MergeProgress &progress)
{
    MergeResult result;
    result.file = otherPath;
    storage::Store &here = m_writer.store();
    const QString location = here.location();
    const auto refuse = [&](const QString &why) {
        MergeResult refused;
        refused.file = otherPath;
        refused.error = nothingMerged(why);
        refused.backupPath = result.backupPath;
        return refused;
    };
    if (here.isReadOnly())
        return refuse(
            QStringLiteral("%1: the project is read-only (the file or its folder cannot be written)").arg(location));
    const QFileInfo otherInfo(otherPath);
    if (!otherInfo.exists())
        return refuse(QStringLiteral("%1: no such file").arg(otherPath));
    if (otherInfo.isDir())
        return refuse(QStringLiteral("%1: is a folder, not a project file").arg(otherPath));
    if (otherInfo.canonicalFilePath() == QFileInfo(location).canonicalFilePath())
        return refuse(QStringLiteral("%1: is this project itself").arg(otherPath));

    QTemporaryDir scratch;
    QString why;
    const std::unique_ptr<Project> other = openOther(otherPath, scratch, why);
    if (!other)
        return refuse(why);
    storage::Store &there = other->store();

    // The backup comes after the other file was found to be a project: a refusal leaves no copy.
    // One merge of several files takes one, before the first.
    if (options.backupTaken.isEmpty()) {
        const BackupResult backup = Backups(m_writer).takeBefore(QStringLiteral("merge"));
        if (!backup.ok())
            return refuse(QStringLiteral("%1: no backup could be taken first (%2)").arg(location, backup.error));
        result.backupPath = backup.path;
    } else {
        result.backupPath = options.backupTaken;
    }

    std::set<QString> coders;
    try {
        m_writer.write(AllAreas, 0, [&] {
            // The codebook: tags by path, parents first; new ones made with their colour and description.
            QHash<qint64, qint64> tagMap; // there -> here
            {
                const QList<model::Tag> ours = here.exports().codebook();
                const QHash<qint64, QString> ourPaths = model::tagPaths(ours);
                QHash<QString, model::Tag> byPath;
                for (const model::Tag &t : ours)
                    byPath.insert(ourPaths.value(t.id), t);
                const QList<model::Tag> theirs = there.exports().codebook();
                const QHash<qint64, QString> theirPaths = model::tagPaths(theirs);
                for (const model::Tag &t : theirs) {
                    const QString path = theirPaths.value(t.id);
                    if (const auto found = byPath.constFind(path); found != byPath.cend()) {
                        tagMap.insert(t.id, found->id);
                        ++result.tagsThere;
                        QStringList differ;
                        if (found->color.compare(t.color, Qt::CaseInsensitive) != 0 && !t.color.isEmpty())
                            differ.append(QStringLiteral("colour %1 here, %2 there").arg(found->color, t.color));
                        if (found->description.trimmed() != t.description.trimmed())
                            differ.append(QStringLiteral("description \"%1\" here, \"%2\" there")
                                              .arg(found->description.trimmed(), t.description.trimmed()));
                        if (!differ.isEmpty())
                            result.conflicts.append(
                                QStringLiteral("%1: %2").arg(path, differ.join(QStringLiteral("; "))));
                        continue;
                    }
                    // A parent missing from the map (a tampered codebook's cycle) puts the tag at the top.
                    const qint64 parent = tagMap.value(t.parentId);
                    qint64 id = 0;
                    m_project.codebook().create(t.name, parent, t.color, t.description, &id);
                    model::Tag made = t;
                    made.id = id;
                    made.parentId = parent;
                    byPath.insert(path, made);
                    tagMap.insert(t.id, id);
                    ++result.tagsCreated;
                }
            }
            const auto mapTags = [&](const QList<qint64> &ids) {
                QList<qint64> out;
                for (const qint64 id : ids)
                    if (const qint64 mapped = tagMap.value(id); mapped != 0 && !out.contains(mapped))
                        out.append(mapped);
                return out;
            };

            // The articles, one by one.
            QHash<qint64, qint64> articleMap; // there -> here
            const QList<qint64> theirArticles = there.codings().allArticles();
            qint64 done = 0;
            for (const qint64 theirId : theirArticles) {
                const std::optional<model::Article> article = there.articles().get(theirId);
                if (!article)
                    continue;
                std::optional<qint64> hereId = findHere(here, *article);
                if (!hereId && options.withArticles) {
                    model::Article copy = *article;
                    copy.id = 0;
                    hereId = here.articles().insert(copy);
                    copy.id = *hereId;
                    annotateArticle(m_project, copy);
                    ++result.articlesImported;
                } else if (!hereId) {
                    ++result.articlesMissing;
                } else {
                    ++result.articles;
                }
                if (hereId) {
                    articleMap.insert(theirId, *hereId);
                    const qint64 target = *hereId;
                    const std::optional<model::Article> ourArticle = here.articles().get(target);
                    const QString ourBody = ourArticle ? ourArticle->body : QString();
                    const text::OffsetMap ourMap(ourBody);

                    // Highlights.
                    QSet<QString> present;
                    for (const model::Highlight &h : here.highlights().forArticle(target))
                        present.insert(highlightKey(h.start, h.end, h.tagIds, h.note, h.coder));
                    for (const model::Highlight &h : there.highlights().forArticle(theirId)) {
                        coders.insert(h.coder);
                        const auto span = placeSpan(article->body, ourBody, ourMap, h.start, h.end);
                        if (!span) {
                            ++result.highlightsLeftOut;
                            continue;
                        }
                        model::Highlight copy = h;
                        copy.id = 0;
                        copy.articleId = target;
                        copy.start = span->first;
                        copy.end = span->second;
                        copy.tagIds = mapTags(h.tagIds);
                        const QString key = highlightKey(copy.start, copy.end, copy.tagIds, copy.note, copy.coder);
                        if (present.contains(key)) {
                            ++result.highlightsThere;
                            continue;
                        }
                        const qint64 id = here.highlights().add(copy);
                        if (h.created.isValid() || h.modified.isValid())
                            here.annotationLookups().setTimes(id, h.created.isValid() ? h.created : h.modified,
                                h.modified.isValid() ? h.modified : h.created);
                        present.insert(key);
                        ++result.highlightsAdded;
                    }

                    // Article notes, each coder's: set when there is none here, extended when it
                    // differs and does not hold the other already.
                    for (const auto &[coder, text] : there.highlights().articleNotes(theirId)) {
                        coders.insert(coder);
                        const QString theirs = text.trimmed();
                        if (theirs.isEmpty())
                            continue;
                        const QString ours = here.highlights().articleNote(target, coder);
                        if (ours.contains(theirs))
                            continue;
                        here.highlights().setArticleNote(
                            target, coder, ours.isEmpty() ? theirs : ours + QStringLiteral("\n\n") + theirs);
                        ++result.notesAdded;
                    }

                    // Article tags, each coder's: the union.
                    std::map<QString, QList<qint64>> tagsBy;
                    for (const auto &[coder, tag] : there.articles().articleTagsByCoder(theirId))
                        tagsBy[coder].append(tag);
                    for (const auto &[coder, tags] : tagsBy) {
                        coders.insert(coder);
                        QList<qint64> ours = here.articles().articleTags(target, coder);
                        const qsizetype before = ours.size();
                        for (const qint64 t : mapTags(tags))
                            if (!ours.contains(t))
                                ours.append(t);
                        if (ours.size() != before) {
                            here.articles().setArticleTags(target, coder, ours);
                            result.articleTagsAdded += int(ours.size() - before);
                        }
                    }

                    // Done marks.
                    for (const QString &coder : there.articles().doneCoders(theirId)) {
                        coders.insert(coder);
                        if (here.articles().setDone(target, coder, true))
                            ++result.doneMarksAdded;
                    }

                    // Date corrections, by span (on the same words when the text here differs); a
                    // span corrected otherwise here keeps this project's.
                    for (const model::TimeRefOverride &o : there.timeRefs().overridesFor(theirId)) {
                        coders.insert(o.coder);
                        const auto span = placeSpan(article->body, ourBody, ourMap, o.start, o.end);
                        if (!span)
                            continue;
                        model::TimeRefOverride copy = o;
                        copy.articleId = target;
                        copy.start = span->first;
                        copy.end = span->second;
                        if (const auto ours = here.timeRefs().override(target, copy.start, copy.end)) {
                            if (ours->value != copy.value || ours->granularity != copy.granularity
                                || ours->dismissed != copy.dismissed)
                                result.dateConflicts.append(
                                    QStringLiteral("article %1, “%2”: %3 here, %4 there")
                                        .arg(target)
                                        .arg(text::sliceCodePoints(ourBody, copy.start, copy.end), describeDate(*ours),
                                            describeDate(copy)));
                            continue;
                        }
                        here.timeRefs().setOverride(copy);
                        ++result.datesAdded;
                    }

                    // Spans the other project's coders marked as entities.
                    const QList<std::pair<qint64, qint64>> marked = here.entities().markedSpans(target);
                    for (const model::Mention &m : there.entities().articleMentions(theirId)) {
                        if (!m.manual)
                            continue;
                        const auto entity = there.entities().get(m.entityId);
                        const auto span = placeSpan(article->body, ourBody, ourMap, m.start, m.end);
                        if (!entity || !span || marked.contains(*span))
                            continue;
                        here.entities().markSpan(target, span->first, span->second, entity->type, entity->decidedBy);
                        coders.insert(entity->decidedBy);
                        ++result.entityDecisions;
                    }
                }
                ++done;
                if (progress && !progress(done, theirArticles.size()))
                    throw Cancelled{};
            }

            mergeEntityDecisions(here.entities(), there.entities(), result, coders);

            // Sets, by name, with their members found here.
            for (const model::ArticleSet &set : there.sets().all()) {
                QList<qint64> members;
                for (const qint64 a : there.sets().articles(set.id))
                    if (const qint64 mapped = articleMap.value(a); mapped != 0 && !members.contains(mapped))
                        members.append(mapped);
                std::optional<qint64> ourSet = here.sets().find(set.name);
                if (!ourSet) {
                    ourSet = here.sets().create(set.name);
                    ++result.setsCreated;
                }
                const QList<qint64> already = here.sets().articles(*ourSet);
                QList<qint64> add;
                for (const qint64 a : std::as_const(members))
                    if (!already.contains(a))
                        add.append(a);
                if (!add.isEmpty()) {
                    here.sets().addArticles(*ourSet, add);
                    result.setMembersAdded += int(add.size());
                }
            }
        });
    } catch (const Cancelled &) {
        return refuse(QStringLiteral("%1: the merge was cancelled").arg(otherPath));
    } catch (const OperationError &e) {
        return refuse(QStringLiteral("%1: %2").arg(location, e.message()));
    } catch (const storage::StorageError &e) {
        return refuse(QStringLiteral("%1: %2").arg(location, Writer::translate(e).message()));
    }
    for (const QString &c : coders)
        result.coders.append(c);
    return result;
}

SplitResult Merge::split(const QString &path, const SplitOptions &options)
{
    SplitResult result;
    result.path = path;
    const auto refuse = [&](const QString &why) {
        SplitResult refused;
        refused.path = path;
        refused.error = why.endsWith(u'.') ? why + QStringLiteral(" Nothing was written.")
                                           : why + QStringLiteral("; nothing was written");
        return refused;
    };
    const QString location = m_writer.store().location();
    const QFileInfo info(path);
    if (path.trimmed().isEmpty())
        return refuse(QStringLiteral("the new project needs a file name"));
    if (info.exists() && info.canonicalFilePath() == QFileInfo(location).canonicalFilePath())
        return refuse(QStringLiteral("%1: is this project itself").arg(path));
    if (info.isDir())
        return refuse(QStringLiteral("%1: is a folder; name the file to write").arg(path));
    if (!info.absoluteDir().exists())
        return refuse(QStringLiteral("%1: the folder %2 does not exist").arg(path, info.absolutePath()));
    if ((info.exists() || info.isSymLink()) && !options.overwrite)
        return refuse(QStringLiteral("%1: the file exists (add --force to replace it)").arg(path));
    const QString keep = options.coder.trimmed();
    if (options.onlyCoder && keep.isEmpty())
        return refuse(QStringLiteral("name the coder whose work the new project keeps"));

    // Built under a name of its own beside the target, renamed into place only when whole.
    QString work;
    {
        QTemporaryFile reserve(path + QStringLiteral(".XXXXXX.split"));
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return refuse(QStringLiteral("%1: cannot create a file beside it (%2)").arg(path, reserve.errorString()));
        work = reserve.fileName();
    }
    const auto removeWork = [&] {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(work + QString::fromLatin1(suffix));
    };
    if (const QString e = Backups::copy(location, work); !e.isEmpty()) {
        removeWork();
        return refuse(QStringLiteral("%1: cannot copy the project (%2)").arg(path, e));
    }

    QString failure;
    {
        auto opened = Project::open(work, Project::Access::ReadWrite);
        if (!opened.project) {
            removeWork();
            return refuse(QStringLiteral("%1: %2").arg(path, opened.error));
        }
        storage::Store &store = opened.project->store();
        const auto mine = [&](const QString &coder) { return options.onlyCoder && coder == keep; };
        std::set<QString> coders;
        try {
            storage::Transaction tx(store);
            const QList<qint64> articles = store.codings().allArticles();
            result.articles = articles.size();
            result.tags = store.exports().codebook().size();
            for (const qint64 a : articles) {
                for (const model::Highlight &h : store.highlights().forArticle(a)) {
                    coders.insert(h.coder);
                    if (mine(h.coder))
                        ++result.highlights;
                    else
                        store.highlights().remove(h.id);
                }
                for (const auto &[coder, text] : store.highlights().articleNotes(a)) {
                    coders.insert(coder);
                    if (mine(coder))
                        ++result.notes;
                    else
                        store.highlights().setArticleNote(a, coder, QString());
                }
                std::set<QString> tagged;
                for (const auto &[coder, tag] : store.articles().articleTagsByCoder(a)) {
                    coders.insert(coder);
                    if (mine(coder))
                        ++result.articleTags;
                    else
                        tagged.insert(coder);
                }
                for (const QString &coder : tagged)
                    store.articles().setArticleTags(a, coder, {});
                for (const QString &coder : store.articles().doneCoders(a)) {
                    coders.insert(coder);
                    if (mine(coder))
                        ++result.doneMarks;
                    else
                        store.articles().setDone(a, coder, false);
                }
            }
            if (options.onlyCoder && !coders.count(keep)) {
                QStringList named;
                for (const QString &c : coders)
                    named.append(c.isEmpty() ? QStringLiteral("(no coder)") : c);
                failure = named.isEmpty() ? QStringLiteral("%1: no one has coded anything in this project").arg(keep)
                                          : QStringLiteral("%1 has coded nothing in this project (its coders: %2)")
                                                .arg(keep, named.join(QStringLiteral(", ")));
            } else {
                tx.commit();
            }
        } catch (const storage::StorageError &e) {
            failure = QStringLiteral("%1: %2").arg(path, Writer::translate(e).message());
        }
    }
    if (failure.isEmpty()) {
        if (const QString e = Backups::compact(work); !e.isEmpty())
            failure = QStringLiteral("%1: cannot compact the new project (%2)").arg(path, e);
    }
    if (failure.isEmpty()) {
        if (const QString e = Backups::verify(work); !e.isEmpty())
            failure = QStringLiteral("%1: the new project failed its check (%2)").arg(path, e);
    }
    if (failure.isEmpty()) {
        // Readable as the project is (the temporary file was made private).
        QFile::setPermissions(work, QFileInfo(location).permissions());
        // Replaces an existing file in one step (POSIX rename).
        std::error_code ec;
        std::filesystem::rename(QFile::encodeName(work).toStdString(), QFile::encodeName(path).toStdString(), ec);
        if (ec)
            failure = QStringLiteral("%1: cannot write it (%2)").arg(path, QString::fromStdString(ec.message()));
    }
    if (!failure.isEmpty()) {
        removeWork();
        return refuse(failure);
    }
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(work + QString::fromLatin1(suffix));
    return result;
}

} // namespace gloss::operations
