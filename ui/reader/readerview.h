#pragma once

#include "model/article.h"
#include "model/highlight.h"
#include "reader/bodypieces.h"
#include "reader/bodyview.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;

namespace gloss::ui {

class Document;

// Whose highlights the reader shows: the current coder's, every coder's, or one coder's.
struct CoderLayer
{
    enum Kind { Mine, All, One };
    Kind kind = All;
    QString coder; // for One
    bool operator==(const CoderLayer &) const = default;
};

// The reader: the article's title, a line with its date, source and dateline, and its body with
// every highlight drawn in its tag's colour. It brings its own coding actions (keys 1–9, '.',
// Delete, word adjustments, next/previous highlight), which act on the text selection or on the
// selected highlight.
class ReaderView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderView)

public:
    explicit ReaderView(Document &document, QWidget *parent = nullptr);

    void showArticle(qint64 articleId);
    qint64 articleId() const { return m_article.id; }
    const model::Article &article() const { return m_article; }
    BodyView *textView() const { return m_text; }
    QList<QAction *> codingActions() const { return m_codingActions; }
    QList<QAction *> navigationActions() const { return m_navigationActions; }
    QList<QAction *> articleActions() const { return m_articleActions; }
    QAction *highlightAction() const { return m_highlightAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *nextArticleAction() const { return m_nextArticleAction; }
    QAction *previousArticleAction() const { return m_previousArticleAction; }
    // Code > Mark Done (Ctrl+D): the current coder's done mark on the article, on or off.
    QAction *doneAction() const { return m_doneAction; }
    void toggleDone();
    // The reader's line under the title that says who marked the article done.
    QLabel *doneLabel() const { return m_done; }

    // Coder layers (View > Coders and the toolbar's combo): which coders' highlights are drawn.
    // With more than the current coder's shown, each highlight has a bar in its coder's colour in
    // the margin, and the tooltip over it names the coder. Another coder's highlight can be
    // selected and read but not changed.
    void setCoderLayer(const CoderLayer &layer);
    const CoderLayer &coderLayer() const { return m_layer; }
    QComboBox *coderBox() const { return m_coderBox; }
    QMenu *coderMenu() const { return m_coderMenu; }
    // Fills the combo (and the menu, when it opens) with Mine, All Coders and each coder by name.
    void reloadCoders();
    // The highlights drawn: those of the coders the layer shows.
    const QList<model::Highlight> &highlights() const { return m_highlights; }
    // The coders named on the body's text at document position `position`, as the tooltip says it.
    QString describeAt(int position) const;

    // Code > Apply “name”: the actions of keys 1–9, named after the codebook's first nine tags.
    QList<QAction *> paletteActions() const { return m_paletteActions; }

    qint64 selectedHighlight() const { return m_selected; }
    void selectHighlight(qint64 highlightId);
    // The selected text as code point offsets into the body, when there is a selection.
    std::optional<std::pair<qint64, qint64>> selectionInCodePoints() const;
    // The body's text between code points.
    QString quote(qint64 startCp, qint64 endCp) const;
    // Selects body text between code point offsets and scrolls to it.
    void selectRange(qint64 startCp, qint64 endCp);
    // Underlines entity mentions (code points into the body), apart from the highlights; the
    // `current` one is also selected and scrolled into view. An empty list clears the marks.
    void setEntityMarks(const QList<std::pair<qint64, qint64>> &codePointSpans, int current = -1);

    // Applies the n-th tag of the codebook palette (0-based) to the selection or the selected highlight.
    void applyPaletteTag(int index);
    void applyTag(qint64 tagId);
    // Adds or removes the n-th palette tag (0-based) on the article itself.
    void toggleArticleTag(int index);
    void highlightSelection();
    void removeSelectedHighlight();
    // Moves the selected highlight's start (edge 0) or end (edge 1) by a word (+1 later, -1 earlier).
    void adjustSelected(int edge, int direction);
    void stepHighlight(int direction);

Q_SIGNALS:
    void highlightSelected(qint64 highlightId);
    void articleStepRequested(int direction);
    // A tag was applied to (or taken off) a highlight through applyTag (keys 1–9, '.', Quick Tag).
    void tagApplied(qint64 tagId);
    void statusMessage(const QString &message);
    // The user chose another coder layer (the combo or View > Coders).
    void coderLayerChanged(const gloss::ui::CoderLayer &layer);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Whether the current coder may change `h`: their own, or one with no coder; else says why.
    bool mayChange(const model::Highlight &h);
    bool shows(const model::Highlight &h) const;
    void showDone();
    void fillCoderMenu();
    void chooseLayerAt(int index);
    void showVariables(const model::Variables &variables);
    // Shows the lines import kept as a table (the variable fixed_width_lines) in a fixed-width font.
    void showFixedWidthLines();
    void createActions();
    // Names the actions of keys 1–9 (and Ctrl+1–9) after the tags they apply.
    void namePaletteActions();
    void refreshHighlights();
    void onClicked(int at);
    void applySelections();
    // Code points into the body <-> positions in the shown document.
    qsizetype position(qint64 cp, BodyPieces::Side side = BodyPieces::Side::Start) const;
    qint64 codePoint(qsizetype position) const;
    // Selects the text between code points (putting it into the document first, if need be).
    void select(qint64 startCp, qint64 endCp);
    QString tagColor(const model::Highlight &h, int which) const;

    Document &m_document;
    model::Article m_article;
    QHash<qint64, QString> m_tagColors;
    QList<model::Highlight> m_highlights;
    QList<BodyView::Span> m_highlightSelections;
    QList<std::pair<qint64, qint64>> m_entityMarks;
    int m_currentMark = -1;
    qint64 m_selected = 0;
    qint64 m_lastTag = 0;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_variables; // the article's variables, "section: Business · language: English"
    CoderLayer m_layer;
    QComboBox *m_coderBox = nullptr;
    QMenu *m_coderMenu = nullptr;
    QAction *m_doneAction = nullptr;
    BodyView *m_text;
    QLabel *m_done;
    QList<QAction *> m_codingActions;
    QList<QAction *> m_navigationActions;
    QList<QAction *> m_articleActions;
    QList<QAction *> m_paletteActions;
    QAction *m_highlightAction = nullptr;
    QAction *m_repeatAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_nextArticleAction = nullptr;
    QAction *m_previousArticleAction = nullptr;
};

} // namespace gloss::ui
