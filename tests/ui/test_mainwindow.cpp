#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "mainwindow.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "storage/sqlite/transaction.h"
#include "support/windowfixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

TEST_CASE("the window opens on a project and lists its articles", "[ui]")
{
    gloss::test::WindowFixture f;
    gloss::test::TempProject &tp = f.tp;
    tp.addArticle(QStringLiteral("US wants Pakistan's help"),
        QStringLiteral("WASHINGTON: The administration seeks support."), QDate(2018, 6, 9));
    tp.addArticle(QStringLiteral("Floods in São Paulo"), QStringLiteral("Rain fell 😀 for a week."), QDate(2018, 2, 1));
    f.open();
    gloss::ui::MainWindow &window = *f.window;

    CHECK(window.windowTitle().contains(QStringLiteral("test.gloss")));
    auto *model = window.articleList()->model();
    REQUIRE(model->rowCount() == 2);
    CHECK(model->data(model->index(0, gloss::ui::ArticleListModel::Title), Qt::DisplayRole).toString()
        == QStringLiteral("Floods in São Paulo"));

    // Clicking the second row shows that article in the reader.
    QTableView *view = window.articleList()->view();
    const QRect rect = view->visualRect(model->index(1, gloss::ui::ArticleListModel::Title));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    CHECK(
        window.reader()->textView()->toPlainText() == QStringLiteral("WASHINGTON: The administration seeks support."));

    // Typing in the search box filters the list.
    QTest::keyClicks(window.articleList()->searchBox(), QStringLiteral("sao paulo"));
    QTest::keyClick(window.articleList()->searchBox(), Qt::Key_Return);
    CHECK(model->rowCount() == 1);
}

TEST_CASE("the article list fetches lazily", "[ui]")
{
    gloss::test::TempProject tp;
    {
        gloss::storage::sqlite::Transaction tx(gloss::test::sqliteDb(tp.project()));
        for (int i = 0; i < 1000; ++i)
            tp.addArticle(QStringLiteral("Article %1").arg(i), QStringLiteral("Body number %1").arg(i),
                QDate(2018, 1, 1).addDays(i));
        tx.commit();
    }
    gloss::ui::Document document(tp.take());
    gloss::ui::ArticleListModel model(document);
    CHECK(model.totalCount() == 1000);
    CHECK(model.rowCount() == gloss::ui::ArticleListModel::PageSize);
    CHECK(model.canFetchMore({}));
    CHECK(model.rowOf(model.articleAt(0)) == 0);
    const int row = model.rowOf(document.project().store().articles().ids({}).last());
    CHECK(row == 999);
    CHECK_FALSE(model.canFetchMore({}));
}
