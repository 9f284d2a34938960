// PDF: the text layer through poppler (its C++ interface: the words of each page with their
// boxes), laid out here: words into lines, lines into columns and reading order (a recursive cut
// at the widest white gap, columns first), lines into paragraphs with end-of-line hyphenation
// joined, and the running heads and page numbers at the top and bottom of the pages dropped.
#include "import/documents/documentreaders.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace gloss::import::documents {

namespace {

// poppler's complaints about a damaged file, kept for the refusal instead of going to stderr.
thread_local std::string popplerMessage;

void keepPopplerMessage(const std::string &message, void *)
{
    popplerMessage = message;
}

QString fromUstring(const poppler::ustring &s)
{
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(s.data()), qsizetype(s.size()));
}

// A piece of a line: words on one baseline with no wide gap between them.
struct Line
{
    QString text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0; // y grows downwards
    double height() const { return y1 - y0; }
    double width() const { return x1 - x0; }
};

struct Word
{
    QString text;
    double x0, y0, x1, y1;
    bool spaceAfter;
};

// The lines of a page, top to bottom, left to right.
QList<Line> linesOf(poppler::page &page)
{
    QList<Word> words;
    for (const poppler::text_box &box : page.text_list()) {
        QString text = fromUstring(box.text());
        if (text.trimmed().isEmpty())
            continue;
        const poppler::rectf r = box.bbox();
        words.append({std::move(text), r.left(), r.top(), r.right(), r.bottom(), box.has_space_after()});
    }
    std::stable_sort(
        words.begin(), words.end(), [](const Word &a, const Word &b) { return a.y0 + a.y1 < b.y0 + b.y1; });
    QList<Line> lines;
    qsizetype i = 0;
    while (i < words.size()) {
        // A row: the words whose middle is near the first one's.
        const double mid = (words[i].y0 + words[i].y1) / 2;
        const double h = std::max(words[i].y1 - words[i].y0, 1.0);
        qsizetype end = i + 1;
        while (end < words.size() && std::abs((words[end].y0 + words[end].y1) / 2 - mid) <= 0.35 * h)
            ++end;
        QList<Word> row(words.begin() + i, words.begin() + end);
        std::sort(row.begin(), row.end(), [](const Word &a, const Word &b) { return a.x0 < b.x0; });
        Line line;
        for (qsizetype k = 0; k < row.size(); ++k) {
            const Word &w = row[k];
            const double wh = std::max(w.y1 - w.y0, 1.0);
            const double gap = k ? w.x0 - line.x1 : 0;
            if (k && gap > 0.9 * std::max(wh, line.height())) {
                lines.append(line); // a gutter: the next column's line
                line = Line{};
            }
            if (line.text.isEmpty()) {
                line = {w.text, w.x0, w.y0, w.x1, w.y1};
            } else {
                if (row[k - 1].spaceAfter || gap > 0.15 * wh)
                    line.text.append(u' ');
                line.text.append(w.text);
                line.x1 = std::max(line.x1, w.x1);
                line.y0 = std::min(line.y0, w.y0);
                line.y1 = std::max(line.y1, w.y1);
            }
        }
        lines.append(line);
        i = end;
    }
    return lines;
}

// Reading order: a region is cut at its widest vertical gap (columns, left to right) if it has
// one, else at its widest horizontal gap (top to bottom); the pieces are ordered the same way.
void readingOrder(QList<Line> region, QList<Line> &out, int depth = 0)
{
    if (region.size() <= 1 || depth > 2000) {
        std::sort(region.begin(), region.end(),
            [](const Line &a, const Line &b) { return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0; });
        out.append(region);
        return;
    }
    // The widest gap of the region's projection on one axis: where to cut, or nothing.
    const auto widestGap = [&region](bool vertical, double minimum) -> std::optional<double> {
        QList<std::pair<double, double>> spans;
        for (const Line &l : std::as_const(region))
            spans.append(vertical ? std::pair{l.x0, l.x1} : std::pair{l.y0, l.y1});
        std::sort(spans.begin(), spans.end());
        double reach = spans.first().second;
        double best = minimum;
        std::optional<double> cut;
        for (qsizetype k = 1; k < spans.size(); ++k) {
            if (spans[k].first - reach > best) {
                best = spans[k].first - reach;
                cut = (spans[k].first + reach) / 2;
            }
            reach = std::max(reach, spans[k].second);
        }
        return cut;
    };
    double height = 0;
    for (const Line &l : std::as_const(region))
        height = std::max(height, l.height());
    bool vertical = true;
    std::optional<double> cut = widestGap(true, 0.3 * height);
    if (!cut) {
        vertical = false;
        cut = widestGap(false, 0.0);
    }
    if (!cut) {
        std::sort(region.begin(), region.end(),
            [](const Line &a, const Line &b) { return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0; });
        out.append(region);
        return;
    }
    QList<Line> first, second;
    for (Line &l : region)
        ((vertical ? l.x0 : l.y0) < *cut ? first : second).append(std::move(l));
    readingOrder(std::move(first), out, depth + 1);
    readingOrder(std::move(second), out, depth + 1);
}

