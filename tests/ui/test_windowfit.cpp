// The window fits the work (issue 19.6): column choice, the quick tag picker, the Code menu's
// tag names, refreshing after another process writes, and what an empty project shows.
#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "codebook/codebookmodel.h"
#include "codebook/codebookpanel.h"
#include "codebook/tagpicker.h"
#include "coders/coderidentity.h"
#include "commands/tagcommands.h"
#include "document.h"
#include "elidingheader.h"
#include "mainwindow.h"
#include "model/article.h"
#include "model/highlight.h"
#include "operations/annotations.h"
#include "operations/library.h"
#include "operations/project.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"

#include <QAction>
#include <QDockWidget>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include <cstdlib>

namespace {

using gloss::test::selectWithKeyboard;

QMenu *codeMenu(gloss::ui::MainWindow &window)
{
    for (QAction *a : window.menuBar()->actions())
        if (a->text().remove(u'&') == QStringLiteral("Code"))
            return a->menu();
    return nullptr;
}

int highlightsCount(gloss::ui::CodebookPanel *codebook, qint64 tagId)
{
    const QModelIndex index = codebook->model()->indexOf(tagId);
    return codebook->model()
        ->data(index.siblingAtColumn(gloss::ui::CodebookModel::Highlights), Qt::DisplayRole)
        .toInt();
}

} // namespace

TEST_CASE("the Code menu names the tags on keys 1 to 9 and follows renames", "[ui][windowfit]")
{
    gloss::test::CodingFixture f;
    QMenu *code = codeMenu(*f.window);
    REQUIRE(code);
    QStringList texts;
    for (QAction *a : code->actions())
        texts << a->text();
    CHECK(texts.contains(QStringLiteral("Apply “Actors”")));
    CHECK(texts.contains(QStringLiteral("Apply “Places”")));
    CHECK(texts.contains(QStringLiteral("Apply Tag 3 (none yet)")));
    CHECK(f.window->reader()->paletteActions().at(0)->shortcut() == QKeySequence(Qt::Key_1));

    // Renaming the tag renames the menu entry; undo puts the old name back.
    f.document->undoStack()->push(new gloss::ui::EditTagCommand(
        *f.document, f.tagA, gloss::ui::EditTagCommand::Property::Name, QStringLiteral("Blame & Credit")));
    CHECK(f.window->reader()->paletteActions().at(0)->text() == QStringLiteral("Apply “Blame && Credit”"));
    f.undo()->undo();
    CHECK(f.window->reader()->paletteActions().at(0)->text() == QStringLiteral("Apply “Actors”"));
    // A new tag takes the next key's name.
    f.document->undoStack()->push(new gloss::ui::CreateTagCommand(*f.document, QStringLiteral("Blame"), 0));
    CHECK(f.window->reader()->paletteActions().at(2)->text() == QStringLiteral("Apply “Blame”"));
}

