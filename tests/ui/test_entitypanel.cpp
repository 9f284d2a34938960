#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "entities/entitymodel.h"
#include "entities/entitypanel.h"
#include "mainwindow.h"
#include "operations/entities.h"
#include "operations/project.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "storage/sqlite/sqlitestore.h"
#include "support/windowfixture.h"
#include "text/codepoints.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <catch2/catch.hpp>

using gloss::ui::EntityModel;
using gloss::ui::EntityPanel;

namespace {

const QString Body = QStringLiteral(
    "WASHINGTON: Fans posted 😀 as Secretary of State Mike Pompeo met officials from the U.S. and Pakistan. "
    "Pompeo said the United States would help. Pakistan's army agreed, and Pompeo left for Kabul.");

struct Fixture : gloss::test::WindowFixture
{
    qint64 article = 0;
    EntityPanel *panel = nullptr;

    Fixture()
    {
        article = tp.addArticle(QStringLiteral("Pompeo visits"), Body, QDate(2018, 6, 9));
        tp.project().entities().extract(*tp.project().store().articles().get(article));
        const qint64 other = tp.addArticle(QStringLiteral("Kabul"), QStringLiteral("KABUL: Officials in Kabul met."));
        tp.project().entities().extract(*tp.project().store().articles().get(other));
        open();
        panel = window->findChild<EntityPanel *>();
        REQUIRE(panel);
        window->articleList()->selectArticle(article);
        REQUIRE(window->reader()->articleId() == article);
    }

    qint64 entityId(const QString &name) { return named(name)->id; }
    std::optional<gloss::model::Entity> named(const QString &name)
    {
        for (const auto &e : document->project().store().entities().list())
            if (e.name == name)
                return e;
        return std::nullopt;
    }

    // Clicks the entity's row in the panel (with Ctrl to add it to the selection).
    void click(qint64 id, Qt::KeyboardModifiers modifiers = {})
    {
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(panel->view()->model());
        REQUIRE(proxy);
        const QModelIndex index = proxy->mapFromSource(panel->model()->indexOf(id));
        REQUIRE(index.isValid());
        panel->view()->scrollTo(index);
        QTest::mouseClick(
            panel->view()->viewport(), Qt::LeftButton, modifiers, panel->view()->visualRect(index).center());
    }

    QList<std::pair<qint64, qint64>> underlined() const
    {
        QList<std::pair<qint64, qint64>> spans;
        const gloss::ui::BodyView *view = window->reader()->textView();
        for (const gloss::ui::BodyView::Span &span : view->spans())
            if (span.format.fontUnderline())
                spans.append(
                    {view->pieces().codePointOfDocument(span.start), view->pieces().codePointOfDocument(span.end)});
        return spans;
    }
};

qint64 cp(const QString &text, int occurrence = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = Body.indexOf(text, at + 1);
    return gloss::text::toCodePoints(Body, at);
}

} // namespace

TEST_CASE("the entity panel lists the article's entities grouped by type", "[ui][entities]")
{
    Fixture f;
    EntityModel *model = f.panel->model();
    CHECK(model->entityCount() == 5); // Washington, Mike Pompeo, United States, Pakistan, Kabul
    const QModelIndex people = model->index(int(gloss::model::EntityType::Person), 0);
    CHECK(model->data(people, Qt::DisplayRole).toString() == QStringLiteral("People (1)"));
    const QModelIndex pompeo = model->indexOf(f.entityId(QStringLiteral("Mike Pompeo")));
    CHECK(pompeo.parent() == people);
    CHECK(model->data(pompeo.siblingAtColumn(EntityModel::Mentions), Qt::DisplayRole).toInt() == 3);

    // The switch shows the whole project with article counts, and the filter narrows it by name.
    QTest::mouseClick(f.panel->projectSwitch(), Qt::LeftButton);
    CHECK(model->isProjectWide());
    const QModelIndex kabul = model->indexOf(f.entityId(QStringLiteral("Kabul")));
    CHECK(model->data(kabul.siblingAtColumn(EntityModel::Articles), Qt::DisplayRole).toInt() == 2);
    QTest::keyClicks(f.panel->filterBox(), QStringLiteral("pomp"));
    auto *proxy = f.panel->view()->model();
    int visible = 0;
    for (int g = 0; g < proxy->rowCount(); ++g)
        visible += proxy->rowCount(proxy->index(g, 0));
    CHECK(visible == 1);
}

TEST_CASE("selecting an entity marks its mentions in the reader and F3 steps through them", "[ui][entities]")
{
    Fixture f;
    const qint64 pompeo = f.entityId(QStringLiteral("Mike Pompeo"));
    f.click(pompeo);
    CHECK(f.panel->currentEntity() == pompeo);
    const QList<std::pair<qint64, qint64>> expected
        = {{cp(QStringLiteral("Mike Pompeo")), cp(QStringLiteral("Mike Pompeo")) + 11},
            {cp(QStringLiteral("Pompeo"), 1), cp(QStringLiteral("Pompeo"), 1) + 6},
            {cp(QStringLiteral("Pompeo"), 2), cp(QStringLiteral("Pompeo"), 2) + 6}};
    CHECK(f.underlined() == expected);
    // The first mention is selected in the reader; F3 moves to the next, Shift+F3 back.
    QPlainTextEdit *text = f.window->reader()->textView();
    CHECK(text->textCursor().selectedText() == QStringLiteral("Mike Pompeo"));
    QTest::keyClick(f.panel->view(), Qt::Key_F3);
    CHECK(f.panel->currentMention() == 1);
    CHECK(gloss::text::toCodePoints(Body, text->textCursor().selectionStart()) == expected.at(1).first);
    QTest::keyClick(f.panel->view(), Qt::Key_F3, Qt::ShiftModifier);
    CHECK(f.panel->currentMention() == 0);

    // Another entity replaces the marks; highlights are not touched (none are underlined).
    f.click(f.entityId(QStringLiteral("Pakistan")));
    CHECK(f.underlined().size() == 2);
}

