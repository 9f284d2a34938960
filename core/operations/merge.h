#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gloss {
class Project;
}

namespace gloss::operations {

class Writer;

struct MergeOptions
{
    // Articles the other project holds and this one lacks are imported (with their metadata and
    // variables; their entities and dates found as at any import) and their coding merged. Without
    // it they are counted in MergeResult::articlesMissing and their coding is left out.
    bool withArticles = false;
    // A backup of this project already taken for the same merge (of several files): no other is
    // taken, so that the copy from before the whole merge is never rotated out by the merge itself.
    QString backupTaken;
};

// What merging one project file brought in, or why it brought nothing (`error`: this project is
// then unchanged).
struct MergeResult
{
    QString file; // the other project
    QString error; // names the file and the reason; nothing was merged
    QString backupPath; // the copy of this project taken before the merge (also set when it failed after)
    int articles = 0; // articles of the other project found here (by content, else title and date)
    int articlesImported = 0; // with --with-articles
    int articlesMissing = 0; // not here and not imported: their coding was not merged
    int highlightsAdded = 0;
    int highlightsThere = 0; // the same article, span, tags, note and coder was here already
    int highlightsLeftOut = 0; // the article here differs and the passage was not found in it
    int notesAdded = 0; // article notes set or extended
    int articleTagsAdded = 0;
    int doneMarksAdded = 0;
    int datesAdded = 0; // date corrections (a value, a granularity, "not a date") of spans here
    int entityDecisions = 0; // names rejected, entities decided about, spans marked
    QStringList dateConflicts; // the same span corrected otherwise here: ours kept
    QStringList entityConflicts; // an entity decided otherwise here: ours kept
    int setsCreated = 0;
    int setMembersAdded = 0; // articles added to sets (new or existing)
    int tagsCreated = 0;
    int tagsThere = 0; // the other project's tags that matched one here by path
    QStringList conflicts; // a tag path here and there with another colour or description: ours kept
    QStringList coders; // whose coding came in, sorted
    bool ok() const { return error.isEmpty(); }
    // "12 highlights added (3 already here), 2 notes, 4 article tags, 5 done marks, 1 set, 2 tags
    // created; 1 conflict; 42 articles are not in this project; ..."
    QString summary() const;
};

struct SplitOptions
{
    // Keep this coder's highlights, article notes, article tags and done marks; without it (empty,
    // `onlyCoder` false) the new project has no coding at all.
    bool onlyCoder = false;
    QString coder;
    bool overwrite = false; // replace an existing file
};

struct SplitResult
{
    QString path;
    QString error; // names the file and the reason; nothing was written
    qint64 articles = 0;
    qint64 tags = 0;
    qint64 highlights = 0; // kept (the coder's)
    qint64 notes = 0;
    qint64 articleTags = 0;
    qint64 doneMarks = 0;
    bool ok() const { return error.isEmpty(); }
};

// Called after each article of a merge with (done, total); returning false cancels the merge,
// which then stores nothing.
using MergeProgress = std::function<bool(qint64 done, qint64 total)>;

// Coders who each coded a copy of a project bring their work together (merge), and a project is
// handed out to a coder (split). The other project is only read; a merge is one transaction after a
// verified backup of this project, and merging the same file again changes nothing.
class Merge final
{
public:
    Merge(Project &project, Writer &writer)
        : m_project(project)
        , m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Merge)

    // Brings the coding of the project file `otherPath` into this project: for each of its articles
    // found here (by content hash, else by title and publication date) its highlights (with tags,
    // coder, note and times), article notes, article tags, done marks and date corrections (with
    // their coder); its entity decisions (rejected names, confirmed, renamed, retyped entities and
    // the names added to them, marked spans, each with its coder); its sets (by name, with
    // their members found here); its tags (by path; new ones created with their colour and
    // description; a tag whose colour or description differs keeps this project's and is reported).
    // Refused whole (in MergeResult::error, nothing changed) when this project is read-only, the
    // file is not a Gloss project, comes from a newer Gloss or is this project, or no backup could
    // be taken. There is no Undo: the backup ("before-merge") is the way back.
    MergeResult mergeFrom(
        const QString &otherPath, const MergeOptions &options = {}, const MergeProgress &progress = {});

    // Writes a new project file at `path` with this project's articles (metadata, variables, entities
    // and dates), codebook and sets and no coding, or only one coder's (SplitOptions). Refuses an
    // existing file unless `overwrite`; writes under a temporary name and renames, so a failure
    // leaves nothing. The other coders' work is not in the file's free pages either (it is
    // compacted).
    SplitResult split(const QString &path, const SplitOptions &options);

private:
    Project &m_project;
    Writer &m_writer;
};

} // namespace gloss::operations
