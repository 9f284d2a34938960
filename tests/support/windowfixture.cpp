#include "support/windowfixture.h"

#include "articles/articlelistpanel.h"
#include "document.h"
#include "mainwindow.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "text/codepoints.h"

#include <QTest>

namespace gloss::test {

WindowFixture::WindowFixture() = default;

WindowFixture::~WindowFixture()
{
    window.reset(); // the window before the document it shows
    document.reset();
}

void WindowFixture::open(qint64 article, const QSize &size)
{
    document = std::make_unique<ui::Document>(tp.take());
    window = std::make_unique<ui::MainWindow>(*document);
    if (size.isValid())
        window->resize(size);
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    if (article == 0)
        return;
    window->articleList()->selectArticle(article);
    REQUIRE(window->reader()->articleId() == article);
}

void WindowFixture::reopen()
{
    window->close();
    window.reset();
    document.reset();
    tp.reopen();
    open();
}

Project &WindowFixture::project()
{
    return document->project();
}

QUndoStack *WindowFixture::undo()
{
    return document->undoStack();
}

ui::ReaderView *WindowFixture::reader()
{
    return window->reader();
}

const QString CodingFixture::Body = QStringLiteral("Fans posted 😀😀 and 🇵🇰 as Núñez arrived in Zürich on Thursday.\n"
                                                   "Officials in São Paulo said the talks would resume next week.");

CodingFixture::CodingFixture()
{
    articleId = tp.addArticle(QStringLiteral("Arrival in Zürich"), Body, QDate(2018, 6, 9), QStringLiteral("AFP"));
    tagA = tp.project().store().tags().create(QStringLiteral("Actors"));
    tagB = tp.project().store().tags().create(QStringLiteral("Places"));
    open(articleId);
}

qint64 CodingFixture::cp(const QString &text)
{
    return text::toCodePoints(Body, Body.indexOf(text));
}

void selectWithKeyboard(ui::ReaderView *reader, const QString &text)
{
    ui::BodyView *view = reader->textView();
    const int at = int(view->toPlainText().indexOf(text));
    REQUIRE(at >= 0);
    QTextCursor c = view->textCursor();
    c.setPosition(at);
    view->setTextCursor(c);
    view->setFocus();
    for (int i = 0; i < text.size(); ++i)
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    REQUIRE(view->textCursor().selectedText() == text);
}

} // namespace gloss::test
