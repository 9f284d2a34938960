#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "articles/variablesdialog.h"
#include "mainwindow.h"
#include "operations/library.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QUndoStack>

#include <catch2/catch.hpp>

using gloss::test::WindowFixture;
using namespace gloss;

namespace {

// Two articles with variables as an import of a news database leaves them, and one without.
struct VariablesFixture : WindowFixture
{
    qint64 world = 0;
    qint64 sport = 0;
    qint64 plain = 0;

    VariablesFixture()
    {
        world = tp.addArticle(QStringLiteral("Summit ends"), QStringLiteral("Leaders met in Paris."), {2024, 1, 2});
        sport = tp.addArticle(QStringLiteral("Cup final"), QStringLiteral("The final was played."), {2024, 1, 3});
        plain = tp.addArticle(QStringLiteral("Weather"), QStringLiteral("Rain all day."), {2024, 1, 4});
        auto &library = tp.project().library();
        library.setVariables(world,
            {{QStringLiteral("section"), QStringLiteral("World")}, {QStringLiteral("page"), QStringLiteral("A1")}});
        library.setVariables(sport, {{QStringLiteral("section"), QStringLiteral("Sport")}});
    }

    ui::ArticleListPanel *list() { return window->articleList(); }
    QLabel *variablesLine() { return reader()->findChild<QLabel *>(QStringLiteral("articleVariables")); }
};

// The dialog Ctrl+Shift+V opened over the window.
ui::VariablesDialog *openDialog(WindowFixture &f)
{
    f.window->articleList()->variablesAction()->trigger();
    auto *dialog = f.window->findChild<ui::VariablesDialog *>(QStringLiteral("variablesDialog"));
    REQUIRE(dialog);
    return dialog;
}

} // namespace

TEST_CASE("the reader shows an article's variables above its body, and none for an article without", "[ui][variables]")
{
    VariablesFixture f;
    f.open(f.world);
    REQUIRE(f.variablesLine());
    CHECK(f.variablesLine()->isVisible());
    CHECK(f.variablesLine()->text().contains(QStringLiteral("section: World")));
    CHECK(f.variablesLine()->text().contains(QStringLiteral("page: A1")));
    f.list()->selectArticle(f.plain);
    CHECK_FALSE(f.variablesLine()->isVisible());
}

TEST_CASE("the variable filter lists names and values and narrows the list, case aside", "[ui][variables]")
{
    VariablesFixture f;
    f.open(f.world);
    QMenu *menu = f.list()->variableFilterButton()->menu();
    REQUIRE(menu);
    Q_EMIT menu->aboutToShow();
    QStringList names;
    for (QAction *a : menu->actions())
        if (a->menu())
            names << a->text();
    CHECK(names == QStringList{QStringLiteral("page"), QStringLiteral("section")});

    f.list()->setVariableFilter(QStringLiteral("section"), QStringLiteral("sport"));
    REQUIRE(f.list()->model()->rowCount() == 1);
    CHECK(f.list()->model()->articleAt(0) == f.sport);
    CHECK(f.list()->variableFilterButton()->text().contains(QStringLiteral("section")));

    f.list()->setVariableFilter({}, {});
    CHECK(f.list()->model()->rowCount() == 3);
}

TEST_CASE("variables shown as columns hold each article's value, empty where it has none", "[ui][variables]")
{
    VariablesFixture f;
    f.open(f.world);
    ui::ArticleListModel *model = f.list()->model();
    const int before = model->columnCount();
    f.list()->setVariableColumns({QStringLiteral("section")});
    REQUIRE(model->columnCount() == before + 1);
    CHECK(model->headerData(before, Qt::Horizontal, Qt::DisplayRole).toString() == QStringLiteral("section"));
    QHash<qint64, QString> shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown.insert(model->articleAt(row), model->index(row, before).data().toString());
    CHECK(shown.value(f.world) == QStringLiteral("World"));
    CHECK(shown.value(f.sport) == QStringLiteral("Sport"));
    CHECK(shown.value(f.plain).isEmpty());
    f.list()->setVariableColumns({});
    CHECK(model->columnCount() == before);
}

