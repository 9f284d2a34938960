#include "reader/readerview.h"

#include "coders/coderidentity.h"
#include "commands/donecommand.h"
#include "commands/highlightcommands.h"
#include "document.h"
#include "model/tag.h"
#include "operations/agreement.h"
#include "operations/annotations.h"
#include "operations/codebook.h"
#include "operations/library.h"
#include "operations/project.h"
#include "reader/bodyview.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QHash>
#include <QHelpEvent>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QScrollBar>
#include <QTextBoundaryFinder>
#include <QTextDocument>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

#include <map>

namespace gloss::ui {

namespace {

constexpr int HighlightAlpha = 105;
constexpr int KindRole = Qt::UserRole; // the coder combo's items: a CoderLayer::Kind
constexpr int CoderRole = Qt::UserRole + 1; // and, for One, the coder
constexpr int SelectedAlpha = 190;
const char *const DefaultColor = "#f5c542";

} // namespace

ReaderView::ReaderView(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_variables(new QLabel(this))
    , m_text(new BodyView(this))
    , m_done(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    // Titles and credits come from imported files: shown as text, never as rich text (an <img> in
    // a title would otherwise be loaded from disk).
    m_title->setTextFormat(Qt::PlainText);
    m_meta->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setWordWrap(true);
    m_variables->setObjectName(QStringLiteral("articleVariables"));
    m_variables->setTextFormat(Qt::PlainText);
    m_variables->setForegroundRole(QPalette::PlaceholderText);
    m_variables->setWordWrap(true);
    m_variables->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_variables->hide();
    QFont bodyFont = m_text->font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * 1.15);
    m_text->setFont(bodyFont);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setToolTip(tr("Select text, then press 1–9 to code it with a tag; see the Code menu for all keys."));
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_variables);
    m_done->setObjectName(QStringLiteral("doneLabel"));
    m_done->setTextFormat(Qt::PlainText);
    m_done->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_done);
    layout->addWidget(m_text, 1);
    m_title->setText(tr("No article selected"));

    createActions();
    namePaletteActions();
    connect(m_text, &BodyView::clicked, this, &ReaderView::onClicked);
    m_text->viewport()->installEventFilter(this);

    // Whose highlights are shown: a combo for the toolbar and View > Coders, kept in step.
    m_coderBox = new QComboBox(this);
    m_coderBox->setObjectName(QStringLiteral("coderLayerBox"));
    m_coderBox->setToolTip(tr("Whose highlights the reader shows (View > Coders)"));
    m_coderBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_coderBox->hide(); // until a host (the window's toolbar) takes it
    connect(m_coderBox, &QComboBox::activated, this, &ReaderView::chooseLayerAt);
    m_coderMenu = new QMenu(tr("&Coders"), this);
    m_coderMenu->setObjectName(QStringLiteral("coderLayerMenu"));
    connect(m_coderMenu, &QMenu::aboutToShow, this, &ReaderView::fillCoderMenu);
    reloadCoders();
    connect(&m_document, &Document::changed, this, [this](Document::Changes changes, qint64 articleId) {
        if ((changes & (Document::Highlights | Document::Codebook | Document::Notes))
            && (articleId == 0 || articleId == m_article.id)) {
            refreshHighlights();
            showDone();
        }
        if (changes & Document::Highlights)
            reloadCoders();
        if (changes & Document::Codebook)
            namePaletteActions();
        if ((changes & Document::Variables) && m_article.id && (articleId == 0 || articleId == m_article.id)) {
            m_article.variables = m_document.project().library().variables(m_article.id);
            showVariables(m_article.variables);
            showFixedWidthLines();
        }
    });
}

