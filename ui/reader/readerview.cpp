#include "reader/readerview.h"

#include "document.h"
#include "project.h"
#include "text/codepoints.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace gloss::ui {

ReaderView::ReaderView(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFrameShape(QFrame::NoFrame);
    QFont bodyFont = m_text->font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * 1.15);
    m_text->setFont(bodyFont);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_text, 1);
    m_title->setText(tr("No article selected"));

    connect(&m_document, &Document::changed, this, [this](Document::Changes changes, qint64 articleId) {
        if ((changes & (Document::Highlights | Document::Codebook)) && (articleId == 0 || articleId == m_article.id))
            refreshHighlights();
    });
}

void ReaderView::showArticle(qint64 articleId)
{
    const auto article = m_document.project().articles().get(articleId);
    m_article = article.value_or(model::Article{});
    m_title->setText(m_article.title.isEmpty() && m_article.id ? tr("(untitled)") : m_article.title);
    QStringList meta;
    if (m_article.published.isValid())
        meta << QLocale().toString(m_article.published, QLocale::LongFormat);
    if (!m_article.source.isEmpty())
        meta << m_article.source;
    if (!m_article.dateline.isEmpty())
        meta << m_article.dateline;
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));
    m_text->setPlainText(m_article.body);
    m_entityMarks.clear();
    m_currentMark = -1;
    refreshHighlights();
}

void ReaderView::refreshHighlights()
{
    m_highlights
        = m_article.id ? m_document.project().highlights().forArticle(m_article.id) : QList<model::Highlight>{};
    QList<QTextEdit::ExtraSelection> selections;
    for (const model::Highlight &h : std::as_const(m_highlights)) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_text->document());
        sel.cursor.setPosition(int(text::toUtf16(m_article.body, h.start)));
        sel.cursor.setPosition(int(text::toUtf16(m_article.body, h.end)), QTextCursor::KeepAnchor);
        QColor color(QStringLiteral("#f5c542"));
        if (!h.tagIds.isEmpty())
            if (const auto tag = m_document.project().tags().get(h.tagIds.first()))
                color = QColor(tag->color);
        color.setAlpha(110);
        sel.format.setBackground(color);
        selections.append(sel);
    }
    m_highlightSelections = selections;
    applySelections();
}

void ReaderView::setEntityMarks(const QList<std::pair<qint64, qint64>> &codePointSpans, int current)
{
    m_entityMarks = codePointSpans;
    m_currentMark = current;
    applySelections();
    if (current >= 0 && current < m_entityMarks.size()) {
        QTextCursor cursor(m_text->document());
        cursor.setPosition(int(text::toUtf16(m_article.body, m_entityMarks.at(current).first)));
        cursor.setPosition(
            int(text::toUtf16(m_article.body, m_entityMarks.at(current).second)), QTextCursor::KeepAnchor);
        m_text->setTextCursor(cursor);
        m_text->ensureCursorVisible();
    }
}

void ReaderView::applySelections()
{
    QList<QTextEdit::ExtraSelection> selections = m_highlightSelections;
    const QColor mark = palette().color(QPalette::Link);
    for (int i = 0; i < m_entityMarks.size(); ++i) {
        const qsizetype start = text::toUtf16(m_article.body, m_entityMarks.at(i).first);
        const qsizetype end = text::toUtf16(m_article.body, m_entityMarks.at(i).second);
        if (start < 0 || end < 0)
            continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_text->document());
        sel.cursor.setPosition(int(start));
        sel.cursor.setPosition(int(end), QTextCursor::KeepAnchor);
        sel.format.setFontUnderline(true);
        sel.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        sel.format.setUnderlineColor(mark);
        if (i == m_currentMark) {
            QColor outline = mark;
            outline.setAlpha(50);
            sel.format.setBackground(outline);
        }
        selections.append(sel);
    }
    m_text->setExtraSelections(selections);
}

} // namespace gloss::ui
