#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "commands/timerefoverridecommand.h"
#include "document.h"
#include "mainwindow.h"
#include "operations/timeline.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QHelpEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

#include <catch2/catch.hpp>

namespace {

// Inserts an article and finds its dates, as import does.
qint64 addWithTimes(gloss::test::TempProject &tp, const QString &title, const QString &body, const QDate &published)
{
    const qint64 id = tp.addArticle(title, body, published);
    tp.project().timeline().extract(*tp.project().store().articles().get(id));
    return id;
}

qsizetype indexOf(const gloss::ui::TimelineView *view, const QString &text)
{
    for (qsizetype i = 0; i < view->references().size(); ++i)
        if (view->references().at(i).text == text)
            return i;
    return -1;
}

} // namespace

TEST_CASE("clicking a date in the article lane selects it in the reader", "[ui][timeline]")
{
    gloss::test::WindowFixture f;
    gloss::test::TempProject &tp = f.tp;
    const QString body = QStringLiteral("KABUL 🇦🇫 — The Taliban on Saturday said they would halt attacks for three "
                                        "days, after President Ghani declared "
                                        "a truce on Thursday.\n\nThe government's ceasefire runs from Tuesday through "
                                        "June 19. Ghani first offered talks "
                                        "back in February, and a vote is scheduled for next year.");
    const qint64 id = addWithTimes(tp, QStringLiteral("Taliban announce Eid ceasefire"), body, QDate(2018, 6, 9));
    f.open(0, QSize(1200, 800));
    gloss::ui::MainWindow &window = *f.window;
    window.articleList()->selectArticle(id);

    gloss::ui::TimelineView *view = window.timeline()->view();
    REQUIRE(view->currentArticle() == id);
    const qsizetype thursday = indexOf(view, QStringLiteral("Thursday"));
    REQUIRE(thursday >= 0);
    CHECK(view->references().at(thursday).value == u"2018-06-07");
    const QRect mark = view->referenceRect(thursday);
    REQUIRE(view->rect().contains(mark.center()));
    QTest::mouseClick(view, Qt::LeftButton, {}, mark.center());

    const QTextCursor cursor = window.reader()->textView()->textCursor();
    CHECK(cursor.selectedText() == QStringLiteral("Thursday"));
    CHECK(cursor.selectionStart() == body.indexOf(QStringLiteral("Thursday")));

    // Hovering shows the sentence.
    QHelpEvent hover(QEvent::ToolTip, mark.center(), view->mapToGlobal(mark.center()));
    QApplication::sendEvent(view, &hover);
    CHECK(QToolTip::text().contains(QStringLiteral("after President Ghani declared a truce on Thursday.")));
    CHECK(QToolTip::text().contains(QStringLiteral("2018-06-07")));

    // A span (the month of "back in February") leads to its own text too.
    view->fitAll();
    const qsizetype february = indexOf(view, QStringLiteral("February"));
    REQUIRE(february >= 0);
    const QRect span = view->referenceRect(february);
    REQUIRE(view->rect().contains(span.center()));
    QTest::mouseClick(view, Qt::LeftButton, {}, span.center());
    CHECK(window.reader()->textView()->textCursor().selectedText() == QStringLiteral("February"));
}

TEST_CASE("correcting and dismissing a date is undoable", "[ui][timeline]")
{
    gloss::test::TempProject tp;
    const qint64 id = addWithTimes(tp, QStringLiteral("Trade"),
        QStringLiteral("The truce agreed in July could unravel next year."), QDate(2018, 11, 14));
    gloss::ui::Document document(tp.take());
    gloss::ui::TimelinePanel panel(document);
    panel.resize(900, 300);
    panel.showArticle(id);
    gloss::ui::TimelineView *view = panel.view();
    REQUIRE(view->references().size() == 2);
    const gloss::model::TimeRef july = view->references().at(0);
    document.undoStack()->push(new gloss::ui::TimeRefOverrideCommand(document, id, july.start, july.end,
        gloss::model::TimeRefOverride{id, july.start, july.end, QStringLiteral("2018-07-25"), {}, false, {}},
        QStringLiteral("Correct")));
    CHECK(view->references().at(0).value == u"2018-07-25");
    CHECK(view->references().at(0).overridden);
    document.undoStack()->push(new gloss::ui::TimeRefOverrideCommand(document, id, july.start, july.end,
        gloss::model::TimeRefOverride{id, july.start, july.end, {}, {}, true, {}}, QStringLiteral("Dismiss")));
    CHECK(view->references().size() == 1);
    document.undoStack()->undo();
    REQUIRE(view->references().size() == 2);
    CHECK(view->references().at(0).value == u"2018-07-25");
    document.undoStack()->undo();
    CHECK(view->references().at(0).value == u"2018-07");
    CHECK_FALSE(view->references().at(0).overridden);
}

