#include "operations/annotations.h"
#include "operations/backups.h"
#include "operations/codebook.h"
#include "operations/entities.h"
#include "operations/library.h"
#include "operations/merge.h"
#include "operations/project.h"
#include "operations/sets.h"
#include "operations/timeline.h"
#include "storage/sqlite/database.h"
#include "support/tempproject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <map>

using gloss::Project;
using gloss::operations::Backups;
using gloss::operations::MergeOptions;
using gloss::operations::MergeResult;
using gloss::operations::SplitOptions;

namespace {

constexpr int Articles = 20;

std::unique_ptr<Project> openProject(const QString &path, Project::Access access = Project::Access::ReadWrite)
{
    auto opened = Project::open(path, access);
    INFO(opened.error.toStdString());
    REQUIRE(opened.project);
    return std::move(opened.project);
}

QString bodyOf(int i)
{
    return QStringLiteral("Story %1. The minister met the envoy in Doha on Tuesday. Talks on the ceasefire went on "
                          "late into the night, and the envoy said a deal was close. Protesters gathered outside.")
        .arg(i);
}

// 20 articles with a variable each, a small codebook and a set: what the lead hands to each coder.
void makeBase(const QString &path)
{
    auto p = openProject(path);
    for (int i = 1; i <= Articles; ++i) {
        gloss::model::Article a;
        a.title = QStringLiteral("Article %1").arg(i);
        a.body = bodyOf(i);
        a.published = QDate(2024, 3, i);
        a.source = QStringLiteral("Wire");
        a.variables = {{QStringLiteral("section"), i % 2 ? QStringLiteral("world") : QStringLiteral("politics")}};
        p->store().articles().insert(a);
    }
    qint64 actors = 0;
    p->codebook().create(QStringLiteral("Actors"), 0, QStringLiteral("#aa0000"), QStringLiteral("Who acts"), &actors);
    p->codebook().create(QStringLiteral("Officials"), actors, QStringLiteral("#bb0000"));
    p->codebook().create(QStringLiteral("Places"), 0, QStringLiteral("#0000aa"), QStringLiteral("Where"));
    QList<qint64> firstTen;
    for (const qint64 id : p->library().ids({}))
        if (firstTen.size() < 10)
            firstTen.append(id);
    p->sets().create(QStringLiteral("Sample"), firstTen);
}

// A coder's work on their copy: highlights (with notes on some), an article note, an article tag
// and a done mark on each article, a tag of their own and a set of their own.
void code(const QString &path, const QString &coder, int shift)
{
    auto p = openProject(path);
    p->setCoder(coder);
    const qint64 officials = *p->codebook().find(QStringLiteral("Actors > Officials"));
    const qint64 places = *p->codebook().find(QStringLiteral("Places"));
    qint64 own = 0;
    p->codebook().ensure(QStringLiteral("Mood > ") + coder, &own);
    const QList<qint64> ids = p->library().ids({});
    for (const qint64 id : ids) {
        const QString body = p->library().article(id)->body; // ASCII: code points are UTF-16 positions
        gloss::model::Highlight h;
        h.articleId = id;
        h.start = body.indexOf(u"minister") + shift; // "minister" for ann; shifted for ben
        h.end = h.start + 8;
        h.tagIds = {officials};
        p->annotations().addHighlight(h);
        h.start = body.indexOf(u"Doha");
        h.end = h.start + 4;
        h.tagIds = {places, own};
        h.note = coder + QStringLiteral(" thinks so");
        p->annotations().addHighlight(h);
        // The same span twice with other tags: two highlights.
        h.tagIds = {places};
        h.note.clear();
        p->annotations().addHighlight(h);
        p->annotations().setArticleNote(id, QStringLiteral("%1's note on %2").arg(coder).arg(id));
        p->annotations().setArticleTags(id, {shift ? places : officials});
        p->library().setDone({id}, true);
    }
    p->sets().create(coder + QStringLiteral("'s picks"), ids.mid(0, 3));
}

struct Counts
{
    int highlights = 0;
    int notes = 0;
    int articleTags = 0;
    int done = 0;
    bool operator==(const Counts &o) const
    {
        return highlights == o.highlights && notes == o.notes && articleTags == o.articleTags && done == o.done;
    }
};

// Each coder's coding in a project, as the researcher would count it.
std::map<QString, Counts> perCoder(Project &p)
{
    std::map<QString, Counts> out;
    for (const qint64 id : p.library().ids({})) {
        for (const auto &h : p.annotations().highlights(id))
            ++out[h.coder].highlights;
        for (const auto &[coder, text] : p.annotations().articleNotes(id))
            ++out[coder].notes;
        for (const auto &[coder, tag] : p.annotations().articleTagsByCoder(id))
            ++out[coder].articleTags;
        for (const QString &coder : p.library().doneCoders(id))
            ++out[coder].done;
    }
    return out;
}

std::map<QString, Counts> perCoder(const QString &path)
{
    auto p = openProject(path, Project::Access::ReadOnly);
    return perCoder(*p);
}

// Everything a user would notice changed in a project: coding, codebook, sets, articles.
QStringList snapshot(Project &p)
{
    QStringList out;
    for (const auto &[coder, c] : perCoder(p))
        out << QStringLiteral("%1: %2 %3 %4 %5")
                   .arg(coder)
                   .arg(c.highlights)
                   .arg(c.notes)
                   .arg(c.articleTags)
                   .arg(c.done);
    for (const auto &t : p.codebook().tags())
        out << QStringLiteral("tag %1 %2 %3").arg(p.codebook().path(t.id), t.color, t.description);
    for (const auto &s : p.sets().all())
        out << QStringLiteral("set %1 %2").arg(s.name).arg(p.sets().articles(s.id).size());
    out << QStringLiteral("articles %1").arg(p.library().count());
    return out;
}

struct Study
{
    QTemporaryDir dir;
    QString base = dir.filePath(QStringLiteral("base.gloss"));
    QString ann = dir.filePath(QStringLiteral("ann.gloss"));
    QString ben = dir.filePath(QStringLiteral("ben.gloss"));
    QString target = dir.filePath(QStringLiteral("team.gloss"));

