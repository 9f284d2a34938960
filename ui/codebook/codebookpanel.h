#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTreeView;

namespace gloss::ui {

class CodebookModel;
class Document;

// The codebook dock: the tag tree with its colours and counts, and the actions to create, rename,
// recolour, describe, move, merge and delete tags. Double-click filters the article list.
class CodebookPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodebookPanel)

public:
    explicit CodebookPanel(Document &document, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    CodebookModel *model() const { return m_model; }
    qint64 currentTag() const;
    void selectTag(qint64 tagId);

    void createTag(bool asChild);
    void recolorCurrent();
    void describeCurrent();
    void moveCurrent();
    void mergeCurrent();
    // Deletes the current tag; asks first when highlights or articles use it (unless `confirmed`).
    void deleteCurrent(bool confirmed = false);

Q_SIGNALS:
    void tagActivated(qint64 tagId);

private:
    // Lets the user pick another tag (or the top level when `allowTop`); 0 when cancelled.
    qint64 chooseTag(const QString &title, const QString &label, qint64 exclude, bool allowTop, bool *top);

    void updateEmptyHint();

    Document &m_document;
    CodebookModel *m_model;
    QTreeView *m_view;
    QLabel *m_emptyHint;
    qint64 m_keptTag = 0;
    int m_keptScroll = 0;
};

} // namespace gloss::ui
