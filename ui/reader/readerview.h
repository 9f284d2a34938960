#pragma once

#include "model/article.h"
#include "model/highlight.h"

#include <QTextEdit>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace gloss::ui {

class Document;

// The reader: the article's title, a line with its date, source and dateline, and its body with
// every highlight drawn in its first tag's colour.
class ReaderView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderView)

public:
    explicit ReaderView(Document &document, QWidget *parent = nullptr);

    void showArticle(qint64 articleId);
    qint64 articleId() const { return m_article.id; }
    QPlainTextEdit *textView() const { return m_text; }
    // Underlines entity mentions (code points into the body), apart from the highlights; the
    // `current` one is also selected and scrolled into view. An empty list clears the marks.
    void setEntityMarks(const QList<std::pair<qint64, qint64>> &codePointSpans, int current = -1);

private:
    void refreshHighlights();
    void applySelections();

    Document &m_document;
    model::Article m_article;
    QList<model::Highlight> m_highlights;
    QList<QTextEdit::ExtraSelection> m_highlightSelections;
    QList<std::pair<qint64, qint64>> m_entityMarks;
    int m_currentMark = -1;
    QLabel *m_title;
    QLabel *m_meta;
    QPlainTextEdit *m_text;
};

} // namespace gloss::ui