void ReaderView::createActions()
{
    auto add = [this](QList<QAction *> &list, const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        list.append(action);
        return action;
    };
    m_highlightAction
        = add(m_codingActions, tr("&Highlight Selection"), {QKeySequence(Qt::Key_H)}, [this] { highlightSelection(); });
    m_highlightAction->setToolTip(tr("Highlight the selected text without a tag (H); keys 1–9 highlight and code it"));
    m_highlightAction->setIcon(QIcon(QStringLiteral(":/icons/highlight.svg")));
    for (int i = 0; i < 9; ++i)
        m_paletteActions.append(add(m_codingActions, tr("Apply Tag %1").arg(i + 1), {QKeySequence(Qt::Key_1 + i)},
            [this, i] { applyPaletteTag(i); }));
    for (int i = 0; i < 9; ++i)
        add(m_articleActions, tr("Tag Article with Tag %1").arg(i + 1), {QKeySequence(Qt::CTRL | (Qt::Key_1 + i))},
            [this, i] { toggleArticleTag(i); });
    m_repeatAction = add(m_codingActions, tr("&Repeat Last Tag"), {QKeySequence(Qt::Key_Period)}, [this] {
        if (m_lastTag)
            applyTag(m_lastTag);
    });
    m_removeAction = add(m_codingActions, tr("&Remove Highlight"),
        {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)}, [this] { removeSelectedHighlight(); });
    m_removeAction->setToolTip(tr("Remove the selected highlight (Delete)"));
    m_removeAction->setIcon(QIcon(QStringLiteral(":/icons/remove.svg")));
    add(m_codingActions, tr("Extend End by a Word"), {QKeySequence(Qt::ALT | Qt::Key_Right)},
        [this] { adjustSelected(1, +1); });
    add(m_codingActions, tr("Shrink End by a Word"), {QKeySequence(Qt::ALT | Qt::Key_Left)},
        [this] { adjustSelected(1, -1); });
    add(m_codingActions, tr("Extend Start by a Word"), {QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Left)},
        [this] { adjustSelected(0, -1); });
    add(m_codingActions, tr("Shrink Start by a Word"), {QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Right)},
        [this] { adjustSelected(0, +1); });
    add(m_navigationActions, tr("&Next Highlight"), {QKeySequence(Qt::Key_N)}, [this] { stepHighlight(+1); });
    add(m_navigationActions, tr("&Previous Highlight"), {QKeySequence(Qt::Key_P)}, [this] { stepHighlight(-1); });
    m_nextArticleAction = add(m_navigationActions, tr("Next &Article"),
        {QKeySequence(Qt::Key_J), QKeySequence(Qt::CTRL | Qt::Key_PageDown)},
        [this] { Q_EMIT articleStepRequested(+1); });
    m_nextArticleAction->setIcon(QIcon(QStringLiteral(":/icons/next.svg")));
    m_nextArticleAction->setToolTip(tr("Next article in the list (J)"));
    m_previousArticleAction = add(m_navigationActions, tr("Previous A&rticle"),
        {QKeySequence(Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_PageUp)},
        [this] { Q_EMIT articleStepRequested(-1); });
    m_previousArticleAction->setIcon(QIcon(QStringLiteral(":/icons/previous.svg")));
    m_previousArticleAction->setToolTip(tr("Previous article in the list (K)"));
    add(m_navigationActions, tr("Clear Selection"), {QKeySequence(Qt::Key_Escape)}, [this] {
        QTextCursor c = m_text->textCursor();
        c.clearSelection();
        m_text->setTextCursor(c);
        selectHighlight(0);
    });
    m_doneAction
        = add(m_codingActions, tr("Mark &Done"), {QKeySequence(Qt::CTRL | Qt::Key_D)}, [this] { toggleDone(); });
    m_doneAction->setObjectName(QStringLiteral("markDoneAction"));
    m_doneAction->setCheckable(true);
    m_doneAction->setShortcutContext(Qt::WindowShortcut); // from the article list too
    m_doneAction->setToolTip(tr("Mark the article done for you, or not done again (Ctrl+D)"));
    // The body's context menu offers coding first.
    m_text->addActions({m_highlightAction, m_repeatAction, m_removeAction});
}

void ReaderView::showVariables(const model::Variables &variables)
{
    QStringList parts;
    QString tip;
    for (const auto &[name, value] : variables) {
        // Long values (an abstract, a list of subjects) are cut here and shown whole in the tooltip.
        parts << QStringLiteral("%1: %2").arg(name, value.size() > 80 ? value.left(79) + u'…' : value);
        tip += QStringLiteral("%1: %2\n").arg(name, value);
    }
    m_variables->setText(parts.join(QStringLiteral("  ·  ")));
    m_variables->setToolTip(Qt::convertFromPlainText(tip.trimmed()));
    m_variables->setVisible(!parts.isEmpty());
}