TEST_CASE("merging two entities in the panel updates the panel and the project, and undo splits them", "[ui][entities]")
{
    Fixture f;
    const qint64 us = f.entityId(QStringLiteral("United States"));
    const qint64 washington = f.entityId(QStringLiteral("Washington"));
    f.click(washington);
    f.click(us, Qt::ControlModifier);
    CHECK(f.panel->selectedEntities().size() == 2);
    CHECK(f.panel->currentEntity() == us);
    QTest::keyClick(f.panel->view(), Qt::Key_M, Qt::ControlModifier);

    CHECK_FALSE(f.panel->model()->indexOf(washington).isValid());
    const QModelIndex merged = f.panel->model()->indexOf(us);
    REQUIRE(merged.isValid());
    CHECK(f.panel->model()->data(merged.siblingAtColumn(EntityModel::Mentions), Qt::DisplayRole).toInt() == 3);
    CHECK_FALSE(f.document->project().store().entities().get(washington));
    CHECK(f.document->project().store().entities().get(us)->aliases.contains(QStringLiteral("Washington")));
    CHECK(f.document->undoStack()->undoText() == QStringLiteral("Merge into “United States”"));
    // The merge holds when the article is read again.
    f.document->project().entities().reextract(f.article);
    CHECK(f.document->project().store().entities().get(us)->mentions == 3);

    f.document->undoStack()->undo();
    CHECK(f.panel->model()->indexOf(washington).isValid());
    CHECK(f.document->project().store().entities().get(washington)->mentions == 1);
    CHECK(f.document->project().store().entities().get(us)->mentions == 2);
    f.document->undoStack()->redo();
    CHECK_FALSE(f.panel->model()->indexOf(washington).isValid());
}

TEST_CASE("not an entity, and marking a selection, from the panel are undoable", "[ui][entities]")
{
    Fixture f;
    const qint64 kabul = f.entityId(QStringLiteral("Kabul"));
    f.click(kabul);
    QTest::keyClick(f.panel->view(), Qt::Key_Delete);
    CHECK_FALSE(f.panel->model()->indexOf(kabul).isValid());
    CHECK(f.document->project().store().entities().rejectedNames().contains(QStringLiteral("Kabul")));
    f.document->undoStack()->undo();
    CHECK(f.panel->model()->indexOf(kabul).isValid());

    // "Fans" selected in the reader, marked as an organisation.
    QPlainTextEdit *text = f.window->reader()->textView();
    QTextCursor cursor = text->textCursor();
    cursor.setPosition(int(Body.indexOf(QStringLiteral("Fans"))));
    cursor.setPosition(int(Body.indexOf(QStringLiteral("Fans")) + 4), QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    const auto before = f.panel->model()->entityCount();
    QList<QAction *> types;
    for (QToolButton *b : f.panel->findChildren<QToolButton *>())
        if (b->menu())
            types = b->menu()->actions();
    REQUIRE(types.size() == 4);
    types.at(1)->trigger(); // organisation
    CHECK(f.panel->model()->entityCount() == before + 1);
    const auto fans = f.named(QStringLiteral("Fans"));
    REQUIRE(fans);
    CHECK(fans->type == gloss::model::EntityType::Organization);
    f.document->undoStack()->undo();
    CHECK_FALSE(f.named(QStringLiteral("Fans")));
}

TEST_CASE("\"Show articles mentioning\" filters the article list until cleared", "[ui][entities]")
{
    Fixture f;
    auto *articles = f.window->articleList()->model();
    REQUIRE(articles->rowCount() == 2);
    const qint64 pompeo = f.entityId(QStringLiteral("Mike Pompeo"));
    Q_EMIT f.panel->showArticlesMentioning(pompeo, QStringLiteral("Mike Pompeo"));
    REQUIRE(articles->rowCount() == 1);
    CHECK(articles->articleAt(0) == f.article);
    const qint64 kabul = f.entityId(QStringLiteral("Kabul"));
    Q_EMIT f.panel->showArticlesMentioning(kabul, QStringLiteral("Kabul"));
    CHECK(articles->rowCount() == 2);
    Q_EMIT f.panel->showArticlesMentioning(pompeo, QStringLiteral("Mike Pompeo"));
    // The button above the list shows the filter and clears it.
    QToolButton *clear = nullptr;
    for (QToolButton *b : f.window->articleList()->findChildren<QToolButton *>())
        if (b->text().contains(QStringLiteral("Mike Pompeo")))
            clear = b;
    REQUIRE(clear);
    CHECK(clear->isVisible());
    QTest::mouseClick(clear, Qt::LeftButton);
    CHECK(articles->rowCount() == 2);
    CHECK_FALSE(clear->isVisible());
}
