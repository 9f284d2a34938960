#include "analysis/agreementdialog.h"
#include "mainwindow.h"
#include "operations/library.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"

#include <QAbstractItemModel>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

namespace {

void addHighlight(gloss::Project &p, qint64 article, qint64 start, qint64 end, const QString &coder, const QString &tag)
{
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = start;
    h.end = end;
    h.coder = coder;
    h.tagIds = {p.store().tags().ensure(tag)};
    p.store().highlights().add(h);
}

} // namespace

TEST_CASE("the agreement report lists tags and opens a disagreement in the reader", "[ui][agreement]")
{
    gloss::test::WindowFixture f;
    const qint64 a
        = f.tp.addArticle(QStringLiteral("Strike"), QStringLiteral("The union called a strike at the port."));
    const qint64 b = f.tp.addArticle(QStringLiteral("Talks"), QStringLiteral("The minister said talks would resume."));
    addHighlight(f.tp.project(), a, 4, 9, QStringLiteral("ann"), QStringLiteral("Actors"));
    addHighlight(f.tp.project(), a, 4, 9, QStringLiteral("ben"), QStringLiteral("Actors"));
    addHighlight(f.tp.project(), b, 4, 12, QStringLiteral("ben"), QStringLiteral("Actors")); // ann missed it
    for (const QString &coder : {QStringLiteral("ann"), QStringLiteral("ben")})
        f.tp.project().library().setDone({a, b}, coder, true); // the report compares articles both finished
    f.open(a);

    gloss::ui::AgreementDialog *dialog = f.window->agreementDialog();
    dialog->reloadCoders();
    dialog->show();
    dialog->compute();
    QAbstractItemModel *tags = dialog->tagTable()->model();
    REQUIRE(tags->rowCount() == 2); // Actors, and all tags pooled
    CHECK(tags->index(0, 0).data().toString() == QStringLiteral("Actors"));
    CHECK(tags->index(0, 5).data().toString() == QStringLiteral("1")); // one disagreement

    // A click on the tag lists its disagreement; a click on that shows the passage in the reader.
    dialog->tagTable()->setCurrentIndex(tags->index(0, 0));
    QAbstractItemModel *rows = dialog->disagreementTable()->model();
    REQUIRE(rows->rowCount() == 1);
    CHECK(rows->index(0, 0).data().toString() == QStringLiteral("Talks"));
    CHECK(rows->index(0, 3).data().toString() == QStringLiteral("ann: none; ben: 4\u201312"));
    QTableView *view = dialog->disagreementTable();
    const QRect cell = view->visualRect(rows->index(0, 2));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE(f.reader()->articleId(), b);
    const auto selected = f.reader()->selectionInCodePoints();
    REQUIRE(selected);
    CHECK(selected->first == 4);
    CHECK(selected->second == 12);
}