// "12", "Page 3", "- 4 -", "Page 2 of 20", "5/20".
bool isPageNumber(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral(
            R"(^[\s\-–—|]*(?:page|p\.|seite|página|pagina|pág\.)?\s*\d{1,4}(?:\s*(?:of|/|von|de|sur|di)\s*\d{1,4})?[\s\-–—|]*$)"),
        QRegularExpression::CaseInsensitiveOption);
    return number.match(text).hasMatch();
}

// A line with its figures made alike: the same running head on every page, whatever its page number.
QString headKey(const QString &text)
{
    QString key = text.simplified().toLower();
    for (QChar &c : key)
        if (c.isDigit())
            c = u'#';
    return key;
}

bool endsSentence(const QString &text)
{
    static const QString ends = QStringLiteral(".!?:\"”’'»)");
    return !text.isEmpty() && ends.contains(text.back());
}

bool endsHyphenated(const QString &text)
{
    if (text.size() < 2)
        return false;
    const QChar last = text.back();
    return (last == u'-' || last == u'\u00AD' || last == u'\u2010') && text.at(text.size() - 2).isLetter();
}

// Appends line `b` to a paragraph: a word broken by a hyphen at the end of the line is joined.
void appendLine(QString &paragraph, const QString &b)
{
    if (paragraph.isEmpty()) {
        paragraph = b;
        return;
    }
    if (endsHyphenated(paragraph) && !b.isEmpty() && b.front().isLetter()) {
        if (b.front().isLower() || paragraph.back() == u'\u00AD')
            paragraph.chop(1); // "negoti-" "ations": the hyphen only broke the word
        paragraph.append(b); // "Franco-" "German": the hyphen is the word's own
        return;
    }
    paragraph.append(u' ');
    paragraph.append(b);
}

} // namespace

