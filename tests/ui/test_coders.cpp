#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "coders/coderdialog.h"
#include "coders/coderidentity.h"
#include "document.h"
#include "mainwindow.h"
#include "notes/notespanel.h"
#include "operations/annotations.h"
#include "operations/library.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"
#include "text/codepoints.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <catch2/catch.hpp>

namespace {

using gloss::test::selectWithKeyboard;
using gloss::ui::CoderLayer;

// The coder's name in the user's settings for the length of a test, as the first-run prompt or
// Edit > Settings… leave it; the name before is put back after.
struct CoderSetting
{
    QString before = gloss::ui::storedCoder();
    explicit CoderSetting(const QString &name) { gloss::ui::storeCoder(name); }
    ~CoderSetting() { gloss::ui::storeCoder(before); }
    CoderSetting(const CoderSetting &) = delete;
    CoderSetting &operator=(const CoderSetting &) = delete;
};

const QString Body = QStringLiteral("Ministers met unions in Paris on Monday. Talks broke down after an hour.");

qint64 cp(const QString &text)
{
    return gloss::text::toCodePoints(Body, Body.indexOf(text));
}

qint64 addHighlight(gloss::Project &p, qint64 article, const QString &text, const QString &coder, qint64 tag)
{
    gloss::model::Highlight h;
    h.articleId = article;
    h.start = cp(text);
    h.end = h.start + text.size();
    h.coder = coder;
    h.tagIds = {tag};
    qint64 id = 0;
    p.annotations().addHighlight(h, &id);
    return id;
}

// Whether some highlight format the reader asked for covers the body text `text`.
bool painted(gloss::ui::ReaderView *reader, const QString &text)
{
    const qsizetype at = reader->textView()->toPlainText().indexOf(text);
    for (const auto &span : reader->textView()->spans())
        if (span.start <= at && at + text.size() <= span.end && span.format.background().style() != Qt::NoBrush)
            return true;
    return false;
}

QStringList titles(gloss::ui::ArticleListPanel *list)
{
    QStringList out;
    auto *model = list->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->data(model->index(row, gloss::ui::ArticleListModel::Title), Qt::DisplayRole).toString();
    out.sort();
    return out;
}

QAction *menuAction(QMenu *menu, const QString &startOfText)
{
    Q_EMIT menu->aboutToShow(); // as opening it does
    for (QAction *a : menu->actions())
        if (a->text().startsWith(startOfText))
            return a;
    return nullptr;
}

} // namespace