    Study()
    {
        makeBase(base);
        REQUIRE(Backups::copy(base, ann).isEmpty());
        REQUIRE(Backups::copy(base, ben).isEmpty());
        REQUIRE(Backups::copy(base, target).isEmpty());
        code(ann, QStringLiteral("ann"), 0);
        code(ben, QStringLiteral("ben"), 2);
    }
};

} // namespace

TEST_CASE("two coders' copies merge into one project with nothing lost, and again changes nothing", "[merge]")
{
    Study s;
    auto team = openProject(s.target);
    const int tagsBefore = int(team->codebook().tags().size());

    const MergeResult a = team->merge().mergeFrom(s.ann);
    INFO(a.error.toStdString());
    REQUIRE(a.ok());
    CHECK(a.articles == Articles);
    CHECK(a.articlesMissing == 0);
    CHECK(a.highlightsAdded == 3 * Articles);
    CHECK(a.highlightsThere == 0);
    CHECK(a.notesAdded == Articles);
    CHECK(a.articleTagsAdded == Articles);
    CHECK(a.doneMarksAdded == Articles);
    CHECK(a.tagsCreated == 2); // Mood, Mood > ann
    CHECK(a.setsCreated == 1); // ann's picks
    CHECK(a.setMembersAdded == 3); // Sample's members are the same articles here
    CHECK(a.conflicts.isEmpty());
    CHECK(a.coders == QStringList{QStringLiteral("ann")});
    CHECK(QFileInfo::exists(a.backupPath));
    CHECK(a.backupPath.contains(QStringLiteral("before-merge")));

    const MergeResult b = team->merge().mergeFrom(s.ben);
    REQUIRE(b.ok());
    CHECK(b.highlightsAdded == 3 * Articles);
    CHECK(b.tagsCreated == 1); // Mood > ben

    // Every coder's work as in their own copy.
    const auto merged = perCoder(*team);
    const auto fromAnn = perCoder(s.ann);
    const auto fromBen = perCoder(s.ben);
    REQUIRE(merged.size() == 2);
    CHECK(merged.at(QStringLiteral("ann")) == fromAnn.at(QStringLiteral("ann")));
    CHECK(merged.at(QStringLiteral("ben")) == fromBen.at(QStringLiteral("ben")));
    CHECK(int(team->codebook().tags().size()) == tagsBefore + 3);

    // A merged highlight keeps its tags, note, coder and times.
    const qint64 first = team->library().ids({}).first();
    auto annProject = openProject(s.ann, Project::Access::ReadOnly);
    const qint64 annFirst = annProject->library().ids({}).first();
    const auto theirs = annProject->annotations().highlights(annFirst);
    QStringList want;
    for (const auto &h : theirs) {
        QStringList tags;
        for (const qint64 t : h.tagIds)
            tags << annProject->codebook().path(t);
        tags.sort();
        want << QStringLiteral("%1..%2 %3 %4 %5 %6")
                    .arg(h.start)
                    .arg(h.end)
                    .arg(tags.join(u';'), h.note, h.coder, h.created.toString(Qt::ISODateWithMs));
    }
    QStringList got;
    for (const auto &h : team->annotations().highlights(first)) {
        if (h.coder != u"ann")
            continue;
        QStringList tags;
        for (const qint64 t : h.tagIds)
            tags << team->codebook().path(t);
        tags.sort();
        got << QStringLiteral("%1..%2 %3 %4 %5 %6")
                   .arg(h.start)
                   .arg(h.end)
                   .arg(tags.join(u';'), h.note, h.coder, h.created.toString(Qt::ISODateWithMs));
    }
    want.sort();
    got.sort();
    CHECK(got == want);
    CHECK(team->annotations().articleNote(first, QStringLiteral("ben"))
        == QStringLiteral("ben's note on %1").arg(annFirst));

    // Merging both again changes nothing.
    const QStringList before = snapshot(*team);
    const MergeResult again = team->merge().mergeFrom(s.ann);
    REQUIRE(again.ok());
    CHECK(again.highlightsAdded == 0);
    CHECK(again.highlightsThere == 3 * Articles);
    CHECK(again.notesAdded == 0);
    CHECK(again.articleTagsAdded == 0);
    CHECK(again.doneMarksAdded == 0);
    CHECK(again.tagsCreated == 0);
    CHECK(again.setsCreated == 0);
    CHECK(again.setMembersAdded == 0);
    CHECK(team->merge().mergeFrom(s.ben).highlightsAdded == 0);
    CHECK(snapshot(*team) == before);
}