TEST_CASE("Ctrl+T picks a tag by typing and applies it to the selection", "[ui][windowfit]")
{
    gloss::test::CodingFixture f;
    f.window->activateWindow();
    // Ctrl+T is not taken by anything else in the window.
    int bound = 0;
    for (const QAction *a : f.window->findChildren<QAction *>())
        bound += a->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_T)) ? 1 : 0;
    CHECK(bound == 1);

    selectWithKeyboard(f.reader(), QStringLiteral("Núñez"));
    f.window->quickTagAction()->trigger();
    gloss::ui::TagPicker *picker = f.window->tagPicker();
    REQUIRE(picker);
    CHECK(picker->isVisible());
    CHECK(picker->shownTags() == QList<qint64>{f.tagA, f.tagB});

    // Case-blind filtering by part of the name.
    QTest::keyClicks(picker->filterBox(), QStringLiteral("pLA"));
    CHECK(picker->shownTags() == QList<qint64>{f.tagB});
    QTest::keyClick(picker->filterBox(), Qt::Key_Return);
    CHECK_FALSE(picker->isVisible());

    // The selection became a highlight coded Places, undoable as one step.
    const qint64 h = f.reader()->selectedHighlight();
    REQUIRE(h);
    CHECK(f.project().annotations().highlight(h)->tagIds == QList<qint64>{f.tagB});
    CHECK(f.project().annotations().highlight(h)->start == gloss::test::CodingFixture::cp(QStringLiteral("Núñez")));

    // Next time the tag used last comes first; Down then Enter adds the second one (Actors) to
    // the selected highlight.
    f.window->quickTagAction()->trigger();
    CHECK(picker->shownTags() == QList<qint64>{f.tagB, f.tagA});
    QTest::keyClick(picker->filterBox(), Qt::Key_Down);
    QTest::keyClick(picker->filterBox(), Qt::Key_Return);
    CHECK(f.project().annotations().highlight(h)->tagIds.contains(f.tagA));
    CHECK(f.project().annotations().highlight(h)->tagIds.contains(f.tagB));
    f.undo()->undo();
    CHECK(f.project().annotations().highlight(h)->tagIds == QList<qint64>{f.tagB});

    // Esc closes without applying anything; a filter matching nothing offers nothing.
    f.window->quickTagAction()->trigger();
    QTest::keyClicks(picker->filterBox(), QStringLiteral("zzz"));
    CHECK(picker->shownTags().isEmpty());
    const int steps = f.undo()->count();
    QTest::keyClick(picker->filterBox(), Qt::Key_Return);
    QTest::keyClick(picker->filterBox(), Qt::Key_Escape);
    CHECK_FALSE(picker->isVisible());
    CHECK(f.undo()->count() == steps);

    // A tag applied with its key counts as used too; the recent tags are kept for the project.
    f.window->reader()->selectHighlight(h);
    f.window->reader()->textView()->setFocus();
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);
    CHECK(f.project().annotations().highlight(h)->tagIds.contains(f.tagA));
    f.reopen();
    f.window->quickTagAction()->trigger();
    CHECK(f.window->tagPicker()->shownTags() == QList<qint64>{f.tagA, f.tagB});
    f.window->tagPicker()->hide();
}

TEST_CASE("the article list's columns are chosen from the header and remembered", "[ui][windowfit]")
{
    QSettings().remove(QStringLiteral("articleList/hiddenColumns"));
    QSettings().remove(QStringLiteral("articleList/shownColumns"));
    QSettings().remove(QStringLiteral("window/geometry")); // the docks as on a first run
    QSettings().remove(QStringLiteral("window/state"));
    gloss::test::WindowFixture f;
    f.tp.addArticle(QStringLiteral("A rather long title about the floods in the south of the country this week"),
        QStringLiteral("Body."), QDate(2018, 6, 9), QStringLiteral("AFP"));
    f.open(0, QSize(1600, 1000));
    // The list as wide as on a first run at 1600×1000 (a third of the window).
    f.window->resizeDocks({f.window->findChild<QDockWidget *>(QStringLiteral("ArticlesDock"))}, {540}, Qt::Horizontal);
    QCoreApplication::processEvents();
    gloss::ui::ArticleListPanel *list = f.window->articleList();
    QTableView *view = list->view();
    using M = gloss::ui::ArticleListModel;

    // The short columns are as wide as their content; the title has the rest.
    CHECK(view->columnWidth(M::Source) < 120);
    CHECK(view->columnWidth(M::Title) > view->columnWidth(M::Source) + view->columnWidth(M::Tags));
    CHECK(view->horizontalHeader()->sectionResizeMode(M::Title) == QHeaderView::Stretch);

    const int titleBefore = view->columnWidth(M::Title);
    list->setHiddenColumns({QStringLiteral("source"), QStringLiteral("tags")});
    CHECK(view->isColumnHidden(M::Source));
    CHECK(view->isColumnHidden(M::Tags));
    CHECK_FALSE(view->isColumnHidden(M::Published));
    QCoreApplication::processEvents();
    CHECK(view->columnWidth(M::Title) > titleBefore);

    f.reopen();
    CHECK(f.window->articleList()->view()->isColumnHidden(M::Source));
    CHECK(f.window->articleList()->hiddenColumns() == QStringList{QStringLiteral("source"), QStringLiteral("tags")});
    f.window->articleList()->setHiddenColumns({});
    CHECK_FALSE(f.window->articleList()->view()->isColumnHidden(M::Source));
}