void ReaderView::showFixedWidthLines()
{
    const model::LineRanges lines
        = model::parseLineRanges(model::variableValue(m_article.variables, model::FixedWidthLinesVariable.toString()));
    QList<std::pair<qsizetype, qsizetype>> spans;
    const QString &body = m_text->body();
    const BodyPieces &pieces = m_text->pieces();
    // One pass over the body's line feeds, the ranges being ascending.
    int line = 1;
    qsizetype lineStart = 0;
    for (const auto &[first, last] : lines) {
        while (line < first && lineStart >= 0) {
            lineStart = body.indexOf(u'\n', lineStart);
            lineStart = lineStart < 0 ? -1 : lineStart + 1;
            ++line;
        }
        if (lineStart < 0)
            break;
        const qsizetype start = lineStart;
        while (line <= last && lineStart >= 0) {
            lineStart = body.indexOf(u'\n', lineStart);
            lineStart = lineStart < 0 ? -1 : lineStart + 1;
            ++line;
        }
        const qsizetype end = lineStart < 0 ? body.size() : lineStart - 1;
        if (end > start)
            spans.append({pieces.documentOfUtf16(start, BodyPieces::Side::Start),
                pieces.documentOfUtf16(end, BodyPieces::Side::End)});
    }
    m_text->setFixedWidth(spans);
}

void ReaderView::showArticle(qint64 articleId)
{
    if (articleId == m_article.id && articleId != 0) {
        // The list re-selects the current article after it reloads: keep the place and selection.
        refreshHighlights();
        return;
    }
    const auto article = m_document.project().library().article(articleId);
    m_article = article.value_or(model::Article{});
    m_selected = 0;
    m_title->setText(m_article.title.isEmpty() && m_article.id ? tr("(untitled)") : m_article.title);
    QStringList meta;
    if (m_article.published.isValid())
        meta << QLocale().toString(m_article.published, QLocale::LongFormat);
    if (!m_article.source.isEmpty())
        meta << m_article.source;
    if (!m_article.dateline.isEmpty())
        meta << m_article.dateline;
    if (!m_article.author.isEmpty())
        meta << m_article.author;
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));
    showVariables(m_article.variables);
    m_entityMarks.clear();
    m_currentMark = -1;
    m_text->setBody(m_article.body);
    showFixedWidthLines();
    refreshHighlights();
    showDone();
    Q_EMIT highlightSelected(0);
}

qsizetype ReaderView::position(qint64 cp, BodyPieces::Side side) const
{
    return m_text->pieces().documentOfCodePoint(cp, side);
}

qint64 ReaderView::codePoint(qsizetype position) const
{
    return m_text->pieces().codePointOfDocument(position);
}

QString ReaderView::quote(qint64 startCp, qint64 endCp) const
{
    const BodyPieces &pieces = m_text->pieces();
    const qsizetype from = pieces.utf16OfCodePoint(startCp);
    return m_article.body.sliced(from, std::max<qsizetype>(0, pieces.utf16OfCodePoint(endCp) - from));
}