namespace {

std::optional<gloss::model::Entity> entityNamed(Project &p, const QString &name)
{
    for (const gloss::model::Entity &e : p.entities().list())
        if (e.name == name)
            return e;
    return std::nullopt;
}

gloss::model::TimeRefOverride dateOn(qint64 article, const QString &body, const QString &words, const QString &value)
{
    gloss::model::TimeRefOverride o;
    o.articleId = article;
    o.start = body.indexOf(words); // ASCII bodies: code points are UTF-16 positions
    o.end = o.start + words.size();
    o.value = value;
    o.granularity = QStringLiteral("day");
    return o;
}

} // namespace

TEST_CASE("a merge brings date corrections and entity decisions with their coder, once", "[merge]")
{
    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("base.gloss"));
    const QString ann = dir.filePath(QStringLiteral("ann.gloss"));
    makeBase(base);
    {
        auto p = openProject(base);
        for (const qint64 id : p->library().ids({}))
            p->entities().extract(*p->library().article(id));
        REQUIRE(entityNamed(*p, QStringLiteral("Doha")));
        CHECK(entityNamed(*p, QStringLiteral("Doha"))->decidedBy.isEmpty());
    }
    REQUIRE(Backups::copy(base, ann).isEmpty());
    qint64 first = 0;
    QString body;
    {
        auto p = openProject(ann);
        p->setCoder(QStringLiteral("ann"));
        first = p->library().ids({}).first();
        body = p->library().article(first)->body;
        p->timeline().setOverride(dateOn(first, body, QStringLiteral("Tuesday"), QStringLiteral("2024-03-05")));
        gloss::model::TimeRefOverride notADate = dateOn(first, body, QStringLiteral("night"), QString());
        notADate.granularity.clear();
        notADate.dismissed = true;
        p->timeline().setOverride(notADate);
        const qint64 doha = entityNamed(*p, QStringLiteral("Doha"))->id;
        p->entities().rename(doha, QStringLiteral("Doha, Qatar"));
        p->entities().confirm(doha);
        qint64 envoy = 0;
        const qint64 at = body.indexOf(u"envoy");
        p->entities().markSpan(first, at, at + 5, gloss::model::EntityType::Person, &envoy);
        qint64 protesters = 0;
        const qint64 at2 = body.indexOf(u"Protesters");
        p->entities().markSpan(first, at2, at2 + 10, gloss::model::EntityType::Other, &protesters);
        p->entities().reject(protesters);
    }

    auto team = openProject(base);
    team->setCoder(QStringLiteral("lead"));
    const MergeResult r = team->merge().mergeFrom(ann);
    INFO(r.error.toStdString());
    REQUIRE(r.ok());
    CHECK(r.datesAdded == 2);
    CHECK(r.dateConflicts.isEmpty());
    CHECK(r.entityConflicts.isEmpty());
    CHECK(r.entityDecisions == 3); // the envoy marked, "Protesters" rejected, Doha renamed and confirmed
    CHECK(r.coders.contains(QStringLiteral("ann")));
    CHECK(r.summary().contains(QStringLiteral("2 date corrections")));

    const auto tuesday
        = team->store().timeRefs().override(first, body.indexOf(u"Tuesday"), body.indexOf(u"Tuesday") + 7);
    REQUIRE(tuesday);
    CHECK(tuesday->value == QStringLiteral("2024-03-05"));
    CHECK(tuesday->coder == QStringLiteral("ann"));
    const auto night = team->store().timeRefs().override(first, body.indexOf(u"night"), body.indexOf(u"night") + 5);
    REQUIRE(night);
    CHECK(night->dismissed);
    CHECK(night->coder == QStringLiteral("ann"));

    const auto doha = entityNamed(*team, QStringLiteral("Doha, Qatar"));
    REQUIRE(doha);
    CHECK(doha->confirmed);
    CHECK(doha->decidedBy == QStringLiteral("ann"));
    CHECK(doha->mentions == Articles);
    CHECK_FALSE(entityNamed(*team, QStringLiteral("Doha")));
    const auto envoy = entityNamed(*team, QStringLiteral("envoy"));
    REQUIRE(envoy);
    CHECK(envoy->decidedBy == QStringLiteral("ann"));
    bool marked = false;
    for (const auto &m : team->entities().articleMentions(first))
        marked = marked || (m.entityId == envoy->id && m.manual && m.start == body.indexOf(u"envoy"));
    CHECK(marked);
    const QList<gloss::model::RejectedName> rejected = team->entities().rejections();
    REQUIRE(rejected.size() == 1);
    CHECK(rejected.first().name == QStringLiteral("Protesters"));
    CHECK(rejected.first().coder == QStringLiteral("ann"));

    SECTION("merging the same file again changes nothing")
    {
        const MergeResult again = team->merge().mergeFrom(ann);
        REQUIRE(again.ok());
        CHECK(again.datesAdded == 0);
        CHECK(again.entityDecisions == 0);
        CHECK(again.dateConflicts.isEmpty());
        CHECK(again.entityConflicts.isEmpty());
    }
    SECTION("a date or an entity decided otherwise here keeps this project's, and is reported")
    {
        const QString ben = dir.filePath(QStringLiteral("ben.gloss"));
        REQUIRE(Backups::copy(base, ben).isEmpty());
        {
            auto p = openProject(ben);
            p->setCoder(QStringLiteral("ben"));
            p->timeline().setOverride(dateOn(first, body, QStringLiteral("Tuesday"), QStringLiteral("2024-03-12")));
            p->entities().retype(entityNamed(*p, QStringLiteral("Doha, Qatar"))->id, gloss::model::EntityType::Other);
        }
        const MergeResult theirs = team->merge().mergeFrom(ben);
        REQUIRE(theirs.ok());
        REQUIRE(theirs.dateConflicts.size() == 1);
        CHECK(theirs.dateConflicts.first().contains(
            QStringLiteral("2024-03-05 (day) by ann here, 2024-03-12 (day) by ben there")));
        REQUIRE(theirs.entityConflicts.size() == 1);
        CHECK(theirs.entityConflicts.first().contains(QStringLiteral("other, decided by ben")));
        CHECK(theirs.summary().contains(QStringLiteral("1 date conflict")));
        CHECK(team->store().timeRefs().override(first, body.indexOf(u"Tuesday"), body.indexOf(u"Tuesday") + 7)->value
            == QStringLiteral("2024-03-05"));
        CHECK(entityNamed(*team, QStringLiteral("Doha, Qatar"))->type == gloss::model::EntityType::Place);
    }
}