TEST_CASE("at 1400x900 the article titles take what the short columns leave", "[ui][windowfit]")
{
    QSettings().remove(QStringLiteral("articleList/hiddenColumns"));
    QSettings().remove(QStringLiteral("articleList/shownColumns"));
    QSettings().remove(QStringLiteral("window/geometry"));
    QSettings().remove(QStringLiteral("window/state"));
    gloss::test::WindowFixture f;
    // As the samples: dated articles, a source on a few, no tags and no one done yet.
    for (int i = 1; i <= 30; ++i)
        f.tp.addArticle(QStringLiteral("Ghani offers Taliban recognition, ceasefire in bid for peace talks %1").arg(i),
            QStringLiteral("Body."), QDate(2018, 6, i % 28 + 1), i % 10 ? QString() : QStringLiteral("Europe Online"));
    const QString coderBefore = gloss::ui::storedCoder();
    gloss::ui::storeCoder(QStringLiteral("ann"));
    f.open(0, QSize(1190, 765)); // a first run's window on a 1400×900 screen: 85% of it
    f.window->resizeDocks({f.window->findChild<QDockWidget *>(QStringLiteral("ArticlesDock"))}, {404}, Qt::Horizontal);
    QCoreApplication::processEvents();
    QTableView *view = f.window->articleList()->view();
    using M = gloss::ui::ArticleListModel;
    const int listWidth = view->viewport()->width();
    INFO("list " << listWidth << ", title " << view->columnWidth(M::Title) << ", published "
                 << view->columnWidth(M::Published) << ", source " << view->columnWidth(M::Source) << ", hl "
                 << view->columnWidth(M::Highlights) << ", tags " << view->columnWidth(M::Tags) << ", done "
                 << view->columnWidth(M::Done));
    // No article has a tag or a done mark yet: those columns wait; the title has more than half.
    CHECK(view->isColumnHidden(M::Tags));
    CHECK(view->isColumnHidden(M::Done));
    CHECK(f.window->articleList()->hiddenColumns() == QStringList{QStringLiteral("tags"), QStringLiteral("done")});
    CHECK(view->columnWidth(M::Title) * 100 >= listWidth * 55);
    // The date is never cut.
    CHECK(view->columnWidth(M::Published) >= view->fontMetrics().horizontalAdvance(QStringLiteral("2018-06-09")));
    // No header label is wider than its column: a narrowed one ends with an ellipsis.
    auto *header = qobject_cast<gloss::ui::ElidingHeader *>(view->horizontalHeader());
    REQUIRE(header);
    for (int c = 0; c < M::ColumnCount; ++c) {
        if (view->isColumnHidden(c))
            continue;
        const QString label = view->model()->headerData(c, Qt::Horizontal).toString();
        const QString shown = header->shownText(c);
        INFO("column " << c << ": " << shown.toStdString() << " of " << label.toStdString());
        CHECK(QFontMetrics(header->font()).horizontalAdvance(shown) < header->sectionSize(c));
        CHECK((shown == label || shown.endsWith(u'…')));
    }

    // The first done mark brings the done column; the title still has the most room.
    f.window->articleList()->view()->setFocus();
    QTest::keyClick(f.window->articleList()->view(), Qt::Key_D, Qt::ControlModifier);
    REQUIRE(f.project().library().isDone(f.window->articleList()->currentArticle()));
    QCoreApplication::processEvents();
    CHECK_FALSE(view->isColumnHidden(M::Done));
    CHECK(view->isColumnHidden(M::Tags));
    CHECK(view->columnWidth(M::Title) > view->columnWidth(M::Published) + view->columnWidth(M::Done));

    // A column chosen by hand stays as chosen, whatever its rows hold.
    f.window->articleList()->setColumnShown(QStringLiteral("tags"), true);
    f.window->articleList()->setColumnShown(QStringLiteral("done"), false);
    f.reopen();
    QTableView *again = f.window->articleList()->view();
    CHECK_FALSE(again->isColumnHidden(M::Tags));
    CHECK(again->isColumnHidden(M::Done));
    CHECK_FALSE(again->isColumnHidden(M::Source));
    QSettings().remove(QStringLiteral("articleList/hiddenColumns"));
    QSettings().remove(QStringLiteral("articleList/shownColumns"));
    gloss::ui::storeCoder(coderBefore);
}