TEST_CASE("editing variables in the dialog is one undo step, and the reader and list follow", "[ui][variables]")
{
    VariablesFixture f;
    f.open(f.world);
    ui::VariablesDialog *dialog = openDialog(f);
    QTableWidget *table = dialog->table();
    REQUIRE(table->rowCount() == 2);
    // Change the page, add a variable with a name as a user types it.
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == QStringLiteral("page"))
            table->item(row, 1)->setText(QStringLiteral("B7"));
    QTest::mouseClick(dialog->findChild<QWidget *>(QStringLiteral("addVariable")), Qt::LeftButton);
    REQUIRE(table->rowCount() == 3);
    table->setItem(2, 0, new QTableWidgetItem(QStringLiteral("Word Count")));
    table->setItem(2, 1, new QTableWidgetItem(QStringLiteral("512")));
    CHECK(dialog->problem().isEmpty());
    dialog->accept();

    const model::Variables stored = f.project().library().variables(f.world);
    CHECK(model::variableValue(stored, QStringLiteral("page")) == QStringLiteral("B7"));
    CHECK(model::variableValue(stored, QStringLiteral("word_count")) == QStringLiteral("512"));
    CHECK(f.variablesLine()->text().contains(QStringLiteral("page: B7")));
    CHECK(f.undo()->undoText() == QStringLiteral("Edit Variables"));

    f.undo()->undo();
    const model::Variables back = f.project().library().variables(f.world);
    CHECK(model::variableValue(back, QStringLiteral("page")) == QStringLiteral("A1"));
    CHECK(model::variableValue(back, QStringLiteral("word_count")).isNull());
    CHECK(f.variablesLine()->text().contains(QStringLiteral("page: A1")));
    f.undo()->redo();
    CHECK(
        model::variableValue(f.project().library().variables(f.world), QStringLiteral("page")) == QStringLiteral("B7"));
}

TEST_CASE("the dialog refuses a name given twice and says why", "[ui][variables]")
{
    VariablesFixture f;
    f.open(f.world);
    ui::VariablesDialog *dialog = openDialog(f);
    QTableWidget *table = dialog->table();
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == QStringLiteral("page"))
            table->item(row, 0)->setText(QStringLiteral("Section"));
    CHECK_FALSE(dialog->problem().isEmpty());
    dialog->accept(); // refused: nothing changes
    CHECK(
        model::variableValue(f.project().library().variables(f.world), QStringLiteral("page")) == QStringLiteral("A1"));
    dialog->reject();
}

TEST_CASE("lines import kept as a table are shown in a fixed-width font, the prose beside them is not",
    "[ui][variables][reflow]")
{
    WindowFixture f;
    const QString body = QStringLiteral("Shares rose on Monday, traders said.\n"
                                        "\n"
                                        "            Qtr    Year\n"
                                        "Shr         1.20   4.10\n"
                                        "Revs        310    1,200\n"
                                        "\n"
                                        "The company gave no forecast.");
    const qint64 id = f.tp.addArticle(QStringLiteral("Results"), body, {1987, 3, 2});
    f.tp.project().library().setVariable(id, QStringLiteral("fixed_width_lines"), QStringLiteral("3-5"));
    f.open(id);
    ui::BodyView *view = f.reader()->textView();
    auto fixedPitch = [&](int blockNumber) {
        const QTextBlock block = view->document()->findBlockByNumber(blockNumber);
        for (const QTextLayout::FormatRange &r : block.layout()->formats())
            if (r.format.fontFixedPitch() && r.start == 0 && r.length == block.length() - 1)
                return true;
        return false;
    };
    CHECK_FALSE(fixedPitch(0));
    CHECK(fixedPitch(2));
    CHECK(fixedPitch(3));
    CHECK(fixedPitch(4));
    CHECK_FALSE(fixedPitch(6));

    // A researcher who clears the variable gets the proportional font back.
    f.project().library().removeVariable(id, QStringLiteral("fixed_width_lines"));
    QApplication::processEvents();
    CHECK_FALSE(fixedPitch(3));
}
