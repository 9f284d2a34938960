#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "mainwindow.h"
#include "support/windowfixture.h"

#include <QUndoStack>

#include <catch2/catch.hpp>

namespace {

using Fixture = gloss::test::CodingFixture;

} // namespace

TEST_CASE("article sets are created from the selection and filter the list", "[ui][sets]")
{
    Fixture f;
    f.document->project().store().articles();
    gloss::ui::ArticleListPanel *list = f.window->articleList();
    list->newSetFromSelection(QStringLiteral("Zürich"));
    const auto sets = f.project().store().sets().all();
    REQUIRE(sets.size() == 1);
    CHECK(sets.first().articles == 1);
    list->setSetFilter(sets.first().id);
    CHECK(list->model()->rowCount() == 1);
    f.undo()->undo();
    CHECK(f.project().store().sets().all().isEmpty());
}