TEST_CASE("another process's highlights show in the codebook counts without a click", "[ui][windowfit]")
{
    gloss::test::CodingFixture f;
    gloss::ui::CodebookPanel *codebook = f.window->codebook();
    codebook->selectTag(f.tagB);
    selectWithKeyboard(f.reader(), QStringLiteral("Núñez"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);
    CHECK(highlightsCount(codebook, f.tagA) == 1);

    // A second connection (the command line) adds 40 highlights of Actors.
    {
        auto other = gloss::Project::open(f.tp.path());
        REQUIRE(other.project);
        for (int i = 0; i < 40; ++i) {
            gloss::model::Highlight h;
            h.articleId = f.articleId;
            h.start = i;
            h.end = i + 2;
            h.tagIds = {f.tagA};
            h.coder = QStringLiteral("cli");
            other.project->annotations().addHighlight(h);
        }
    }
    // The window looks every few seconds: one tick of its poll shows them, the codebook's
    // current tag and the list's current article unchanged.
    CHECK(f.window->pollForChanges());
    CHECK(highlightsCount(codebook, f.tagA) == 41);
    CHECK(codebook->currentTag() == f.tagB);
    CHECK(f.window->articleList()->currentArticle() == f.articleId);
    CHECK(
        f.window->articleList()
            ->model()
            ->data(f.window->articleList()->model()->index(0, gloss::ui::ArticleListModel::Highlights), Qt::DisplayRole)
            .toInt()
        == 41);
    // Nothing changed since: the next tick reloads nothing (the codebook is not reset).
    bool reset = false;
    QObject::connect(codebook->model(), &QAbstractItemModel::modelReset, [&] { reset = true; });
    CHECK_FALSE(f.window->pollForChanges());
    CHECK_FALSE(reset);
    CHECK(f.window->changePoll()->isActive());
    CHECK(f.window->changePoll()->interval() <= 2000);
}

TEST_CASE("an empty project says what to do first", "[ui][windowfit]")
{
    gloss::test::WindowFixture f;
    f.open();
    QFrame *guide = f.window->startGuide();
    REQUIRE(guide);
    CHECK(guide->isVisible());
    CHECK_FALSE(f.window->reader()->isVisible());
    auto *import = guide->findChild<QPushButton *>(QStringLiteral("guideImportFiles"));
    REQUIRE(import);
    CHECK(import->text().contains(QStringLiteral("Ctrl+I")));
    CHECK(guide->findChild<QPushButton *>(QStringLiteral("guideCreateTag")));
    bool dropMentioned = false;
    for (const QLabel *label : guide->findChildren<QLabel *>())
        dropMentioned = dropMentioned || label->text().contains(QStringLiteral("drop files here"));
    CHECK(dropMentioned);
    // The codebook says how to create the first tag.
    auto *hint = f.window->codebook()->findChild<QLabel *>(QStringLiteral("codebookEmptyHint"));
    REQUIRE(hint);
    CHECK(hint->isVisible());

    // Once there are articles (here from another process) the reader shows the first.
    {
        auto other = gloss::Project::open(f.tp.path());
        REQUIRE(other.project);
        gloss::model::Article a;
        a.title = QStringLiteral("First article");
        a.body = QStringLiteral("Some text.");
        a.published = QDate(2020, 1, 2);
        other.project->store().articles().insert(a);
    }
    CHECK(f.window->pollForChanges());
    CHECK_FALSE(guide->isVisible());
    CHECK(f.window->reader()->isVisible());
    CHECK(f.window->reader()->textView()->toPlainText() == QStringLiteral("Some text."));

    f.document->undoStack()->push(new gloss::ui::CreateTagCommand(*f.document, QStringLiteral("Blame"), 0));
    CHECK_FALSE(hint->isVisible());
}

TEST_CASE("a refresh after another process's write keeps the list's selection and place", "[ui][windowfit]")
{
    gloss::test::WindowFixture f;
    QList<qint64> ids;
    for (int i = 0; i < 120; ++i)
        ids.append(f.tp.addArticle(QStringLiteral("Article %1").arg(i, 3, 10, QLatin1Char('0')),
            QStringLiteral("Body of article %1.").arg(i), QDate(2018, 1, 1).addDays(i)));
    const qint64 tag = f.tp.project().store().tags().create(QStringLiteral("Blame"));
    f.open(0, QSize(1600, 1000));
    gloss::ui::ArticleListPanel *list = f.window->articleList();
    QTableView *view = list->view();
    // Two articles selected far down the list, scrolled there.
    list->selectArticle(ids.at(90));
    view->selectionModel()->select(view->model()->index(list->model()->rowOf(ids.at(92)), 0),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const int scroll = view->verticalScrollBar()->value();
    REQUIRE(scroll > 0);
    REQUIRE(list->selectedArticles().size() == 2);

    {
        auto other = gloss::Project::open(f.tp.path());
        REQUIRE(other.project);
        gloss::model::Highlight h;
        h.articleId = ids.at(91);
        h.start = 0;
        h.end = 4;
        h.tagIds = {tag};
        other.project->annotations().addHighlight(h);
    }
    CHECK(f.window->pollForChanges());
    CHECK(list->currentArticle() == ids.at(90));
    CHECK(list->selectedArticles() == QList<qint64>{ids.at(90), ids.at(92)});
    CHECK(view->verticalScrollBar()->value() == scroll);
    CHECK(list->model()
              ->data(list->model()->index(list->model()->rowOf(ids.at(91)), gloss::ui::ArticleListModel::Highlights),
                  Qt::DisplayRole)
              .toInt()
        == 1);
    CHECK(highlightsCount(f.window->codebook(), tag) == 1);
}

TEST_CASE("the window first opens sized to the screen and then as it was left", "[ui][windowfit]")
{
    QSettings().remove(QStringLiteral("window/geometry"));
    QSettings().remove(QStringLiteral("window/state"));
    gloss::test::WindowFixture f;
    f.tp.addArticle(QStringLiteral("One"), QStringLiteral("Body."), QDate(2018, 6, 9));
    f.open();
    // 85% of the screen (the offscreen screen is small: no less than the window's least size).
    const QRect screen = f.window->screen()->availableGeometry();
    CHECK(f.window->width() == std::max(screen.width() * 85 / 100, f.window->minimumSizeHint().width()));
    CHECK(f.window->height() == std::max(screen.height() * 85 / 100, f.window->minimumSizeHint().height()));
    if (f.window->width() < screen.width())
        CHECK(std::abs(f.window->geometry().center().x() - screen.center().x()) <= 2);

    // Resized and the timeline closed: so it opens again.
    f.window->resize(1300, 950);
    auto *timeline = f.window->findChild<QDockWidget *>(QStringLiteral("TimelineDock"));
    REQUIRE(timeline);
    timeline->close();
    f.reopen();
    CHECK(f.window->size() == QSize(1300, 950));
    CHECK_FALSE(f.window->findChild<QDockWidget *>(QStringLiteral("TimelineDock"))->isVisible());
    f.window->findChild<QDockWidget *>(QStringLiteral("TimelineDock"))->show();
    f.window->close();
    QSettings().remove(QStringLiteral("window/geometry"));
    QSettings().remove(QStringLiteral("window/state"));
}
