#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "storage/entityrepository.h"
#include "storage/store.h"
#include "support/glossprocess.h"
#include "support/tempproject.h"
#include "text/codepoints.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

const QStringList Layouts = {QStringLiteral("highlights"), QStringLiteral("highlights-wide"),
    QStringLiteral("articles"), QStringLiteral("codebook"), QStringLiteral("entities")};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QStringList> readCsv(const QString &path)
{
    gloss::csv::CsvReader reader(QString::fromUtf8(readAll(path)));
    QList<QStringList> rows;
    QStringList fields;
    int line = 0;
    while (reader.next(fields, line))
        rows.append(fields);
    return rows;
}

// Highlight of `text` (its first occurrence after `from`) in the article, through core; returns its id.
qint64 highlight(gloss::Project &p, qint64 articleId, const QString &text, const QStringList &tags,
    const QString &note = {}, const QString &coder = QStringLiteral("ana"), qsizetype from = 0)
{
    const QString body = p.store().articles().get(articleId)->body;
    const qsizetype at = body.indexOf(text, from);
    REQUIRE(at >= 0);
    gloss::model::Highlight h;
    h.articleId = articleId;
    h.start = gloss::text::toCodePoints(body, at);
    h.end = gloss::text::toCodePoints(body, at + text.size());
    h.note = note;
    h.coder = coder;
    for (const QString &t : tags)
        h.tagIds.append(p.store().tags().ensure(t));
    return p.store().highlights().add(h);
}

// An entity with its aliases and mentions, stored as an extraction stores them. The alias keys are
// the names in lower case, so "Zürich" and "Zurich" are two aliases of one entity.
void addEntity(gloss::Project &p, const QString &name, const char *type, const QStringList &aliases,
    const QList<std::pair<qint64, QString>> &mentions)
{
    auto &entities = p.store().entities();
    const qint64 id = entities.insertEntity(
        name, gloss::model::entityTypeFromName(QString::fromLatin1(type)).value_or(gloss::model::EntityType::Other));
    QList<gloss::model::Alias> rows;
    for (const QString &alias : aliases)
        rows.append({alias.toLower(), id, alias, false});
    entities.insertAliases(rows);
    QList<gloss::model::Mention> found;
    for (const auto &[articleId, text] : mentions) {
        const QString body = p.store().articles().get(articleId)->body;
        const qsizetype at = body.indexOf(text);
        REQUIRE(at >= 0);
        gloss::model::Mention m;
        m.entityId = id;
        m.articleId = articleId;
        m.start = gloss::text::toCodePoints(body, at);
        m.end = gloss::text::toCodePoints(body, at + text.size());
        m.text = text;
        found.append(m);
    }
    entities.insertMentions(found);
}