TEST_CASE("a tag with another colour or description keeps this project's and is reported", "[merge]")
{
    Study s;
    {
        auto ben = openProject(s.ben);
        const qint64 places = *ben->codebook().find(QStringLiteral("Places"));
        ben->codebook().recolor(places, QStringLiteral("#00ff00"));
        ben->codebook().describe(*ben->codebook().find(QStringLiteral("Actors")), QStringLiteral("People"));
    }
    auto team = openProject(s.target);
    const MergeResult r = team->merge().mergeFrom(s.ben);
    REQUIRE(r.ok());
    REQUIRE(r.conflicts.size() == 2);
    CHECK(r.conflicts.join(u'\n').contains(QStringLiteral("Places: colour #0000aa here, #00ff00 there")));
    CHECK(r.conflicts.join(u'\n').contains(QStringLiteral("Actors: description \"Who acts\" here, \"People\" there")));
    CHECK(r.summary().contains(QStringLiteral("2 tag conflicts (this project's kept)")));
    const auto places = team->codebook().tag(*team->codebook().find(QStringLiteral("Places")));
    CHECK(places->color == QStringLiteral("#0000aa"));
    CHECK(team->codebook().tag(*team->codebook().find(QStringLiteral("Actors")))->description
        == QStringLiteral("Who acts"));
    // Ben's highlights with Places still came in, under this project's tag.
    CHECK(perCoder(*team).at(QStringLiteral("ben")).highlights == 3 * Articles);
}