void ReaderView::select(qint64 startCp, qint64 endCp)
{
    const qsizetype start = position(startCp);
    const qsizetype end = std::max(start, position(endCp, BodyPieces::Side::End));
    m_text->ensureShown(end);
    QTextCursor cursor(m_text->document());
    cursor.setPosition(int(start));
    cursor.setPosition(int(end), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
}

QString ReaderView::tagColor(const model::Highlight &h, int which) const
{
    if (which < h.tagIds.size())
        return m_tagColors.value(h.tagIds.at(which), QString::fromLatin1(DefaultColor));
    return QString::fromLatin1(DefaultColor);
}

void ReaderView::selectRange(qint64 startCp, qint64 endCp)
{
    const qint64 length = m_text->pieces().codePointCount();
    if (startCp < 0 || endCp < startCp || endCp > length)
        return;
    select(startCp, endCp);
    m_text->centerCursor();
}

void ReaderView::refreshHighlights()
{
    m_highlights
        = m_article.id ? m_document.project().annotations().highlights(m_article.id) : QList<model::Highlight>{};
    // A span that does not fit the body (only a file changed outside Gloss has one; `gloss check`
    // names it) is not drawn: its offsets may be anything, up to the limits of 64 bits.
    const qint64 length = m_text->pieces().codePointCount();
    m_highlights.removeIf(
        [&](const model::Highlight &h) { return h.start < 0 || h.end <= h.start || h.end > length || !shows(h); });
    m_tagColors = m_document.project().codebook().colors();
    bool selectedExists = false;
    for (const auto &h : std::as_const(m_highlights))
        selectedExists = selectedExists || h.id == m_selected;
    if (!selectedExists)
        m_selected = 0;

    // Sweep over highlight boundaries: each segment is painted with its innermost highlight's
    // colour; where highlights overlap, the outer one shows as a wavy underline in its colour,
    // and a second tag on the same highlight as a straight underline.
    QHash<qint64, QColor> colors;
    QHash<qint64, QColor> secondColors;
    // Document positions: a highlight ending at a cut between two pieces ends with the first.
    std::map<qsizetype, QList<qsizetype>> starts, ends;
    QList<qsizetype> noteEnds;
    for (qsizetype i = 0; i < m_highlights.size(); ++i) {
        const model::Highlight &h = m_highlights.at(i);
        colors.insert(h.id, QColor(tagColor(h, 0)));
        if (h.tagIds.size() > 1)
            secondColors.insert(h.id, QColor(tagColor(h, 1)));
        starts[position(h.start)].append(i);
        ends[position(h.end, BodyPieces::Side::End)].append(i);
        if (!h.note.isEmpty())
            noteEnds.append(position(h.end, BodyPieces::Side::End));
    }
    QList<qsizetype> bounds;
    for (const auto &[pos, _] : starts)
        bounds.append(pos);
    for (const auto &[pos, _] : ends)
        bounds.append(pos);
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());

    QList<BodyView::Span> selections;
    QList<qsizetype> active;
    for (qsizetype b = 0; b + 1 < bounds.size(); ++b) {
        const qsizetype pos = bounds.at(b);
        if (const auto it = ends.find(pos); it != ends.end())
            for (const qsizetype i : it->second)
                active.removeAll(i);
        if (const auto it = starts.find(pos); it != starts.end())
            active.append(it->second);
        if (active.isEmpty())
            continue;
        // Innermost = shortest covering highlight.
        qsizetype inner = active.first();
        qsizetype outer = active.first();
        for (const qsizetype i : std::as_const(active)) {
            const auto len = [&](qsizetype k) { return m_highlights.at(k).end - m_highlights.at(k).start; };
            if (len(i) < len(inner))
                inner = i;
            if (len(i) > len(outer))
                outer = i;
        }
        const model::Highlight &h = m_highlights.at(inner);
        BodyView::Span sel;
        sel.start = pos;
        sel.end = bounds.at(b + 1);
        QColor bg = colors.value(h.id);
        bg.setAlpha(h.id == m_selected ? SelectedAlpha : HighlightAlpha);
        sel.format.setBackground(bg);
        if (outer != inner) {
            sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            sel.format.setUnderlineColor(colors.value(m_highlights.at(outer).id).darker(130));
        } else if (secondColors.contains(h.id)) {
            sel.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
            sel.format.setUnderlineColor(secondColors.value(h.id).darker(120));
        }
        selections.append(sel);
    }
    m_highlightSelections = selections;
    applySelections();
    m_text->setNoteMarkers(noteEnds);
    // Each coder's highlights marked in the margin in the coder's colour, unless only the
    // current coder's are shown.
    QList<BodyView::CoderMark> marks;
    QList<std::pair<QString, QColor>> lanes;
    if (m_layer.kind != CoderLayer::Mine) {
        QStringList coders;
        for (const auto &h : std::as_const(m_highlights))
            if (!coders.contains(h.coder))
                coders.append(h.coder);
        std::sort(coders.begin(), coders.end());
        for (const QString &c : std::as_const(coders))
            lanes.append({coderLabel(c), coderColor(c)});
        for (const auto &h : std::as_const(m_highlights))
            marks.append({position(h.start), position(h.end, BodyPieces::Side::End), int(coders.indexOf(h.coder))});
    }
    m_text->setCoderMarks(marks, lanes);
    qsizetype outlineStart = 0, outlineEnd = 0;
    for (const auto &h : std::as_const(m_highlights))
        if (h.id == m_selected) {
            outlineStart = position(h.start);
            outlineEnd = position(h.end, BodyPieces::Side::End);
        }
    m_text->setOutline(outlineStart, outlineEnd);
}

