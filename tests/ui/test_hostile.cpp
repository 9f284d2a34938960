// Rendering an imported article never loads a local file or a network resource: a hostile page
// (scripts, event handlers, file:// and http:// images and links, markup in its title) is shown
// as plain text, and nothing in the window reads its markup as rich text.
#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "import/importer.h"
#include "mainwindow.h"
#include "operations/imports.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"

#include <QLabel>
#include <QPlainTextEdit>
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