TEST_CASE("a file that is not a project, a newer Gloss's project and this project itself are refused, nothing "
          "changed",
    "[merge]")
{
    Study s;
    const QString text = s.dir.filePath(QStringLiteral("notes.gloss"));
    {
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("These are my notes, not a project.\n");
    }
    const QString newer = s.dir.filePath(QStringLiteral("newer.gloss"));
    REQUIRE(Backups::copy(s.ann, newer).isEmpty());
    {
        auto opened = gloss::storage::sqlite::Database::open(newer);
        REQUIRE(opened.db);
        opened.db->exec(
            "PRAGMA user_version=" + QByteArray::number(gloss::storage::sqlite::Database::schemaVersion() + 1));
    }
    auto team = openProject(s.target);
    const QStringList before = snapshot(*team);

    const MergeResult notProject = team->merge().mergeFrom(text);
    CHECK_FALSE(notProject.ok());
    CHECK(notProject.error.startsWith(text));
    CHECK(notProject.error.contains(QStringLiteral("not a Gloss project")));
    CHECK(notProject.error.contains(QStringLiteral("othing was merged")));

    const MergeResult fromNewer = team->merge().mergeFrom(newer);
    CHECK_FALSE(fromNewer.ok());
    CHECK(fromNewer.error.startsWith(newer));
    CHECK(fromNewer.error.contains(QStringLiteral("newer version of Gloss")));

    const MergeResult itself = team->merge().mergeFrom(s.target);
    CHECK_FALSE(itself.ok());
    CHECK(itself.error.contains(QStringLiteral("this project itself")));

    const MergeResult missing = team->merge().mergeFrom(s.dir.filePath(QStringLiteral("nowhere.gloss")));
    CHECK(missing.error.contains(QStringLiteral("no such file")));

    CHECK(snapshot(*team) == before);
    // No backup was taken for a refusal.
    CHECK(team->backups().list().isEmpty());
}