TEST_CASE("brushing the project lane filters the article list by date", "[ui][timeline]")
{
    gloss::test::WindowFixture f;
    gloss::test::TempProject &tp = f.tp;
    addWithTimes(
        tp, QStringLiteral("Ghani offers talks"), QStringLiteral("Ghani spoke on Wednesday."), QDate(2018, 2, 28));
    const qint64 june = addWithTimes(
        tp, QStringLiteral("Eid truce"), QStringLiteral("The truce began on Thursday."), QDate(2018, 6, 7));
    addWithTimes(
        tp, QStringLiteral("Ceasefire holds"), QStringLiteral("Fighting paused this weekend."), QDate(2018, 6, 17));
    addWithTimes(tp, QStringLiteral("Talks stall"), QStringLiteral("Talks stalled on Wednesday."), QDate(2018, 11, 14));
    f.open(0, QSize(1200, 800));
    gloss::ui::MainWindow &window = *f.window;
    window.articleList()->selectArticle(june);

    gloss::ui::TimelineView *view = window.timeline()->view();
    view->fitAll();
    auto *model = window.articleList()->model();
    REQUIRE(model->rowCount() == 4);

    const int y = view->projectLaneRect().center().y();
    const int x0 = int(view->xOfDate(QDate(2018, 5, 1)));
    const int x1 = int(view->xOfDate(QDate(2018, 7, 1)));
    REQUIRE(x0 > 0);
    REQUIRE(x1 < view->width());
    QTest::mousePress(view, Qt::LeftButton, {}, QPoint(x0, y));
    QTest::mouseMove(view, QPoint((x0 + x1) / 2, y));
    QTest::mouseMove(view, QPoint(x1, y));
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(x1, y));

    CHECK(view->brushFrom().isValid());
    CHECK(view->brushFrom() <= QDate(2018, 6, 7));
    CHECK(view->brushTo() >= QDate(2018, 6, 17));
    REQUIRE(model->rowCount() == 2);
    CHECK(model->data(model->index(0, gloss::ui::ArticleListModel::Title), Qt::DisplayRole).toString() == u"Eid truce");
    CHECK(window.articleList()->currentArticle() == june);

    // Articles can be marked (the entity panel marks those mentioning an entity).
    auto linkColumn = [view](const QDate &date) {
        const QImage image = view->grab().toImage();
        const QRect lane = view->projectLaneRect();
        const int x = int(view->xOfDate(date) + view->pixelsPerDay() / 2);
        const QRgb link = view->palette().color(QPalette::Link).rgb();
        for (int row = lane.top(); row <= lane.bottom(); ++row)
            if (image.pixel(x, row) == link)
                return true;
        return false;
    };
    CHECK_FALSE(linkColumn(QDate(2018, 6, 7)));
    view->setMarkedArticles({june}, QStringLiteral("Ghani"));
    CHECK(linkColumn(QDate(2018, 6, 7)));
    CHECK_FALSE(linkColumn(QDate(2018, 6, 17)));

    // A click on an empty stretch of the lane lifts the filter.
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(int(view->xOfDate(QDate(2018, 9, 20))), y));
    CHECK(model->rowCount() == 4);
}

TEST_CASE("durations, recurrences and references are listed beside the axis and lead to their text", "[ui][timeline]")
{
    gloss::test::WindowFixture f;
    gloss::test::TempProject &tp = f.tp;
    const QString body = QStringLiteral("KABUL — The Taliban on Saturday said they would halt attacks for three days. "
                                        "Talks are held every Friday, and the group is divided, as in the past. "
                                        "The offer came after weeks of talks.");
    const qint64 id = addWithTimes(tp, QStringLiteral("Ceasefire"), body, QDate(2018, 6, 9));
    const qint64 plain
        = addWithTimes(tp, QStringLiteral("Plain"), QStringLiteral("The truce held on Thursday."), QDate(2018, 6, 9));
    f.open(0, QSize(1200, 800));
    gloss::ui::MainWindow &window = *f.window;
    window.articleList()->selectArticle(id);
    QListWidget *list = window.timeline()->unplacedList();
    REQUIRE(window.timeline()->view()->currentArticle() == id);
    QStringList lines;
    for (int i = 0; i < list->count(); ++i)
        lines.append(list->item(i)->text());
    INFO(lines.join(u'\n').toStdString());
    CHECK(list->isVisible());
    // The duration in words; a plotted date ("Saturday") is not listed.
    const QStringList days = lines.filter(QStringLiteral("lasts 3 days"));
    REQUIRE(days.size() == 1);
    CHECK(lines.filter(QStringLiteral("every Friday")).size() == 1);
    CHECK(lines.filter(QStringLiteral("refers to the past")).size() == 1);
    // A vague amount reads as one: "lasts several weeks", not "lasts weeks".
    CHECK(lines.filter(QStringLiteral("lasts several weeks")).size() == 1);
    CHECK(lines.filter(QStringLiteral("lasts weeks")).isEmpty());
    CHECK(lines.filter(QStringLiteral("Saturday")).isEmpty()); // on the axis

    // A click selects its words in the reader.
    QListWidgetItem *item = list->item(int(lines.indexOf(days.first())));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    const QString selected = window.reader()->textView()->textCursor().selectedText();
    CHECK(selected.contains(QStringLiteral("three days")));

    // An article with only plotted dates has no list.
    window.articleList()->selectArticle(plain);
    CHECK(list->count() == 0);
    CHECK_FALSE(list->isVisible());
}