DocumentParts readPdf(const QByteArray &bytes)
{
    static std::once_flag quiet;
    std::call_once(quiet, [] { poppler::set_debug_error_function(keepPopplerMessage, nullptr); });
    popplerMessage.clear();

    DocumentParts parts;
    if (!bytes.left(1024).contains("%PDF-")) {
        parts.error = QStringLiteral("not a PDF file (no %PDF- header)");
        return parts;
    }
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    if (!doc) {
        parts.error
            = QStringLiteral("damaged PDF: it cannot be opened%1")
                  .arg(popplerMessage.empty() ? QString() : u" (" + QString::fromStdString(popplerMessage) + u')');
        return parts;
    }
    if (doc->is_locked()) {
        parts.error = QStringLiteral("encrypted PDF: it needs a password to be opened");
        return parts;
    }
    parts.title = fromUstring(doc->get_title()).simplified();
    parts.author = fromUstring(doc->get_author()).simplified();
    if (const time_t t = doc->get_creation_date_t(); t > 0)
        parts.created = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
    if (const time_t t = doc->get_modification_date_t(); t > 0)
        parts.modified = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);

    const int pageCount = doc->pages();
    QList<QList<Line>> pages;
    qsizetype words = 0;
    for (int p = 0; p < pageCount; ++p) {
        std::unique_ptr<poppler::page> page(doc->create_page(p));
        pages.append(page ? linesOf(*page) : QList<Line>());
        words += pages.last().size();
    }
    if (words == 0) {
        parts.error = QStringLiteral("no text layer (a scanned image?)");
        return parts;
    }

    // Running heads and feet: the top and bottom rows of a page (up to two each) that are a page
    // number, or that come back on other pages (figures aside).
    constexpr int EdgeRows = 2;
    const auto edgeRows = [](const QList<Line> &lines, bool top) {
        // The rows from the top (or bottom) edge: the y of each distinct row.
        QList<double> rows;
        QList<double> ys;
        for (const Line &l : lines)
            ys.append(l.y0);
        std::sort(ys.begin(), ys.end());
        if (!top)
            std::reverse(ys.begin(), ys.end());
        for (const double y : std::as_const(ys))
            if (rows.size() < EdgeRows && (rows.isEmpty() || std::abs(y - rows.last()) > 1.0))
                rows.append(y);
        return rows;
    };
    QHash<QString, int> pagesWith;
    QList<QList<std::pair<double, bool>>> edges; // per page: its edge rows (y, top)
    for (const QList<Line> &lines : std::as_const(pages)) {
        QList<std::pair<double, bool>> rows;
        for (const bool top : {true, false})
            for (const double y : edgeRows(lines, top))
                rows.append({y, top});
        QSet<QString> keys;
        for (const Line &l : lines)
            for (const auto &[y, top] : rows)
                if (std::abs(l.y0 - y) <= 1.0)
                    keys.insert(headKey(l.text));
        for (const QString &k : keys)
            ++pagesWith[k];
        edges.append(rows);
    }
    const int repeated = std::max(2, int(pages.size() + 2) / 3);
    const auto droppable
        = [&](const Line &l) { return isPageNumber(l.text) || pagesWith.value(headKey(l.text)) >= repeated; };

    QList<Line> ordered;
    QList<qsizetype> pageStarts;
    for (qsizetype p = 0; p < pages.size(); ++p) {
        QList<Line> &lines = pages[p];
        // From each edge inwards, a row goes while every line of it is droppable.
        QSet<qsizetype> dropped;
        for (const bool top : {true, false}) {
            for (const auto &[y, isTop] : std::as_const(edges[p])) {
                if (isTop != top)
                    continue;
                QList<qsizetype> row;
                bool all = true;
                for (qsizetype k = 0; k < lines.size(); ++k)
                    if (std::abs(lines[k].y0 - y) <= 1.0) {
                        row.append(k);
                        all = all && droppable(lines[k]);
                    }
                if (!all)
                    break;
                for (const qsizetype k : std::as_const(row))
                    dropped.insert(k);
            }
        }
        QList<Line> kept;
        for (qsizetype k = 0; k < lines.size(); ++k)
            if (!dropped.contains(k))
                kept.append(std::move(lines[k]));
        pageStarts.append(ordered.size());
        readingOrder(std::move(kept), ordered);
    }

    // The usual width of a line of text: a line much shorter than it ends its paragraph.
    QList<double> widths;
    for (const Line &l : std::as_const(ordered))
        widths.append(l.width());
    std::sort(widths.begin(), widths.end());
    const double usual = widths.isEmpty() ? 0 : widths.at(widths.size() * 3 / 4);

    QStringList paragraphs;
    QString paragraph;
    for (qsizetype k = 0; k < ordered.size(); ++k) {
        const Line &b = ordered[k];
        bool sameParagraph = false;
        if (k > 0 && !paragraph.isEmpty()) {
            const Line &a = ordered[k - 1];
            const double h = std::max(a.height(), 1.0);
            const bool sameSize = std::abs(b.height() - a.height()) <= 0.15 * h;
            const bool shortLine = a.width() < 0.6 * usual;
            const bool below = b.y0 > a.y0 && b.x0 < a.x1 && a.x0 < b.x1 && b.y0 - a.y1 < h && !pageStarts.contains(k);
            if (!sameSize || shortLine)
                sameParagraph = false;
            else if (below)
                sameParagraph = b.y0 - a.y1 <= 0.5 * h && b.x0 <= a.x0 + 0.7 * h;
            else // the next column or page
                sameParagraph = !endsSentence(a.text) || (!b.text.isEmpty() && b.text.front().isLower());
        }
        if (!sameParagraph && !paragraph.isEmpty()) {
            paragraphs.append(paragraph);
            paragraph.clear();
        }
        appendLine(paragraph, b.text.trimmed());
    }
    if (!paragraph.isEmpty())
        paragraphs.append(paragraph);
    parts.text = joinBlocks(paragraphs);
    return parts;
}

} // namespace gloss::import::documents