void ReaderView::selectHighlight(qint64 highlightId)
{
    m_selected = highlightId;
    refreshHighlights();
    if (m_selected) {
        for (const auto &h : std::as_const(m_highlights))
            if (h.id == m_selected) {
                m_text->ensureShown(position(h.start));
                QTextCursor c(m_text->document());
                c.setPosition(int(position(h.start)));
                m_text->setTextCursor(c);
                m_text->ensureCursorVisible();
                QStringList tags;
                for (const qint64 t : h.tagIds)
                    tags << m_document.project().codebook().path(t);
                Q_EMIT statusMessage(
                    tr("Highlight %1–%2 “%3” %4, by %5")
                        .arg(h.start)
                        .arg(h.end)
                        .arg(h.quote.left(60), tags.isEmpty() ? tr("(no tag)") : tags.join(model::TagListSeparator),
                            coderLabel(h.coder)));
            }
    }
    Q_EMIT highlightSelected(m_selected);
}

void ReaderView::onClicked(int at)
{
    // The innermost highlight under the click; clicking again cycles through overlapping ones.
    const qint64 cp = codePoint(at);
    QList<const model::Highlight *> under;
    for (const auto &h : std::as_const(m_highlights))
        if (h.start <= cp && cp < h.end)
            under.append(&h);
    if (under.isEmpty()) {
        if (m_selected)
            selectHighlight(0);
        return;
    }
    std::sort(under.begin(), under.end(), [](auto *a, auto *b) { return a->end - a->start < b->end - b->start; });
    qsizetype next = 0;
    for (qsizetype i = 0; i < under.size(); ++i)
        if (under.at(i)->id == m_selected)
            next = (i + 1) % under.size();
    selectHighlight(under.at(next)->id);
}

std::optional<std::pair<qint64, qint64>> ReaderView::selectionInCodePoints() const
{
    const QTextCursor c = m_text->textCursor();
    if (!c.hasSelection() || !m_article.id)
        return std::nullopt;
    const BodyPieces &pieces = m_text->pieces();
    qsizetype a = pieces.utf16OfDocument(c.selectionStart());
    qsizetype b = pieces.utf16OfDocument(c.selectionEnd());
    // Trim white space at the edges, as a careful coder would.
    while (a < b && m_article.body.at(a).isSpace())
        ++a;
    while (b > a && m_article.body.at(b - 1).isSpace())
        --b;
    if (a >= b)
        return std::nullopt;
    return std::make_pair(pieces.codePointOfUtf16(a), pieces.codePointOfUtf16(b));
}

void ReaderView::setEntityMarks(const QList<std::pair<qint64, qint64>> &codePointSpans, int current)
{
    m_entityMarks = codePointSpans;
    m_currentMark = current;
    applySelections();
    if (current >= 0 && current < m_entityMarks.size()) {
        select(m_entityMarks.at(current).first, m_entityMarks.at(current).second);
        m_text->ensureCursorVisible();
    }
}

void ReaderView::applySelections()
{
    // Entity mentions are underlined in the palette's link colour, on top of the highlights.
    QList<BodyView::Span> selections = m_highlightSelections;
    const QColor mark = palette().color(QPalette::Link);
    for (int i = 0; i < m_entityMarks.size(); ++i) {
        BodyView::Span sel;
        sel.start = position(m_entityMarks.at(i).first);
        sel.end = position(m_entityMarks.at(i).second, BodyPieces::Side::End);
        sel.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        sel.format.setUnderlineColor(mark);
        if (i == m_currentMark) {
            QColor current = mark;
            current.setAlpha(50);
            sel.format.setBackground(current);
        }
        selections.append(sel);
    }
    m_text->setSpans(selections);
}

void ReaderView::namePaletteActions()
{
    QList<model::Tag> tags;
    try {
        tags = m_document.project().codebook().tagsWithoutCounts();
    } catch (const operations::OperationError &) {
        return; // the names stay as they were; the keys still look the tag up when pressed
    }
    QHash<qint64, QString> names;
    for (const model::Tag &t : std::as_const(tags))
        names.insert(t.id, t.name);
    QList<qint64> palette;
    try {
        palette = m_document.project().codebook().paletteOrder();
    } catch (const operations::OperationError &) {
        return;
    }
    for (int i = 0; i < 9; ++i) {
        // "&" in a tag's name is text, not a mnemonic.
        const QString name
            = i < palette.size() ? QString(names.value(palette.at(i))).replace(u'&', QStringLiteral("&&")) : QString();
        if (QAction *a = m_paletteActions.value(i)) {
            a->setText(name.isEmpty() ? tr("Apply Tag %1 (none yet)").arg(i + 1) : tr("Apply “%1”").arg(name));
        }
        if (QAction *a = m_articleActions.value(i)) {
            a->setText(name.isEmpty() ? tr("Tag Article with Tag %1 (none yet)").arg(i + 1)
                                      : tr("Tag Article “%1”").arg(name));
        }
    }
}

