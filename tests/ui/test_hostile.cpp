// Rendering an imported article never loads a local file or a network resource: a hostile page
// (scripts, event handlers, file:// and http:// images and links, markup in its title) is shown
// as plain text, and nothing in the window reads its markup as rich text.
#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "codebook/codebookmodel.h"
#include "codebook/codebookpanel.h"
#include "document.h"
#include "entities/entitypanel.h"
#include "import/importer.h"
#include "mainwindow.h"
#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/extraction.h"
#include "operations/imports.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"

#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <catch2/catch.hpp>

#include <type_traits>

namespace {

// No image (local or remote) anywhere in a text document.
bool hasImage(const QTextDocument &doc)
{
    for (const QTextFormat &f : doc.allFormats())
        if (f.isImageFormat())
            return true;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat() || it.fragment().charFormat().isAnchor())
                return true;
    return false;
}

} // namespace

TEST_CASE("a hostile HTML page is shown as plain text, loading nothing", "[ui][reader][hostile]")
{
    static_assert(std::is_base_of_v<QPlainTextEdit, gloss::ui::BodyView>, "the reader body must be plain text");
    gloss::test::WindowFixture f;
    gloss::test::TempProject &tp = f.tp;
    gloss::operations::Imports &importer = tp.project().imports();
    const auto report = importer.importPaths({QStringLiteral(GLOSS_TEST_DATA "/hostile/script.html")});
    REQUIRE(report.imported == 1);
    const qint64 id = report.articleIds.first();
    const auto stored = tp.project().store().articles().get(id);
    REQUIRE(stored);
    CHECK(stored->title == QStringLiteral("<img src=\"file:///etc/passwd\">Harmless <b>headline</b>"));

    f.open();
    gloss::ui::MainWindow &window = *f.window;
    window.articleList()->selectArticle(id);
    REQUIRE(window.reader()->articleId() == id);

    // The body: exactly the stored text, which holds none of the page's markup or scripts.
    const QPlainTextEdit *view = window.reader()->textView();
    const QString shown = view->toPlainText();
    CHECK(shown == stored->body);
    CHECK(shown.contains(QStringLiteral("The ceasefire held on Saturday.")));
    for (const char *bad :
        {"<", ">", "alert(", "onerror", "onload", "javascript:", "file://", "http://", "document.cookie"})
        CHECK_FALSE(shown.contains(QLatin1StringView(bad)));
    CHECK_FALSE(hasImage(*view->document()));

    // Every label showing markup shows it as text: a rich text label would load the <img>.
    bool titleShown = false;
    for (const QLabel *label : window.findChildren<QLabel *>()) {
        if (!label->text().contains(u'<'))
            continue;
        INFO("label: " << label->text().toStdString());
        CHECK(label->textFormat() == Qt::PlainText);
        titleShown = titleShown || label->text() == stored->title;
    }
    CHECK(titleShown);

    // The list's tooltip is rich text that reads back as the title itself, with no image in it.
    const auto *model = window.articleList()->model();
    const QModelIndex first = model->index(0, gloss::ui::ArticleListModel::Title);
    const QString tip = model->data(first, Qt::ToolTipRole).toString();
    REQUIRE_FALSE(tip.isEmpty());
    QTextDocument rendered;
    rendered.setHtml(tip);
    CHECK(rendered.toPlainText() == stored->title);
    CHECK_FALSE(hasImage(rendered));
}

TEST_CASE(
    "every project of the tamper corpus opens in the window or is refused, and shows each article", "[ui][hostile]")
{
    // The base: sample articles with their entities and dates, highlights with tags and notes.
    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("base.gloss"));
    {
        auto opened = gloss::Project::open(base);
        REQUIRE(opened.project);
        gloss::Project &p = *opened.project;
        gloss::import::ImportOptions options;
        gloss::operations::prepareImport(options);
        const auto report = p.imports().importPaths(
            {QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples/01-ghani-offers-taliban-talks.txt"),
                QStringLiteral(GLOSS_SOURCE_DIR "/resources/samples/13-sao-paulo-floods.txt")},
            options);
        REQUIRE(report.imported == 2);
        for (const qint64 article : report.articleIds) {
            gloss::model::Highlight h;
            h.articleId = article;
            h.start = 0;
            h.end = 12;
            qint64 police = 0;
            qint64 frames = 0;
            p.codebook().ensure(QStringLiteral("Actors > Officials > Police"), &police);
            p.codebook().ensure(QStringLiteral("Frames"), &frames);
            h.tagIds = {police, frames};
            h.note = QStringLiteral("A note");
            p.annotations().addHighlight(h);
        }
    }
    const QString corpus = dir.filePath(QStringLiteral("tampered"));
    QProcess make;
    make.start(QStringLiteral("python3"),
        {QStringLiteral(GLOSS_SOURCE_DIR "/tests/reliability/tamper.py"), QStringLiteral("make"), base, corpus});
    REQUIRE(make.waitForFinished(120000));
    INFO(make.readAllStandardError().toStdString());
    REQUIRE(make.exitCode() == 0);
    const QStringList files = QDir(corpus).entryList({QStringLiteral("*.gloss")}, QDir::Files, QDir::Name);
    REQUIRE(files.size() >= 10);

    for (const QString &name : files) {
        INFO(name.toStdString());
        const QString path = QDir(corpus).filePath(name);
        // As the window opens a project: refused (a planted trigger) with the file left where it
        // was, or set aside whole when its check fails (CHECK constraints broken), or opened.
        auto checked = gloss::Project::open(path, gloss::Project::Access::ReadWrite, gloss::Project::Verify::Quick);
        if (!checked.project) {
            CHECK_FALSE(checked.error.isEmpty());
            if (!checked.damagedPath.isEmpty())
                REQUIRE(QFile::rename(checked.damagedPath, path));
            CHECK(QFileInfo::exists(path));
        }
        checked.project.reset();
        // And the window on whatever Gloss will open, unchecked: the readers meet the tampering.
        auto opened = gloss::Project::open(path, gloss::Project::Access::ReadWrite, gloss::Project::Verify::No);
        if (!opened.project) {
            CHECK_FALSE(opened.error.isEmpty());
            continue;
        }
        gloss::ui::Document document(std::move(opened.project));
        gloss::ui::MainWindow window(document);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        const int articles = int(window.articleList()->model()->totalCount());
        CHECK(articles >= 2);
        for (int i = 0; i < articles; ++i) {
            window.articleList()->step(i == 0 ? 0 : 1);
            QCoreApplication::processEvents();
        }
        window.entities()->setProjectWide(true);
        QCoreApplication::processEvents();
        // The codebook shows every tag once, each under a parent it lists.
        const gloss::ui::CodebookModel *codebook = window.codebook()->model();
        QSet<qint64> shown;
        QList<QModelIndex> open{QModelIndex()};
        while (!open.isEmpty()) {
            const QModelIndex parent = open.takeLast();
            for (int row = 0; row < codebook->rowCount(parent); ++row) {
                const QModelIndex child = codebook->index(row, 0, parent);
                CHECK(codebook->parent(child) == parent);
                CHECK_FALSE(shown.contains(codebook->tagAt(child)));
                shown.insert(codebook->tagAt(child));
                open.append(child);
            }
        }
        CHECK(shown.size() == document.project().codebook().tagsWithoutCounts().size());
    }
}
