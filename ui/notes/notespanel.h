#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace gloss::ui {

class Document;

// The notes dock: the note of the selected highlight, or of the article when no highlight is
// selected. Saved as you type; a typing burst is one undo step.
class NotesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesPanel)

public:
    explicit NotesPanel(Document &document, QWidget *parent = nullptr);

    void setTarget(qint64 articleId, qint64 highlightId);
    QPlainTextEdit *editor() const { return m_editor; }

private:
    void load();
    void onEdited();

    Document &m_document;
    qint64 m_articleId = 0;
    qint64 m_highlightId = 0;
    bool m_loading = false;
    QLabel *m_label;
    QPlainTextEdit *m_editor;
};

} // namespace gloss::ui