TEST_CASE("articles this project lacks are reported, and imported with their coding when asked", "[merge]")
{
    Study s;
    {
        // The target lacks five articles; a sixth is the same story with another text (a corrected
        // copy), found by its title and date, its passages found again in the new text.
        auto team = openProject(s.target);
        const QList<qint64> ids = team->library().ids({});
        for (int i = 0; i < 5; ++i)
            team->store().articles().remove(ids.at(i));
        const auto sixth = team->library().article(ids.at(5));
        gloss::model::Article corrected = *sixth;
        team->store().articles().remove(corrected.id);
        corrected.id = 0;
        corrected.contentHash.clear();
        corrected.body = QStringLiteral("UPDATED: ") + corrected.body;
        team->store().articles().insert(corrected);
    }
    auto team = openProject(s.target);
    const MergeResult r = team->merge().mergeFrom(s.ann);
    REQUIRE(r.ok());
    CHECK(r.articles == Articles - 5);
    CHECK(r.articlesMissing == 5);
    CHECK(r.articlesImported == 0);
    CHECK(r.summary().contains(QStringLiteral(
        "5 articles are not in this project; their coding was not merged; `--with-articles` imports them")));
    CHECK(r.highlightsAdded == 3 * (Articles - 5));
    CHECK(r.highlightsLeftOut == 0);
    CHECK(team->library().count() == Articles - 5);

    // The corrected article's highlights sit on the same words in its new text.
    const qint64 corrected
        = *team->store().annotationLookups().articlesByTitle(QStringLiteral("Article 6"), QDate(2024, 3, 6)).begin();
    const auto body = team->library().article(corrected)->body;
    for (const auto &h : team->annotations().highlights(corrected))
        CHECK((body.mid(int(h.start), int(h.end - h.start)) == u"minister" || body.mid(int(h.start), 4) == u"Doha"));

    const MergeResult all = team->merge().mergeFrom(s.ann, MergeOptions{true, {}});
    REQUIRE(all.ok());
    CHECK(all.articlesImported == 5);
    CHECK(all.articlesMissing == 0);
    CHECK(all.highlightsAdded == 3 * 5);
    CHECK(team->library().count() == Articles);
    CHECK(perCoder(*team).at(QStringLiteral("ann")) == perCoder(s.ann).at(QStringLiteral("ann")));
    // Imported with their variables, and their entities found.
    const qint64 imported
        = *team->store().annotationLookups().articlesByTitle(QStringLiteral("Article 1"), QDate(2024, 3, 1)).begin();
    CHECK(team->library().variables(imported).size() == 1);
    CHECK(team->library().article(imported)->source == QStringLiteral("Wire"));
    // Once imported, merging again finds them.
    CHECK(team->merge().mergeFrom(s.ann, MergeOptions{true, {}}).articlesImported == 0);
}

