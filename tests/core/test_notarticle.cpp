// Files a folder holds beside articles: code, style sheets, images, archives, build files refused
// by content first and name second; articles that look a little like them kept.
#include "import/importer.h"
#include "import/notarticle.h"
#include "operations/imports.h"
#include "operations/project.h"
#include "support/tempproject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace gloss;
using import::notArticleKind;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

const char *const Article = "Farmers protest over grain prices\n\nMarch 3, 1987\n\n"
                            "CHICAGO, March 3 - Farmers gathered outside the Board of Trade on Tuesday; they said\n"
                            "prices had fallen for a third month.\n\nA spokesman said talks would go on.\n";

const char *const Css
    = "/* site styles */\nbody { margin: 0; font-family: sans-serif; }\n"
      ".headline, h1 > a:hover { color: #333; }\n@media (max-width: 600px) { .nav { display: none; } }\n";

const char *const Svg
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- icon -->\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M0 0h24v24H0z\"/></svg>\n";

const char *const Cpp = "#include <vector>\n\nnamespace demo {\n\nint sum(const std::vector<int> &v)\n{\n"
                        "    int s = 0;\n    for (int x : v)\n        s += x;\n    return s;\n}\n\n}\n";

const char *const Python = "import os\nfrom pathlib import Path\n\n\ndef walk(root):\n"
                           "    for p in Path(root).iterdir():\n        print(p)\n";

const char *const CMake = "cmake_minimum_required(VERSION 3.16)\nproject(demo CXX)\nadd_executable(demo main.cpp)\n";

const char *const Makefile = "all: demo\n\ndemo: main.o\n\t$(CC) -o $@ $^\n";

} // namespace

TEST_CASE("what is not an article, by content first and by name second", "[import][notarticle]")
{
    struct Case
    {
        const char *name;
        QByteArray bytes;
        const char *kind;
    };
    const Case cases[] = {
        {"style.css", Css, "a CSS style sheet"},
        {"style.txt", Css, "a CSS style sheet"}, // the content says it, whatever the name
        {"icon.svg", Svg, "an SVG image"},
        {"icon.txt", Svg, "an SVG image"},
        {"sum.cpp", Cpp, "C++ source code"},
        {"sum.txt", Cpp, "source code"},
        {"walk.py", Python, "Python source code"},
        {"CMakeLists.txt", CMake, "a CMake build file"},
        {"Makefile", Makefile, "a Makefile"},
        {"run.sh", "#!/bin/sh\necho hi\n", "a script"},
        {"photo.jpg", QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11), "a JPEG image"},
        {"logo.png", QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16), "a PNG image"},
        {"corpus.zip", QByteArray("PK\x03\x04\x14\x00\x00\x00", 8), "a ZIP archive"},
        {"corpus.tar.gz", QByteArray("\x1f\x8b\x08\x00\x00\x00", 6), "a gzip archive"},
        {"oneline.css", "p{color:red}", "a CSS style sheet"},
        {"config.yaml", "title: x\n", "a YAML configuration file"},
    };
    for (const Case &c : cases) {
        INFO(c.name);
        CHECK(notArticleKind(QString::fromLatin1(c.name), c.bytes) == QString::fromLatin1(c.kind));
    }
    // Articles, documents a reader takes and corpora stay.
    const Case kept[] = {
        {"story.txt", Article, ""},
        {"story", Article, ""},
        {"page.html", "<!doctype html><html><body><p>Text.</p></body></html>", ""},
        {"feed.json", "[{\"title\": \"A\", \"body\": \"B;\"}]", ""},
        {"corpus.csv", "title;body;\nA;one;\nB;two;\nC;three;\n", ""},
        {"notes.md",
            "# Code in the news\n\nThe bill, they wrote, ends with `return 0;` as all good code does.\n"
            "\nMore prose follows here, about the vote.\n",
            ""},
        {"export.docx", QByteArray("PK\x03\x04\x14\x00\x06\x00", 8), ""},
        {"export.pdf", QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15), ""},
        {"export.rtf", "{\\rtf1\\ansi Hello}", ""},
        {"utf16.txt", QByteArray("\xff\xfeH\x00i\x00", 6), ""},
        {"mz.txt", "MZANSI reports on the vote.\n", ""},
        {"empty.txt", "", ""},
    };
    for (const Case &c : kept) {
        INFO(c.name);
        CHECK(notArticleKind(QString::fromLatin1(c.name), c.bytes).isEmpty());
    }
}

TEST_CASE("a folder with code, styles, images and build files beside articles imports only the articles",
    "[import][notarticle][importer][engines]")
{
    QTemporaryDir dir;
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/news/one.txt"), Article);
    writeFile(root + QStringLiteral("/news/two.txt"), QByteArray(Article).replace("Farmers protest", "Bakers protest"));
    writeFile(root + QStringLiteral("/site/style.css"), Css);
    writeFile(root + QStringLiteral("/site/oneline.css"), "p{color:red}");
    writeFile(root + QStringLiteral("/site/icon.svg"), Svg);
    writeFile(root + QStringLiteral("/site/logo.png"), QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16));
    writeFile(root + QStringLiteral("/src/sum.cpp"), Cpp);
    writeFile(root + QStringLiteral("/src/walk.py"), Python);
    writeFile(root + QStringLiteral("/CMakeLists.txt"), CMake);
    writeFile(root + QStringLiteral("/Makefile"), Makefile);
    writeFile(root + QStringLiteral("/backup.zip"), QByteArray("PK\x03\x04\x14\x00\x00\x00", 8));

    QList<import::ImportProblem> refused;
    const QStringList files = import::collectFiles({root}, refused);
    CHECK(files.size() == 2);
    CHECK(refused.size() == 9);
    for (const import::ImportProblem &p : refused) {
        INFO(p.text().toStdString());
        CHECK(p.reason.startsWith(QStringLiteral("not an article (looks like ")));
        CHECK(QFileInfo(p.path).isFile());
    }

    test::TempProject tp;
    const import::ImportReport report = tp.project().imports().importPaths({root});
    CHECK(report.imported == 2);
    CHECK(report.refused.size() == 9);
    CHECK(report.summary() == QStringLiteral("imported 2, duplicates 0, refused 9"));
    bool svgNamed = false;
    for (const import::ImportProblem &p : report.refused)
        svgNamed = svgNamed
            || (p.path.endsWith(QStringLiteral("icon.svg"))
                && p.reason == QStringLiteral("not an article (looks like an SVG image)"));
    CHECK(svgNamed);
    // Named on the command line, it is refused the same way.
    const import::ImportReport named = tp.project().imports().importPaths({root + QStringLiteral("/site/style.css")});
    REQUIRE(named.refused.size() == 1);
    CHECK(named.refused.first().reason == QStringLiteral("not an article (looks like a CSS style sheet)"));
}