// The awkward corpus: emoji, accents, quotes, commas, newlines, formula-leading text, tags with ">".
void buildFixture(gloss::test::TempProject &tp)
{
    gloss::Project &p = tp.project();
    const qint64 emoji = tp.addArticle(QStringLiteral("Fans cheer 😀 in Zürich, \"again\""),
        QStringLiteral("Fans posted 😀 and 🇵🇰 as Núñez arrived in Zürich.\n"
                       "\"We waited,\" said Ana, \"for hours.\"\nThe crowd sang 🎉🎉."),
        QDate(2018, 6, 9), QStringLiteral("AFP"));
    const qint64 formula = tp.addArticle(QStringLiteral("=HYPERLINK(\"http://evil\")"),
        QStringLiteral("=1+1 is not a sum here.\n+cmd|' /C calc'!A0 and -dash and @home.\n"
                       "-12.5 degrees, 'quoted' and ''=x too."),
        QDate(2019, 1, 2), QStringLiteral("@wire"));
    const qint64 undated = tp.addArticle(QStringLiteral("Undated, with commas"),
        QStringLiteral("Crème brûlée, café, naïve façade."), QDate(), QStringLiteral("Le Monde"));
    tp.addArticle(QStringLiteral("No highlights"), QStringLiteral("Nothing to see."), QDate(2018, 6, 9));

    highlight(p, emoji, QStringLiteral("😀 and 🇵🇰"), {QStringLiteral("Emoji"), QStringLiteral("Actors > Fans")},
        QStringLiteral("two lines\nof note, with \"quotes\""));
    highlight(p, emoji, QStringLiteral("Núñez"), {QStringLiteral("Actors > Officials"), QStringLiteral("Pro>Con")});
    highlight(p, emoji, QStringLiteral("\"We waited,\" said Ana"), {QStringLiteral("Cause -> effect")}, {},
        QStringLiteral("bo"));
    highlight(p, emoji, QStringLiteral("🎉🎉"), {}, QStringLiteral("=not a formula"));
    highlight(p, formula, QStringLiteral("=1+1"), {QStringLiteral("Formula")}, QStringLiteral("+1 note"),
        QStringLiteral("-coder"));
    highlight(p, formula, QStringLiteral("+cmd|' /C calc'!A0"), {QStringLiteral("Formula")});
    highlight(p, formula, QStringLiteral("-dash"), {QStringLiteral("Formula")}, QStringLiteral("@mention"));
    highlight(p, formula, QStringLiteral("@home"), {});
    highlight(p, formula, QStringLiteral("-12.5"), {QStringLiteral("Numbers")});
    highlight(p, formula, QStringLiteral("''=x"), {QStringLiteral("Formula")}, QStringLiteral("'=kept"));
    highlight(p, undated, QStringLiteral("Crème brûlée, café"), {QStringLiteral("Food")},
        QStringLiteral("line one\r\nline two"));

    p.store().tags().setDescription(
        *p.store().tags().find(QStringLiteral("Food")), QStringLiteral("=what, \"they\" eat\nand drink"));
    p.store().articles().setArticleTags(emoji, QString(),
        {*p.store().tags().find(QStringLiteral("Emoji")), *p.store().tags().find(QStringLiteral("Pro>Con"))});
    p.store().highlights().setArticleNote(emoji, QString(), QStringLiteral("note on the article,\n\"quoted\""));
    const qint64 set = p.store().sets().create(QStringLiteral("Chosen"));
    p.store().sets().addArticles(set, {emoji, undated});

    addEntity(p, QStringLiteral("Zürich"), "place",
        {QStringLiteral("Zürich"), QStringLiteral("Zurich"), QStringLiteral("ZH")},
        {{emoji, QStringLiteral("Zürich")}, {emoji, QStringLiteral("Zürich.")}});
    addEntity(
        p, QStringLiteral("Ana"), "person", {}, {{emoji, QStringLiteral("Ana")}, {undated, QStringLiteral("naïve")}});
    addEntity(
        p, QStringLiteral("=Evil Corp"), "organization", {QStringLiteral("+EC")}, {{formula, QStringLiteral("=1+1")}});
    addEntity(p, QStringLiteral("Nobody"), "other", {}, {});
}

Run exportTo(const QString &project, const QString &layout, const QString &file, const QStringList &extra = {})
{
    QStringList args = {QStringLiteral("export"), QStringLiteral("--layout"), layout, QStringLiteral("-o"), file};
    if (layout == u"articles")
        args << QStringLiteral("--with-body");
    return runGloss(args + extra, project);
}

Run checkWithPython(const QString &project, const QString &dir, const QStringList &flags)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
        QStringList{QStringLiteral(GLOSS_SOURCE_DIR "/tests/scripts/check_export.py"), project, dir} + flags);
    REQUIRE(python.waitForFinished(60000));
    return {python.exitCode(), QString::fromUtf8(python.readAllStandardOutput()),
        QString::fromUtf8(python.readAllStandardError())};
}

} // namespace

TEST_CASE("every layout reads back in Python's csv module, every column, guarded with a BOM and raw", "[cli][export]")
{
    gloss::test::TempProject tp;
    buildFixture(tp);
    tp.close();

    for (const bool raw : {false, true}) {
        QTemporaryDir out;
        QStringList flags = raw ? QStringList{QStringLiteral("--raw")} : QStringList{QStringLiteral("--bom")};
        for (const QString &layout : Layouts) {
            const Run r = exportTo(tp.path(), layout, out.filePath(layout + u".csv"), flags);
            INFO(r.err.toStdString());
            REQUIRE(r.code == 0);
            CHECK(r.out.contains(out.filePath(layout + u".csv")));
        }
        const Run check = checkWithPython(tp.path(), out.path(), flags);
        INFO(check.out.toStdString() << check.err.toStdString());
        CHECK(check.code == 0);
        CHECK(check.out.contains(QStringLiteral("highlights: 13 rows checked")));
        CHECK(check.out.contains(QStringLiteral("highlights-wide: 11 rows checked")));
        CHECK(check.out.contains(QStringLiteral("articles: 4 rows checked")));
        CHECK(check.out.contains(QStringLiteral("entities: 4 rows checked")));

        // What a spreadsheet user sees in a few telling cells.
        const QByteArray highlights = readAll(out.filePath(QStringLiteral("highlights.csv")));
        if (raw) {
            CHECK(highlights.contains(",=1+1,Formula,+1 note,-coder,"));
            CHECK(highlights.startsWith("article_id,"));
        } else {
            CHECK(highlights.startsWith("\xEF\xBB\xBF"
                                        "article_id,"));
            CHECK(highlights.contains(",'=1+1,Formula,'+1 note,'-coder,"));
            CHECK(highlights.contains(",-12.5,Numbers,"));
            CHECK(highlights.contains(",'''=x,Formula,''=kept,"));
        }
        CHECK(highlights.contains("\"two lines\nof note, with \"\"quotes\"\"\""));
        CHECK(highlights.endsWith("\r\n"));
    }
}

