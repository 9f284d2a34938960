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

} // namespace

TEST_CASE("notes are saved as you type, a burst is one undo step", "[ui][notes]")
{
    Fixture f;
    QPlainTextEdit *editor = f.window->notes()->editor();
    // With no highlight selected the note is the article's.
    QTest::keyClicks(editor, QStringLiteral("Check the date"));
    CHECK(f.project().store().highlights().articleNote(f.articleId, QString()) == QStringLiteral("Check the date"));

    selectWithKeyboard(f.reader(), QStringLiteral("Thursday"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);
    const qint64 id = f.reader()->selectedHighlight();
    CHECK(editor->toPlainText().isEmpty());
    QTest::keyClicks(editor, QStringLiteral("June 7"));
    editor->insertPlainText(QStringLiteral(" — verify 😀")); // as an input method delivers it
    CHECK(f.project().store().highlights().note(id) == QStringLiteral("June 7 — verify 😀"));
    f.undo()->undo();
    CHECK(f.project().store().highlights().note(id).isEmpty());
    CHECK(editor->toPlainText().isEmpty());
    f.undo()->redo();
    CHECK(editor->toPlainText() == QStringLiteral("June 7 — verify 😀"));
}