void ReaderView::applyPaletteTag(int index)
{
    const QList<qint64> palette = m_document.project().codebook().paletteOrder();
    if (index < 0 || index >= palette.size()) {
        Q_EMIT statusMessage(
            tr("There is no tag %1 in the codebook yet; create tags in the Codebook panel.").arg(index + 1));
        return;
    }
    applyTag(palette.at(index));
}

void ReaderView::applyTag(qint64 tagId)
{
    m_lastTag = tagId;
    const auto span = selectionInCodePoints();
    if (span) {
        // A selection that is exactly an existing highlight of this coder codes that highlight;
        // over another coder's, it makes this coder's own.
        const QString coder = m_document.project().coder();
        const auto own = [&](const model::Highlight &h) { return h.coder.isEmpty() || h.coder == coder; };
        for (const auto &h : std::as_const(m_highlights))
            if (h.start == span->first && h.end == span->second && own(h))
                m_selected = h.id;
        const bool sameAsSelected = [&] {
            for (const auto &h : std::as_const(m_highlights))
                if (h.id == m_selected)
                    return h.start == span->first && h.end == span->second && own(h);
            return false;
        }();
        if (!sameAsSelected) {
            model::Highlight h;
            h.articleId = m_article.id;
            h.start = span->first;
            h.end = span->second;
            h.tagIds = {tagId}; // the coder: the project's current one
            auto *cmd = new AddHighlightCommand(m_document, h);
            cmd->setText(
                tr("Code “%1” as %2").arg(quote(h.start, h.end).left(30), m_document.project().codebook().path(tagId)));
            m_document.undoStack()->push(cmd);
            QTextCursor c = m_text->textCursor();
            c.clearSelection();
            m_text->setTextCursor(c);
            selectHighlight(cmd->highlightId());
            Q_EMIT tagApplied(tagId);
            return;
        }
    }
    if (!m_selected) {
        Q_EMIT statusMessage(tr("Select some text or a highlight first."));
        return;
    }
    // A copy: pushing the command refreshes m_highlights.
    const QList<model::Highlight> highlights = m_highlights;
    for (const model::Highlight &h : highlights) {
        if (h.id != m_selected)
            continue;
        if (!mayChange(h))
            return;
        QList<qint64> tags = h.tagIds;
        const QString path = m_document.project().codebook().path(tagId);
        QString text;
        if (tags.contains(tagId)) {
            tags.removeAll(tagId);
            text = tr("Remove tag %1").arg(path);
        } else {
            tags.append(tagId);
            text = tr("Apply tag %1").arg(path);
        }
        m_document.undoStack()->push(new SetHighlightTagsCommand(m_document, h.id, tags, text));
        selectHighlight(h.id);
        Q_EMIT tagApplied(tagId);
        return;
    }
}

void ReaderView::toggleArticleTag(int index)
{
    const QList<qint64> palette = m_document.project().codebook().paletteOrder();
    if (!m_article.id || index < 0 || index >= palette.size())
        return;
    const qint64 tagId = palette.at(index);
    QList<qint64> tags = m_document.project().annotations().articleTags(m_article.id);
    const QString path = m_document.project().codebook().path(tagId);
    const bool remove = tags.contains(tagId);
    if (remove)
        tags.removeAll(tagId);
    else
        tags.append(tagId);
    m_document.undoStack()->push(new SetArticleTagsCommand(m_document, m_article.id, tags,
        remove ? tr("Remove article tag %1").arg(path) : tr("Tag article as %1").arg(path)));
    Q_EMIT statusMessage(remove ? tr("Article no longer tagged %1").arg(path) : tr("Article tagged %1").arg(path));
}

void ReaderView::highlightSelection()
{
    const auto span = selectionInCodePoints();
    if (!span) {
        Q_EMIT statusMessage(tr("Select some text first."));
        return;
    }
    model::Highlight h;
    h.articleId = m_article.id;
    h.start = span->first;
    h.end = span->second;
    auto *cmd = new AddHighlightCommand(m_document, h);
    m_document.undoStack()->push(cmd);
    QTextCursor c = m_text->textCursor();
    c.clearSelection();
    m_text->setTextCursor(c);
    selectHighlight(cmd->highlightId());
}