TEST_CASE(
    "export: filters choose the articles, usage errors exit 2, a missing folder is named", "[cli][export][engines]")
{
    gloss::test::TempProject tp;
    buildFixture(tp);
    tp.close();
    QTemporaryDir out;
    const QString file = out.filePath(QStringLiteral("set.csv"));

    REQUIRE(exportTo(
                tp.path(), QStringLiteral("highlights-wide"), file, {QStringLiteral("--set"), QStringLiteral("Chosen")})
                .code
        == 0);
    QList<QStringList> rows = readCsv(file);
    REQUIRE(rows.size() == 1 + 5);
    for (qsizetype i = 1; i < rows.size(); ++i)
        CHECK(
            (rows.at(i).at(1).startsWith(QStringLiteral("Fans cheer")) || rows.at(i).at(1) == u"Undated, with commas"));
    // Articles without a date come first.
    CHECK(rows.at(1).at(2).isEmpty());

    REQUIRE(
        exportTo(tp.path(), QStringLiteral("articles"), file, {QStringLiteral("--from"), QStringLiteral("2019")}).code
        == 0);
    rows = readCsv(file);
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(1).at(2) == u"2019-01-02");
    CHECK(rows.at(0).last() == u"body");

    REQUIRE(
        exportTo(tp.path(), QStringLiteral("codebook"), file, {QStringLiteral("--tag"), QStringLiteral("Food")}).code
        == 0);
    rows = readCsv(file);
    bool sawFood = false;
    for (const QStringList &r : std::as_const(rows)) {
        if (r.at(0) == u"Food") {
            sawFood = true;
            CHECK(r.at(4) == u"1");
            CHECK(r.at(5) == u"1");
        }
        if (r.at(0) == u"Formula")
            CHECK(r.at(4) == u"0"); // counted within the scope only
        if (r.at(0) == u"Actors > Officials")
            CHECK(r.at(1) == u"Actors");
    }
    CHECK(sawFood);

    REQUIRE(
        exportTo(tp.path(), QStringLiteral("entities"), file, {QStringLiteral("--set"), QStringLiteral("Chosen")}).code
        == 0);
    rows = readCsv(file);
    REQUIRE(rows.size() == 3); // Ana and Zürich; =Evil Corp and Nobody are not mentioned there
    CHECK(rows.at(1)
        == QStringList{QStringLiteral("Ana"), QStringLiteral("person"), QString(), QStringLiteral("2"),
            QStringLiteral("2"), QStringLiteral("2018-06-09"), QStringLiteral("2018-06-09")});
    CHECK(rows.at(2).at(2) == u"ZH; Zurich");

    // To standard output when there is no -o.
    const Run toStdout
        = runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("codebook")}, tp.path());
    CHECK(toStdout.code == 0);
    CHECK(toStdout.out.startsWith(QStringLiteral("tag,parent,color,description,highlights,articles\r\n")));

    const Run bad = runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("wide")}, tp.path());
    CHECK(bad.code == 2);
    CHECK(bad.err.contains(QStringLiteral("highlights|highlights-wide|articles|codebook|entities")));
    CHECK(runGloss({QStringLiteral("export")}, tp.path()).code == 2);
    CHECK(runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("codebook"),
                       QStringLiteral("--with-body")},
              tp.path())
              .code
        == 2);
    CHECK(runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("codebook"),
                       QStringLiteral("--set"), QStringLiteral("Nope")},
              tp.path())
              .code
        == 2);

    const QString missing = out.filePath(QStringLiteral("no/such/folder/out.csv"));
    const Run noFolder = exportTo(tp.path(), QStringLiteral("highlights"), missing);
    CHECK(noFolder.code == 1);
    CHECK(noFolder.err.contains(missing));
    CHECK(noFolder.err.contains(QStringLiteral("does not exist")));
}