TEST_CASE("a merge that fails part way, or into a read-only project, leaves the project as it was", "[merge]")
{
    Study s;
    {
        auto team = openProject(s.target);
        const QStringList before = snapshot(*team);
        int seen = 0;
        const MergeResult stopped = team->merge().mergeFrom(s.ann, {}, [&](qint64 done, qint64 total) {
            seen = int(total);
            return done < 10; // the disk fails, the user cancels: half way through
        });
        CHECK_FALSE(stopped.ok());
        CHECK(seen == Articles);
        CHECK(stopped.error.contains(QStringLiteral("othing was merged")));
        CHECK(snapshot(*team) == before);
    }
    QFile::setPermissions(s.target, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    {
        auto team = openProject(s.target, Project::Access::ReadOnly);
        const QStringList before = snapshot(*team);
        const MergeResult refused = team->merge().mergeFrom(s.ann);
        CHECK_FALSE(refused.ok());
        CHECK(refused.error.contains(QStringLiteral("read-only")));
        CHECK(snapshot(*team) == before);
    }
    QFile::setPermissions(s.target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("split hands out the articles and codebook without coding, or with one coder's only", "[merge][split]")
{
    Study s;
    {
        auto team = openProject(s.target);
        REQUIRE(team->merge().mergeFrom(s.ann).ok());
        REQUIRE(team->merge().mergeFrom(s.ben).ok());
    }
    auto team = openProject(s.target);
    const QString blank = s.dir.filePath(QStringLiteral("new-coder.gloss"));
    const auto r = team->merge().split(blank, {});
    INFO(r.error.toStdString());
    REQUIRE(r.ok());
    CHECK(r.articles == Articles);
    CHECK(r.highlights == 0);
    {
        auto p = openProject(blank, Project::Access::ReadOnly);
        CHECK(perCoder(*p).empty());
        CHECK(p->library().count() == Articles);
        CHECK(p->codebook().tags().size() == team->codebook().tags().size());
        CHECK(p->library().variables(p->library().ids({}).first()).size() == 1);
        CHECK(p->sets().find(QStringLiteral("Sample")).has_value());
    }
    // Nothing of the coders' notes is left in the file, not even in its free pages.
    {
        QFile f(blank);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        CHECK_FALSE(bytes.contains("ann's note on"));
        CHECK_FALSE(bytes.contains("thinks so"));
    }

    // An existing file is kept unless asked.
    const auto again = team->merge().split(blank, {});
    CHECK_FALSE(again.ok());
    CHECK(again.error.contains(QStringLiteral("the file exists")));

    const QString annOnly = s.dir.filePath(QStringLiteral("ann-only.gloss"));
    SplitOptions onlyAnn;
    onlyAnn.onlyCoder = true;
    onlyAnn.coder = QStringLiteral("ann");
    const auto a = team->merge().split(annOnly, onlyAnn);
    REQUIRE(a.ok());
    CHECK(a.highlights == 3 * Articles);
    {
        const auto counts = perCoder(annOnly);
        REQUIRE(counts.size() == 1);
        CHECK(counts.at(QStringLiteral("ann")) == perCoder(s.ann).at(QStringLiteral("ann")));
        QFile f(annOnly);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK_FALSE(f.readAll().contains("ben's note on"));
    }
    // Replacing with --force; an unknown coder is refused and the file left as it was.
    onlyAnn.overwrite = true;
    onlyAnn.coder = QStringLiteral("cid");
    const auto unknown = team->merge().split(annOnly, onlyAnn);
    CHECK_FALSE(unknown.ok());
    CHECK(unknown.error.contains(QStringLiteral("cid has coded nothing")));
    CHECK(perCoder(annOnly).size() == 1);
    // No half-written file is left beside it.
    CHECK(QDir(s.dir.path()).entryList({QStringLiteral("*.split*")}).isEmpty());
    onlyAnn.coder = QStringLiteral("ben");
    REQUIRE(team->merge().split(annOnly, onlyAnn).ok());
    CHECK(perCoder(annOnly).count(QStringLiteral("ben")) == 1);
    CHECK(perCoder(annOnly).count(QStringLiteral("ann")) == 0);
}