void ReaderView::removeSelectedHighlight()
{
    if (!m_selected)
        return;
    for (const auto &h : std::as_const(m_highlights))
        if (h.id == m_selected && !mayChange(h))
            return;
    m_document.undoStack()->push(new RemoveHighlightCommand(m_document, m_selected));
    selectHighlight(0);
}

void ReaderView::adjustSelected(int edge, int direction)
{
    std::optional<model::Highlight> h;
    for (const auto &x : std::as_const(m_highlights))
        if (x.id == m_selected)
            h = x;
    if (!h || !mayChange(*h))
        return;
    // Word boundaries from ICU-like rules in Qt Core; edges land on word starts (for the start)
    // and word ends (for the end).
    // The finder works on the text around the edge only: over the whole of a long body it would
    // first analyse every character of it.
    const BodyPieces &pieces = m_text->pieces();
    const QString &body = m_article.body;
    const qsizetype at = pieces.utf16OfCodePoint(edge == 0 ? h->start : h->end);
    constexpr qsizetype Reach = 4096;
    const qsizetype from = std::max<qsizetype>(0, at - Reach);
    const qsizetype to = std::min(body.size(), at + Reach);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, body.constData() + from, to - from);
    const auto isEdge = [&](qsizetype p) {
        finder.setPosition(p - from);
        const auto reasons = finder.boundaryReasons();
        return edge == 0 ? reasons.testFlag(QTextBoundaryFinder::StartOfItem)
                         : reasons.testFlag(QTextBoundaryFinder::EndOfItem);
    };
    qsizetype pos = at;
    do {
        pos += direction;
    } while (pos > from && pos < to && !isEdge(pos));
    pos = std::clamp<qsizetype>(pos, 0, body.size());
    qint64 start = h->start;
    qint64 end = h->end;
    (edge == 0 ? start : end) = pieces.codePointOfUtf16(pos);
    if (end <= start)
        return;
    m_document.undoStack()->push(new SetHighlightRangeCommand(m_document, h->id, start, end));
    selectHighlight(m_selected);
}

void ReaderView::stepHighlight(int direction)
{
    if (m_highlights.isEmpty())
        return;
    qsizetype at = -1;
    for (qsizetype i = 0; i < m_highlights.size(); ++i)
        if (m_highlights.at(i).id == m_selected)
            at = i;
    qsizetype next = at < 0 ? (direction > 0 ? 0 : m_highlights.size() - 1) : at + direction;
    if (next < 0 || next >= m_highlights.size())
        return;
    selectHighlight(m_highlights.at(next).id);
}

} // namespace gloss::ui

