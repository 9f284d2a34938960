#include "notes/notespanel.h"

#include "commands/highlightcommands.h"
#include "document.h"
#include "operations/annotations.h"
#include "operations/project.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gloss::ui {

NotesPanel::NotesPanel(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_label(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_label->setTextFormat(Qt::PlainText); // it quotes the article's text
    m_label->setWordWrap(true);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_label);
    layout->addWidget(m_editor, 1);
    m_editor->setPlaceholderText(tr("Write a note… it is saved as you type."));
    m_editor->setTabChangesFocus(true);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotesPanel::onEdited);
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes, qint64 articleId) {
        if ((changes & (Document::Notes | Document::Highlights)) && (articleId == 0 || articleId == m_articleId))
            load();
    });
    setTarget(0, 0);
}

void NotesPanel::setTarget(qint64 articleId, qint64 highlightId)
{
    m_articleId = articleId;
    m_highlightId = highlightId;
    load();
}

void NotesPanel::load()
{
    auto &annotations = m_document.project().annotations();
    QString text;
    bool readOnly = false;
    if (m_highlightId) {
        const auto h = annotations.highlight(m_highlightId);
        if (!h) {
            m_highlightId = 0;
        } else {
            text = h->note;
            // Another coder's highlight: its note is theirs to write.
            readOnly = !h->coder.isEmpty() && h->coder != m_document.project().coder();
            m_label->setText(readOnly
                    ? tr("%1's note on the highlight “%2” (only %1 changes it)").arg(h->coder, h->quote.left(80))
                    : tr("Note on the highlight “%1”").arg(h->quote.left(80)));
        }
    }
    if (!m_highlightId) {
        text = m_articleId ? annotations.articleNote(m_articleId) : QString();
        m_label->setText(
            m_articleId ? tr("Note on the article (select a highlight for its note)") : tr("No article selected"));
    }
    m_editor->setEnabled(m_articleId != 0);
    m_editor->setReadOnly(readOnly);
    if (m_editor->toPlainText() != text) {
        m_loading = true;
        const int cursor = m_editor->textCursor().position();
        m_editor->setPlainText(text);
        QTextCursor c = m_editor->textCursor();
        c.setPosition(std::min(cursor, int(text.size())));
        m_editor->setTextCursor(c);
        m_loading = false;
    }
}

void NotesPanel::onEdited()
{
    if (m_loading || !m_articleId || m_editor->isReadOnly())
        return;
    m_loading = true; // the command's notify() reloads; the text is already what the user typed
    m_document.undoStack()->push(new SetNoteCommand(m_document, m_articleId, m_highlightId, m_editor->toPlainText()));
    m_loading = false;
}

} // namespace gloss::ui
