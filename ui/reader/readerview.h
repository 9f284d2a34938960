#pragma once

#include "model/article.h"
#include "model/highlight.h"

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
    // Selects [startCp, endCp) (code points into the body) and scrolls its sentence into view.
    void selectRange(qint64 startCp, qint64 endCp);

private:
    void refreshHighlights();

    Document &m_document;
    model::Article m_article;
    QList<model::Highlight> m_highlights;
    QLabel *m_title;
    QLabel *m_meta;
    QPlainTextEdit *m_text;
};

} // namespace gloss::ui