TEST_CASE("the coder from the settings is recorded on what the window writes", "[ui][coders]")
{
    CoderSetting setting(QStringLiteral("ann"));
    gloss::test::WindowFixture f;
    const qint64 article = f.tp.addArticle(QStringLiteral("Talks"), Body, QDate(2020, 3, 2));
    const qint64 tag = f.tp.project().store().tags().create(QStringLiteral("Actors"));
    f.open(article);

    CHECK(f.project().coder() == QStringLiteral("ann"));
    CHECK(f.window->windowTitle().contains(QStringLiteral("ann")));
    CHECK(f.window->coderButton()->text() == QStringLiteral("Coder: ann"));

    selectWithKeyboard(f.reader(), QStringLiteral("unions"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);
    const auto highlights = f.project().annotations().highlights(article);
    REQUIRE(highlights.size() == 1);
    CHECK(highlights.first().coder == QStringLiteral("ann"));
    CHECK(highlights.first().tagIds == QList<qint64>{tag});

    // The article tag (Ctrl+1) and the article note are ann's too.
    QTest::keyClick(f.reader()->textView(), Qt::Key_Escape);
    QTest::keyClick(f.reader()->textView(), Qt::Key_1, Qt::ControlModifier);
    CHECK(f.project().annotations().articleTags(article, QStringLiteral("ann")) == QList<qint64>{tag});
    CHECK(f.project().annotations().articleTags(article, QString()).isEmpty());
    f.window->notes()->setTarget(article, 0);
    QTest::keyClicks(f.window->notes()->editor(), QStringLiteral("check the date"));
    CHECK(f.project().annotations().articleNote(article, QStringLiteral("ann")) == QStringLiteral("check the date"));

    // Edit > Settings… names another coder: kept in the settings, and what follows is theirs.
    f.window->setCoder(QStringLiteral("ben"));
    CHECK(gloss::ui::storedCoder() == QStringLiteral("ben"));
    CHECK(f.window->windowTitle().contains(QStringLiteral("ben")));
    selectWithKeyboard(f.reader(), QStringLiteral("Paris"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_H);
    const auto after = f.project().annotations().highlights(article);
    REQUIRE(after.size() == 2);
    CHECK(after.last().quote == QStringLiteral("Paris"));
    CHECK(after.last().coder == QStringLiteral("ben"));
}

TEST_CASE("a coder named on the command line wins over the settings", "[ui][coders]")
{
    CoderSetting setting(QStringLiteral("ann"));
    gloss::test::WindowFixture f;
    const qint64 article = f.tp.addArticle(QStringLiteral("Talks"), Body, QDate(2020, 3, 2));
    f.tp.project().setCoder(QStringLiteral("cli")); // what main() does with --coder cli
    f.open(article);
    CHECK(f.project().coder() == QStringLiteral("cli"));
    CHECK(f.window->coderButton()->text() == QStringLiteral("Coder: cli"));
}

TEST_CASE("the coder dialog takes only a name a coder can have", "[ui][coders]")
{
    gloss::ui::CoderDialog dialog(gloss::ui::CoderDialog::Purpose::FirstRun, QStringLiteral("ann"));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    CHECK(dialog.nameEdit()->text() == QStringLiteral("ann"));
    CHECK(ok->isEnabled());
    dialog.nameEdit()->setText(QStringLiteral("ann,ben"));
    CHECK_FALSE(ok->isEnabled());
    dialog.nameEdit()->setText(QStringLiteral("   "));
    CHECK_FALSE(ok->isEnabled());
    dialog.nameEdit()->setText(QStringLiteral("  Ann Smith "));
    CHECK(ok->isEnabled());
    CHECK(dialog.name() == QStringLiteral("Ann Smith"));
    CHECK(gloss::ui::coderColor(QStringLiteral("ann")) == gloss::ui::coderColor(QStringLiteral("ann")));
    CHECK(gloss::ui::coderColor(QStringLiteral("ann")) != gloss::ui::coderColor(QStringLiteral("ben")));
}

TEST_CASE("Ctrl+D marks the article done for the coder, and undo takes the mark away", "[ui][coders]")
{
    CoderSetting setting(QStringLiteral("ann"));
    gloss::test::WindowFixture f;
    const qint64 article = f.tp.addArticle(QStringLiteral("Talks"), Body, QDate(2020, 3, 2));
    f.tp.project().library().setDone({article}, QStringLiteral("ben"), true);
    f.open(article);
    auto *model = f.window->articleList()->model();
    const auto doneCell
        = [&] { return model->data(model->index(0, gloss::ui::ArticleListModel::Done), Qt::DisplayRole).toString(); };
    CHECK(doneCell() == QStringLiteral("ben ✓"));
    CHECK_FALSE(f.reader()->doneAction()->isChecked());

    QTest::keyClick(f.reader()->textView(), Qt::Key_D, Qt::ControlModifier);
    CHECK(f.project().library().doneCoders(article) == QStringList{QStringLiteral("ann"), QStringLiteral("ben")});
    CHECK(f.reader()->doneAction()->isChecked());
    CHECK(f.reader()->doneLabel()->text().contains(QStringLiteral("you (ann) ✓")));
    CHECK(doneCell() == QStringLiteral("ann ✓ ben ✓"));

    f.undo()->undo();
    CHECK(f.project().library().doneCoders(article) == QStringList{QStringLiteral("ben")});
    CHECK_FALSE(f.reader()->doneAction()->isChecked());
    CHECK(doneCell() == QStringLiteral("ben ✓"));
    f.undo()->redo();
    CHECK(f.project().library().isDone(article));

    // From the article list too: Ctrl+D there takes the mark away again.
    f.window->articleList()->view()->setFocus();
    QTest::keyClick(f.window->articleList()->view(), Qt::Key_D, Qt::ControlModifier);
    CHECK(f.project().library().doneCoders(article) == QStringList{QStringLiteral("ben")});
}

TEST_CASE("the Done filter lists what is done by me, not yet by me, or by all of chosen coders", "[ui][coders]")
{
    CoderSetting setting(QStringLiteral("ann"));
    gloss::test::WindowFixture f;
    const qint64 a = f.tp.addArticle(QStringLiteral("A"), Body, QDate(2020, 3, 1));
    const qint64 b = f.tp.addArticle(QStringLiteral("B"), Body, QDate(2020, 3, 2));
    const qint64 c = f.tp.addArticle(QStringLiteral("C"), Body, QDate(2020, 3, 3));
    const qint64 tag = f.tp.project().store().tags().create(QStringLiteral("Actors"));
    addHighlight(f.tp.project(), a, QStringLiteral("unions"), QStringLiteral("ann"), tag);
    addHighlight(f.tp.project(), b, QStringLiteral("unions"), QStringLiteral("ben"), tag);
    f.tp.project().library().setDone({a, b}, QStringLiteral("ann"), true);
    f.tp.project().library().setDone({b, c}, QStringLiteral("ben"), true);
    f.open(a);
    gloss::ui::ArticleListPanel *list = f.window->articleList();
    QMenu *menu = list->doneFilterButton()->menu();

    QAction *mine = menuAction(menu, QStringLiteral("Done by Me"));
    REQUIRE(mine);
    mine->trigger();
    CHECK(titles(list) == QStringList{QStringLiteral("A"), QStringLiteral("B")});
    CHECK(list->doneFilterButton()->text() == QStringLiteral("Done by ann"));

    QAction *notMine = menuAction(menu, QStringLiteral("Not Yet Done by Me"));
    REQUIRE(notMine);
    CHECK_FALSE(notMine->isChecked());
    notMine->trigger();
    CHECK(titles(list) == QStringList{QStringLiteral("C")});
    CHECK(menuAction(menu, QStringLiteral("Not Yet Done by Me"))->isChecked());

    list->setDoneFilter({QStringLiteral("ann"), QStringLiteral("ben")}, {});
    CHECK(titles(list) == QStringList{QStringLiteral("B")});

    // Marking C done takes it out of "not yet done by me" at once.
    list->setDoneFilter({}, {QStringLiteral("ann")});
    list->selectArticle(c);
    QTest::keyClick(f.reader()->textView(), Qt::Key_D, Qt::ControlModifier);
    CHECK(titles(list).isEmpty());

    menuAction(menu, QStringLiteral("Any Progress"))->trigger();
    CHECK(titles(list) == QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    CHECK(list->doneFilterButton()->text() == QStringLiteral("Done"));
}

TEST_CASE("the coder layer shows mine, all or one coder's highlights", "[ui][coders]")
{
    CoderSetting setting(QStringLiteral("ann"));
    gloss::test::WindowFixture f;
    const qint64 article = f.tp.addArticle(QStringLiteral("Talks"), Body, QDate(2020, 3, 2));
    const qint64 tag = f.tp.project().store().tags().create(QStringLiteral("Actors"));
    const qint64 annId = addHighlight(f.tp.project(), article, QStringLiteral("Ministers"), QStringLiteral("ann"), tag);
    const qint64 benId
        = addHighlight(f.tp.project(), article, QStringLiteral("Talks broke"), QStringLiteral("ben"), tag);
    f.open(article);
    gloss::ui::ReaderView *reader = f.reader();

    // All coders (the first choice): both drawn, each coder in a lane of the margin.
    CHECK(reader->coderLayer().kind == CoderLayer::All);
    CHECK(reader->highlights().size() == 2);
    CHECK(painted(reader, QStringLiteral("Ministers")));
    CHECK(painted(reader, QStringLiteral("Talks broke")));
    REQUIRE(reader->textView()->coderMarks().size() == 2);
    CHECK(reader->textView()->coderMarks().at(0).lane != reader->textView()->coderMarks().at(1).lane);
    CHECK(reader->textView()->coderMargin()->isVisible());
    const int overBen = int(reader->textView()->toPlainText().indexOf(QStringLiteral("broke")));
    CHECK(reader->describeAt(overBen) == QStringLiteral("ben: Actors"));

    // Mine, chosen in the toolbar's combo: ben's highlight is neither listed nor painted.
    QComboBox *box = reader->coderBox();
    CHECK(box->isVisible()); // in the toolbar
    REQUIRE(box->count() == 3); // Mine (ann), All Coders, ben
    CHECK(box->itemText(2) == QStringLiteral("ben"));
    box->setCurrentIndex(0);
    Q_EMIT box->activated(0);
    CHECK(reader->coderLayer().kind == CoderLayer::Mine);
    REQUIRE(reader->highlights().size() == 1);
    CHECK(reader->highlights().first().id == annId);
    CHECK(painted(reader, QStringLiteral("Ministers")));
    CHECK_FALSE(painted(reader, QStringLiteral("Talks broke")));
    CHECK(reader->textView()->coderMarks().isEmpty());
    CHECK(reader->describeAt(overBen).isEmpty());

    // View > Coders > ben: only ben's.
    QAction *ben = menuAction(reader->coderMenu(), QStringLiteral("ben"));
    REQUIRE(ben);
    ben->trigger();
    CHECK(reader->coderLayer() == CoderLayer{CoderLayer::One, QStringLiteral("ben")});
    REQUIRE(reader->highlights().size() == 1);
    CHECK(reader->highlights().first().id == benId);
    CHECK_FALSE(painted(reader, QStringLiteral("Ministers")));
    CHECK(box->currentText() == QStringLiteral("ben"));

    // The choice is kept for the project.
    f.reopen();
    CHECK(f.reader()->coderLayer() == CoderLayer{CoderLayer::One, QStringLiteral("ben")});
}

TEST_CASE("another coder's highlight can be read but not changed", "[ui][coders]")
{
    CoderSetting setting(QStringLiteral("ann"));
    gloss::test::WindowFixture f;
    const qint64 article = f.tp.addArticle(QStringLiteral("Talks"), Body, QDate(2020, 3, 2));
    const qint64 tagA = f.tp.project().store().tags().create(QStringLiteral("Actors"));
    const qint64 tagB = f.tp.project().store().tags().create(QStringLiteral("Places"));
    const qint64 benId = addHighlight(f.tp.project(), article, QStringLiteral("Paris"), QStringLiteral("ben"), tagA);
    f.open(article);
    gloss::ui::ReaderView *reader = f.reader();
    gloss::ui::BodyView *view = reader->textView();

    reader->selectHighlight(benId);
    REQUIRE(reader->selectedHighlight() == benId);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_2);
    QTest::keyClick(view, Qt::Key_Right, Qt::AltModifier);
    QTest::keyClick(view, Qt::Key_Delete);
    const auto kept = f.project().annotations().highlight(benId);
    REQUIRE(kept);
    CHECK(kept->tagIds == QList<qint64>{tagA});
    CHECK(kept->end - kept->start == 5);
    CHECK(f.undo()->count() == 0);
    // Its note shows, read-only.
    CHECK(f.window->notes()->editor()->isReadOnly());

    // Selecting the same words and pressing 2 makes ann's own highlight beside ben's.
    selectWithKeyboard(reader, QStringLiteral("Paris"));
    QTest::keyClick(view, Qt::Key_2);
    const auto all = f.project().annotations().highlights(article);
    REQUIRE(all.size() == 2);
    CHECK(f.project().annotations().highlight(benId)->tagIds == QList<qint64>{tagA});
    for (const auto &h : all)
        if (h.id != benId) {
            CHECK(h.coder == QStringLiteral("ann"));
            CHECK(h.tagIds == QList<qint64>{tagB});
        }
    CHECK_FALSE(f.window->notes()->editor()->isReadOnly());
}
