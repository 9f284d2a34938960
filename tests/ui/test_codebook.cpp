#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "codebook/codebookmodel.h"
#include "codebook/codebookpanel.h"
#include "commands/tagcommands.h"
#include "document.h"
#include "mainwindow.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "support/windowfixture.h"

#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

namespace {

using Fixture = gloss::test::CodingFixture;
using gloss::test::selectWithKeyboard;

} // namespace

TEST_CASE("codebook edits are undoable and show in the reader", "[ui][codebook]")
{
    Fixture f;
    selectWithKeyboard(f.reader(), QStringLiteral("Núñez"));
    QTest::keyClick(f.reader()->textView(), Qt::Key_1);
    const qint64 h = f.reader()->selectedHighlight();

    gloss::ui::CodebookPanel *codebook = f.window->codebook();
    gloss::ui::CodebookModel *model = codebook->model();
    // Rename through the model, as the in-place editor does.
    REQUIRE(model->setData(model->indexOf(f.tagA), QStringLiteral("People"), Qt::EditRole));
    CHECK(f.project().store().tags().get(f.tagA)->name == QStringLiteral("People"));
    f.undo()->undo();
    CHECK(f.project().store().tags().get(f.tagA)->name == QStringLiteral("Actors"));
    f.undo()->redo();

    // Merge Places into People: the highlight keeps one tag; undo separates them again.
    f.project().store().highlights().addTag(h, f.tagB);
    codebook->selectTag(f.tagB);
    f.document->undoStack()->push(new gloss::ui::MergeTagsCommand(*f.document, f.tagB, f.tagA));
    CHECK_FALSE(f.project().store().tags().get(f.tagB));
    CHECK(f.project().store().highlights().get(h)->tagIds == QList<qint64>{f.tagA});
    f.undo()->undo();
    CHECK(f.project().store().tags().get(f.tagB));
    CHECK(f.project().store().highlights().get(h)->tagIds.size() == 2);

    // Delete (confirmed) and undo brings the tag and its use back.
    codebook->selectTag(f.tagA);
    codebook->deleteCurrent(true);
    CHECK_FALSE(f.project().store().tags().get(f.tagA));
    CHECK(f.project().store().highlights().get(h)->tagIds == QList<qint64>{f.tagB});
    f.undo()->undo();
    CHECK(f.project().store().tags().get(f.tagA)->name == QStringLiteral("People"));
    CHECK(f.project().store().highlights().get(h)->tagIds.contains(f.tagA));

    // Double-clicking a tag filters the article list.
    const qint64 other = f.project().store().articles().ids({}).size();
    CHECK(other == 1);
    Q_EMIT codebook->tagActivated(f.tagB);
    CHECK(f.window->articleList()->model()->filter().tagId == f.tagB);
    CHECK(f.window->articleList()->model()->rowCount() == 1);
}