namespace gloss::ui {

// Coders: done marks and coder layers.

void ReaderView::toggleDone()
{
    if (!m_article.id)
        return;
    const QString coder = m_document.project().coder();
    const bool done = !m_document.project().library().doneCoders(m_article.id).contains(coder);
    m_document.undoStack()->push(new SetDoneCommand(m_document, {m_article.id}, coder, done));
    Q_EMIT statusMessage(done
            ? tr("“%1” marked done by %2").arg(m_article.title.left(60), coderLabel(coder))
            : tr("“%1” no longer marked done by %2").arg(m_article.title.left(60), coderLabel(coder)));
}

void ReaderView::showDone()
{
    QStringList done;
    if (m_article.id) {
        try {
            done = m_document.project().library().doneCoders(m_article.id);
        } catch (const operations::OperationError &) {
            done.clear(); // the reader reports what it cannot read elsewhere
        }
    }
    const QString coder = m_document.project().coder();
    const bool mine = done.contains(coder);
    m_doneAction->setChecked(mine);
    QStringList names;
    for (const QString &c : std::as_const(done))
        names << tr("%1 ✓").arg(c == coder ? tr("you (%1)").arg(coderLabel(c)) : coderLabel(c));
    if (!m_article.id)
        m_done->clear();
    else if (done.isEmpty())
        m_done->setText(tr("Not marked done yet (Ctrl+D marks it done)"));
    else
        m_done->setText(mine ? tr("Done: %1").arg(names.join(QStringLiteral("  ")))
                             : tr("Done: %1 · not yet by you (Ctrl+D)").arg(names.join(QStringLiteral("  "))));
    m_done->setVisible(m_article.id != 0);
}

void ReaderView::chooseLayerAt(int index)
{
    CoderLayer layer;
    layer.kind = CoderLayer::Kind(m_coderBox->itemData(index, KindRole).toInt());
    if (layer.kind == CoderLayer::One)
        layer.coder = m_coderBox->itemData(index, CoderRole).toString();
    setCoderLayer(layer);
    Q_EMIT coderLayerChanged(m_layer);
}

bool ReaderView::shows(const model::Highlight &h) const
{
    switch (m_layer.kind) {
    case CoderLayer::Mine:
        return h.coder == m_document.project().coder();
    case CoderLayer::One:
        return h.coder == m_layer.coder;
    case CoderLayer::All:
        break;
    }
    return true;
}

bool ReaderView::mayChange(const model::Highlight &h)
{
    const QString coder = m_document.project().coder();
    if (h.coder.isEmpty() || h.coder == coder)
        return true;
    Q_EMIT statusMessage(
        tr("This highlight is %1's: only %1 changes it. Select text to code it yourself.").arg(h.coder));
    return false;
}

void ReaderView::setCoderLayer(const CoderLayer &layer)
{
    m_layer = layer;
    if (m_layer.kind == CoderLayer::One && m_layer.coder == m_document.project().coder())
        m_layer = {CoderLayer::Mine, {}};
    reloadCoders(); // lists a coder not listed yet, and shows the choice
    refreshHighlights();
    if (m_selected == 0)
        Q_EMIT highlightSelected(0);
}

void ReaderView::reloadCoders()
{
    QStringList coders;
    try {
        coders = m_document.project().agreement().coders();
    } catch (const operations::OperationError &) {
        coders.clear();
    }
    const QString me = m_document.project().coder();
    if (m_layer.kind == CoderLayer::One && !coders.contains(m_layer.coder))
        coders.append(m_layer.coder);
    coders.removeAll(me);
    coders.sort(Qt::CaseInsensitive);
    m_coderBox->clear();
    const auto swatch = [](const QColor &color) {
        QPixmap pixmap(12, 12);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.fillRect(QRect(3, 0, 5, 12), color);
        return QIcon(pixmap);
    };
    const auto add = [this](const QIcon &icon, const QString &text, CoderLayer::Kind kind, const QString &coder) {
        m_coderBox->addItem(icon, text);
        m_coderBox->setItemData(m_coderBox->count() - 1, int(kind), KindRole);
        m_coderBox->setItemData(m_coderBox->count() - 1, coder, CoderRole);
        if (kind == m_layer.kind && (kind != CoderLayer::One || coder == m_layer.coder))
            m_coderBox->setCurrentIndex(m_coderBox->count() - 1);
    };
    add(swatch(coderColor(me)), tr("Mine (%1)").arg(coderLabel(me)), CoderLayer::Mine, me);
    add({}, tr("All Coders"), CoderLayer::All, {});
    for (const QString &c : std::as_const(coders))
        add(swatch(coderColor(c)), coderLabel(c), CoderLayer::One, c);
}

void ReaderView::fillCoderMenu()
{
    reloadCoders();
    m_coderMenu->clear();
    auto *group = new QActionGroup(m_coderMenu);
    for (int i = 0; i < m_coderBox->count(); ++i) {
        QAction *a = m_coderMenu->addAction(m_coderBox->itemIcon(i), m_coderBox->itemText(i));
        a->setCheckable(true);
        a->setChecked(i == m_coderBox->currentIndex());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { chooseLayerAt(i); });
        if (i == 1)
            m_coderMenu->addSeparator();
    }
}

QString ReaderView::describeAt(int position) const
{
    const qint64 cp = codePoint(position);
    QStringList lines;
    for (const auto &h : std::as_const(m_highlights)) {
        if (h.start > cp || cp >= h.end)
            continue;
        QStringList tags;
        for (const qint64 t : h.tagIds)
            tags << m_document.project().codebook().path(t);
        lines << tr("%1: %2").arg(
            coderLabel(h.coder), tags.isEmpty() ? tr("(no tag)") : tags.join(QStringLiteral(", ")));
    }
    return lines.join(u'\n');
}

bool ReaderView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor c = m_text->cursorForPosition(help->pos());
        const QString text = describeAt(c.position());
        // Over a highlight: whose it is and its tags; elsewhere, how to code.
        QToolTip::showText(help->globalPos(), text.isEmpty() ? m_text->toolTip() : text, m_text->viewport());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gloss::ui
