#pragma once

#include "support/tempproject.h"

#include <QSize>
#include <QString>

#include <memory>

class QUndoStack;

namespace gloss::ui {
class Document;
class MainWindow;
class ReaderView;
} // namespace gloss::ui

namespace gloss::test {

// A temporary project opened in the main window, shown offscreen and ready to drive with key
// presses and clicks (ui tests). Fill the project through `tp`, then open().
struct WindowFixture
{
    TempProject tp;
    std::unique_ptr<ui::Document> document;
    std::unique_ptr<ui::MainWindow> window;

    WindowFixture();
    ~WindowFixture();
    WindowFixture(const WindowFixture &) = delete;
    WindowFixture &operator=(const WindowFixture &) = delete;

    // Opens the project in a window (of `size`, when given) and waits until it is shown; with
    // `article`, selects that article in the list and checks that the reader shows it.
    void open(qint64 article = 0, const QSize &size = {});
    // Closes the window and the project, opens the file again in a new window, and leaves the
    // window to choose its article itself.
    void reopen();

    Project &project();
    QUndoStack *undo();
    ui::ReaderView *reader();
};

// The window on one article of accented text with emoji and a flag, and two tags, "Actors" (key
// 1) and "Places" (key 2): the scene of the reader, notes, codebook and sets tests.
struct CodingFixture : WindowFixture
{
    static const QString Body;
    qint64 articleId = 0;
    qint64 tagA = 0; // Actors
    qint64 tagB = 0; // Places

    CodingFixture();
    // The code point offset of the first `text` in Body.
    static qint64 cp(const QString &text);
};

// Selects the first occurrence of `text` in the reader the way a user does: a click, then
// Shift+Right over the text.
void selectWithKeyboard(ui::ReaderView *reader, const QString &text);

} // namespace gloss::test