TEST_CASE("export of an empty project is the header row alone", "[cli][export][engines]")
{
    gloss::test::TempProject tp;
    tp.close();
    QTemporaryDir out;
    for (const QString &layout : Layouts) {
        const QString file = out.filePath(layout + u".csv");
        REQUIRE(exportTo(tp.path(), layout, file).code == 0);
        const QByteArray data = readAll(file);
        CHECK(data.endsWith("\r\n"));
        CHECK(data.count("\r\n") == 1);
        CHECK(data.startsWith(layout == u"codebook" ? "tag," : layout == u"entities" ? "entity," : "article_id,"));
    }
}

// SQLite only: the Python check reads the project file.
TEST_CASE("an empty project's export reads back in Python's csv module", "[cli][export]")
{
    gloss::test::TempProject tp;
    tp.close();
    QTemporaryDir out;
    for (const QString &layout : Layouts)
        REQUIRE(exportTo(tp.path(), layout, out.filePath(layout + u".csv")).code == 0);
    const Run check = checkWithPython(tp.path(), out.path(), {});
    INFO(check.out.toStdString());
    CHECK(check.code == 0);
}

namespace {

struct Corpus
{
    QStringList titles;
    QStringList bodies;
    QList<QDate> dates;
};

// The UTF-8 text articles of the sample corpus (the importer reads the others).
Corpus sampleCorpus()
{
    Corpus c;
    const QDir dir(QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples"));
    int i = 0;
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QByteArray bytes = readAll(dir.filePath(name));
        if (name.contains(u"cp1252") || name.contains(u"utf16"))
            continue;
        QString text = QString::fromUtf8(bytes);
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        c.titles.append(name.section(u'.', 0, 0));
        c.bodies.append(text);
        c.dates.append(i % 4 == 3 ? QDate() : QDate(2018, 6, 1 + i % 3)); // shared dates and no dates
        ++i;
    }
    return c;
}

// The rows of an export without the two id columns, sorted: what must survive a round trip.
QList<QStringList> withoutIds(QList<QStringList> rows)
{
    rows.removeFirst();
    for (QStringList &r : rows) {
        r.removeAt(4); // highlight_id
        r.removeAt(0); // article_id
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

TEST_CASE("export, import-annotations into a copy with other ids, export again: the same rows",
    "[cli][export][roundtrip][engines]")
{
    const Corpus corpus = sampleCorpus();
    REQUIRE(corpus.bodies.size() >= 15);

    gloss::test::TempProject source;
    QList<qint64> ids;
    for (qsizetype i = 0; i < corpus.bodies.size(); ++i)
        ids.append(source.addArticle(corpus.titles.at(i), corpus.bodies.at(i), corpus.dates.at(i)));
    // A few hundred highlights at random spans, tagged from a small codebook, some with notes.
    const QStringList tags
        = {QStringLiteral("Actors > Officials"), QStringLiteral("Actors > Public"), QStringLiteral("Frame > Conflict"),
            QStringLiteral("Frame > Economy"), QStringLiteral("Pro>Con"), QStringLiteral("=Formula tag")};
    QRandomGenerator rng(7);
    int made = 0;
    gloss::Project &p = source.project();
    {
        gloss::storage::Transaction tx(p.store());
        for (int n = 0; n < 400; ++n) {
            const qsizetype a = rng.bounded(int(ids.size()));
            const QString &body = corpus.bodies.at(a);
            const qsizetype len = gloss::text::codePointLength(body);
            const qint64 start = rng.bounded(int(len - 40));
            gloss::model::Highlight h;
            h.articleId = ids.at(a);
            h.start = start;
            h.end = start + 1 + rng.bounded(60);
            h.end = std::min<qint64>(h.end, len);
            h.coder = n % 3 ? QStringLiteral("ana") : QStringLiteral("bo");
            if (n % 5 == 0)
                h.note = QStringLiteral("note %1, with \"quotes\"\nand a second line").arg(n);
            if (n % 11 == 0)
                h.note = QStringLiteral("=note %1").arg(n);
            const int tagCount = int(rng.bounded(3));
            for (int k = 0; k < tagCount; ++k) {
                const qint64 tag = p.store().tags().ensure(tags.at(rng.bounded(int(tags.size()))));
                if (!h.tagIds.contains(tag))
                    h.tagIds.append(tag);
            }
            p.store().highlights().add(h);
            ++made;
        }
        tx.commit();
    }
    REQUIRE(made == 400);
    source.close();

    QTemporaryDir out;
    const QString first = out.filePath(QStringLiteral("first.csv"));
    const QString firstWide = out.filePath(QStringLiteral("first-wide.csv"));
    REQUIRE(exportTo(source.path(), QStringLiteral("highlights"), first, {QStringLiteral("--bom")}).code == 0);
    REQUIRE(exportTo(source.path(), QStringLiteral("highlights-wide"), firstWide, {QStringLiteral("--raw")}).code == 0);

    for (const QString &file : {first, firstWide}) {
        // The copy: the same articles, inserted in another order after an unrelated one.
        gloss::test::TempProject copy;
        copy.addArticle(QStringLiteral("Unrelated"), QStringLiteral("Shifts every id."));
        for (qsizetype i = corpus.bodies.size() - 1; i >= 0; --i)
            copy.addArticle(corpus.titles.at(i), corpus.bodies.at(i), corpus.dates.at(i));
        copy.close();

        const Run imported = runGloss({QStringLiteral("import-annotations"), file}, copy.path());
        INFO(imported.err.toStdString());
        REQUIRE(imported.code == 0);
        CHECK(imported.out.contains(QStringLiteral("400 highlights created, 0 already there")));

        const QString second = out.filePath(QStringLiteral("second.csv"));
        const bool wide = file == firstWide;
        REQUIRE(exportTo(copy.path(), wide ? QStringLiteral("highlights-wide") : QStringLiteral("highlights"), second,
                    wide ? QStringList{QStringLiteral("--raw")} : QStringList{QStringLiteral("--bom")})
                    .code
            == 0);
        const QList<QStringList> before = withoutIds(readCsv(file));
        const QList<QStringList> after = withoutIds(readCsv(second));
        CHECK(before.size() >= 400);
        CHECK(before == after);

        // Importing again adds nothing.
        const Run again = runGloss({QStringLiteral("import-annotations"), file}, copy.path());
        CHECK(again.code == 0);
        CHECK(again.out.contains(QStringLiteral("0 highlights created, 400 already there, 0 tags created")));
    }
}

TEST_CASE("import-annotations refuses rows whose text moved, names the row, keeps the rest", "[cli][export][engines]")
{
    gloss::test::TempProject tp;
    buildFixture(tp);
    tp.close();
    QTemporaryDir out;
    const QString file = out.filePath(QStringLiteral("h.csv"));
    REQUIRE(exportTo(tp.path(), QStringLiteral("highlights-wide"), file).code == 0);
    QList<QStringList> rows = readCsv(file);
    REQUIRE(rows.size() == 12);
    // Row 3 (spreadsheet numbering) claims other text; row 5 points at an article the copy lacks.
    rows[2][7] = QStringLiteral("not the text");
    rows[4][1] = QStringLiteral("A title nobody has");
    rows[4][0] = QStringLiteral("999");
    QFile f(file);
    REQUIRE(f.open(QIODevice::WriteOnly));
    gloss::csv::CsvWriter writer(f, {false, true});
    for (const QStringList &r : std::as_const(rows))
        writer.writeRow(r);
    REQUIRE(writer.finish());
    f.close();

    gloss::test::TempProject copy; // the same articles, none of the annotations
    tp.reopen();
    const auto articleIds = tp.project().store().articles().ids({}, gloss::model::ArticleOrder::Id);
    for (const qint64 id : articleIds) {
        const auto a = tp.project().store().articles().get(id);
        copy.addArticle(a->title, a->body, a->published, a->source);
    }
    tp.close();
    copy.close();

    const Run r = runGloss({QStringLiteral("import-annotations"), file}, copy.path());
    CHECK(r.code == 1);
    CHECK(r.err.contains(file + QStringLiteral(": row 3: the text at")));
    CHECK(r.err.contains(QStringLiteral("row 5: no article titled \"A title nobody has\"")));
    CHECK(r.out.contains(QStringLiteral("9 highlights created")));
    CHECK(r.out.contains(QStringLiteral("2 rows refused")));

    const Run notExport = runGloss(
        {QStringLiteral("import-annotations"), QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples/corpus-export.csv")},
        copy.path());
    CHECK(notExport.code == 1);
    CHECK(notExport.err.contains(QStringLiteral("not a highlights or highlights-wide export")));
}
