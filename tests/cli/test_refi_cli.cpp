// gloss export --format qdpx|qdc, gloss import FILE.qdpx and gloss import-codebook: what a user
// types and reads back.
#include "support/glossprocess.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using gloss::test::Run;
using gloss::test::runGloss;

namespace {

const QString Fixtures = QStringLiteral(GLOSS_TEST_DATA "/refi");

} // namespace

TEST_CASE("gloss export --format qdpx and gloss import carry a project across", "[cli][refi]")
{
    QTemporaryDir dir;
    const QString from = dir.filePath(QStringLiteral("from.gloss"));
    const QString to = dir.filePath(QStringLiteral("to.gloss"));
    Run r = runGloss({QStringLiteral("import"), Fixtures + QStringLiteral("/nvivo.qdpx")}, from);
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(u"1 article, 3 highlights, 2 tags created, 3 notes, 1 set, 2 coders"));

    const QString qdpx = dir.filePath(QStringLiteral("study.qdpx"));
    r = runGloss(
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("qdpx"), QStringLiteral("-o"), qdpx},
        from);
    REQUIRE(r.code == 0);
    CHECK(r.out
        == QStringLiteral("wrote 1 article, 3 highlights, 2 tags and 3 notes (REFI-QDA project) to %1\n").arg(qdpx));
    r = runGloss({QStringLiteral("import"), qdpx}, to);
    REQUIRE(r.code == 0);
    const Run a = runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("highlights")}, from);
    const Run b = runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("highlights")}, to);
    CHECK(a.out == b.out); // the same ids too: both projects were empty

    const QString qdc = dir.filePath(QStringLiteral("codebook.qdc"));
    r = runGloss(
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("qdc"), QStringLiteral("-o"), qdc}, from);
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(u"wrote 2 tags (REFI-QDA codebook)"));
    r = runGloss({QStringLiteral("import-codebook"), qdc}, dir.filePath(QStringLiteral("codes.gloss")));
    REQUIRE(r.code == 0);
    CHECK(r.out == qdc + QStringLiteral(": 2 tags created, 0 already there\n"));
}

TEST_CASE("gloss import names what a qdpx left out and refuses a bad one", "[cli][refi]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gloss"));
    Run r = runGloss({QStringLiteral("import"), Fixtures + QStringLiteral("/atlasti.qdpx")}, project);
    REQUIRE(r.code == 0);
    CHECK(r.err.contains(u"atlasti.qdpx: left out: picture source \"cornflakes-n-milk.jpg\""));
    r = runGloss({QStringLiteral("import"), Fixtures + QStringLiteral("/dotdot-entry.qdpx")}, project);
    CHECK(r.code == 1);
    CHECK(r.err.contains(u"dotdot-entry.qdpx: refused: the archive holds a path that leaves the archive"));
}

TEST_CASE("gloss export --format refuses what does not go with it", "[cli][refi]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.gloss"));
    Run r = runGloss({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("qdpx")}, project);
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--format qdpx writes a file: give it with -o FILE"));
    r = runGloss({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("-o"),
                     dir.filePath(QStringLiteral("x"))},
        project);
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--format takes qdpx|qdc"));
    r = runGloss({QStringLiteral("export"), QStringLiteral("--layout"), QStringLiteral("highlights"),
                     QStringLiteral("--with-extraction")},
        project);
    CHECK(r.code == 2);
    CHECK(r.err.contains(u"--with-extraction goes with --format qdpx"));
}
