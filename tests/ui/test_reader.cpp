#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "mainwindow.h"
#include "notes/notespanel.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

namespace {

using Fixture = gloss::test::CodingFixture;
using gloss::test::selectWithKeyboard;

const QString &Body = Fixture::Body;

qint64 cp(const QString &text)
{
    return Fixture::cp(text);
}

} // namespace

TEST_CASE("selecting text and pressing 1 creates a highlight with code point offsets", "[ui][reader]")
{
    Fixture f;
    selectWithKeyboard(f.reader(), QStringLiteral("Núñez"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);

    const auto highlights = f.project().store().highlights().forArticle(f.articleId);
    REQUIRE(highlights.size() == 1);
    const auto &h = highlights.first();
    CHECK(h.start == cp(QStringLiteral("Núñez")));
    CHECK(h.end == h.start + 5);
    CHECK(h.quote == QStringLiteral("Núñez"));
    CHECK(h.tagIds == QList<qint64>{f.tagA});
    CHECK(f.reader()->selectedHighlight() == h.id);
    // "Fans posted 😀😀 and 🇵🇰 as ": the two emoji and the flag are 2 + 2 code points (8 UTF-16 units).
    CHECK(h.start == 25);

    // Key 2 adds the second tag to the selected highlight; pressing it again removes it.
    QTest::keyClick(f.reader()->textView(), Qt::Key_2);
    CHECK(f.project().store().highlights().get(h.id)->tagIds == QList<qint64>{f.tagA, f.tagB});
    QTest::keyClick(f.reader()->textView(), Qt::Key_2);
    CHECK(f.project().store().highlights().get(h.id)->tagIds == QList<qint64>{f.tagA});

    // '.' repeats the last tag on a new selection.
    selectWithKeyboard(f.reader(), QStringLiteral("São Paulo"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_Period);
    const auto after = f.project().store().highlights().forArticle(f.articleId);
    REQUIRE(after.size() == 2);
    CHECK(after.last().quote == QStringLiteral("São Paulo"));
    CHECK(after.last().tagIds == QList<qint64>{f.tagB});

    // Undo twice: the São Paulo highlight goes, then the tag removal comes back.
    f.undo()->undo();
    CHECK(f.project().store().highlights().forArticle(f.articleId).size() == 1);
    f.undo()->redo();
    CHECK(f.project().store().highlights().forArticle(f.articleId).size() == 2);
}

TEST_CASE("clicking a highlight selects it, Delete removes it and undo restores it", "[ui][reader]")
{
    Fixture f;
    selectWithKeyboard(f.reader(), QStringLiteral("Zürich"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);
    const qint64 id = f.reader()->selectedHighlight();
    REQUIRE(id > 0);
    QTest::keyClick(f.reader()->textView(), Qt::Key_Escape);
    CHECK(f.reader()->selectedHighlight() == 0);

    gloss::ui::BodyView *view = f.reader()->textView();
    QTextCursor c(view->document());
    c.setPosition(int(Body.indexOf(QStringLiteral("Zürich"))) + 2);
    const QPoint point = view->cursorRect(c).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
    CHECK(f.reader()->selectedHighlight() == id);

    QTest::keyClick(view, Qt::Key_Delete);
    CHECK_FALSE(f.project().store().highlights().get(id));
    f.undo()->undo();
    const auto back = f.project().store().highlights().get(id);
    REQUIRE(back);
    CHECK(back->quote == QStringLiteral("Zürich"));
    CHECK(back->tagIds == QList<qint64>{f.tagA});
}

TEST_CASE("word keys move a highlight's edges, one undo step per run", "[ui][reader]")
{
    Fixture f;
    selectWithKeyboard(f.reader(), QStringLiteral("arrived"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_H);
    const qint64 id = f.reader()->selectedHighlight();
    REQUIRE(id > 0);
    QTest::keyClick(f.reader()->textView(), Qt::Key_Right, Qt::AltModifier);
    CHECK(f.project().store().highlights().get(id)->quote == QStringLiteral("arrived in"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_Right, Qt::AltModifier);
    CHECK(f.project().store().highlights().get(id)->quote == QStringLiteral("arrived in Zürich"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    CHECK(f.project().store().highlights().get(id)->quote == QStringLiteral("Núñez arrived in Zürich"));
    f.undo()->undo(); // the three adjustments are one step
    CHECK(f.project().store().highlights().get(id)->quote == QStringLiteral("arrived"));
}

TEST_CASE("reopening the project shows exactly what was there, on the same article", "[ui][reader]")
{
    Fixture f;
    gloss::model::Article other;
    other.title = QStringLiteral("Second");
    other.body = QStringLiteral("Another body.");
    other.published = QDate(2018, 6, 10);
    const qint64 otherId = f.project().store().articles().insert(other);
    f.document->notify(gloss::ui::Document::Articles);

    selectWithKeyboard(f.reader(), QStringLiteral("São Paulo"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_2);
    const qint64 h = f.reader()->selectedHighlight();
    QTest::keyClicks(f.window->notes()->editor(), QStringLiteral("city"));
    f.reader()->textView()->setFocus();
    QTest::keyClick(f.reader()->textView(), Qt::Key_J); // next article
    CHECK(f.reader()->articleId() == otherId);

    f.reopen();
    CHECK(f.reader()->articleId() == otherId); // back on the article we left
    const auto back = f.project().store().highlights().get(h);
    REQUIRE(back);
    CHECK(back->quote == QStringLiteral("São Paulo"));
    CHECK(back->tagIds == QList<qint64>{f.tagB});
    CHECK(back->note == QStringLiteral("city"));
}

TEST_CASE("Ctrl+number tags the article itself, and the list shows it", "[ui][reader]")
{
    Fixture f;
    f.reader()->textView()->setFocus();
    QTest::keyClick(f.reader()->textView(), Qt::Key_2, Qt::ControlModifier);
    CHECK(f.project().store().articles().articleTags(f.articleId, QString()) == QList<qint64>{f.tagB});
    auto *model = f.window->articleList()->model();
    CHECK(model->data(model->index(0, gloss::ui::ArticleListModel::Tags), Qt::DisplayRole).toString()
        == QStringLiteral("Places"));
    f.undo()->undo();
    CHECK(f.project().store().articles().articleTags(f.articleId, QString()).isEmpty());
}

TEST_CASE("highlights are painted in their tag's colour", "[ui][reader]")
{
    Fixture f;
    f.project().store().tags().setColor(f.tagB, QStringLiteral("#3366cc"));
    selectWithKeyboard(f.reader(), QStringLiteral("Zürich"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_2);
    const auto spans = f.reader()->textView()->spans();
    REQUIRE(spans.size() == 1);
    const QColor color = spans.first().format.background().color();
    CHECK(color.name() == QStringLiteral("#3366cc"));
    CHECK(f.reader()->textView()->spanText(spans.first()) == QStringLiteral("Zürich"));

    // And on screen: the word's background is the tag's colour over the page, once the cursor's
    // own selection is gone (the pixels a coder sees, not only the formats Gloss asked for).
    gloss::ui::BodyView *view = f.reader()->textView();
    QTextCursor c = view->textCursor();
    const int at = int(view->toPlainText().indexOf(QStringLiteral("Zürich")));
    c.setPosition(at + 3);
    view->setTextCursor(c);
    const QRect word = view->cursorRect(c);
    const QImage shot = view->viewport()->grab().toImage();
    int blue = 0;
    for (int dx = -8; dx <= 8; dx += 2) {
        const QColor px = shot.pixelColor(word.center().x() + dx, word.top() + 1);
        if (px.blue() > px.red() + 40)
            ++blue;
    }
    CHECK(blue >= 6);
    // Outside any highlight the page is not tinted.
    const QColor page = shot.pixelColor(shot.width() - 4, shot.height() - 4);
    CHECK(std::abs(page.blue() - page.red()) < 10);
}
