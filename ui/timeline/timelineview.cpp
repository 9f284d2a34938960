#include "timeline/timelineview.h"

#include "text/codepoints.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QResizeEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace gloss::ui {

namespace {

constexpr double MinPixelsPerDay = 0.01; // about a century across a wide window
constexpr double MaxPixelsPerDay = 400; // a day wider than its label
constexpr int ProjectLaneHeight = 64;
constexpr int MarkSize = 10;
constexpr int DragThreshold = 4;

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("TimelineView"));
    setFocusPolicy(Qt::WheelFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_firstDay = double(QDate::currentDate().addDays(-90).toJulianDay());
}

QSize TimelineView::sizeHint() const
{
    return {800, axisRect().height() + ProjectLaneHeight + 6 * (fontMetrics().height() + 8)};
}

QSize TimelineView::minimumSizeHint() const
{
    return {200, axisRect().height() + ProjectLaneHeight + 2 * (fontMetrics().height() + 8)};
}

// ---- Data -----------------------------------------------------------------------------------

void TimelineView::setArticles(const QList<ArticleMark> &articles)
{
    m_articles.clear();
    for (const ArticleMark &a : articles)
        if (a.date.isValid())
            m_articles.append(a);
    std::stable_sort(m_articles.begin(), m_articles.end(),
        [](const ArticleMark &a, const ArticleMark &b) { return a.date < b.date; });
    update();
    Q_EMIT viewChanged();
}

void TimelineView::setMarkedArticles(const QSet<qint64> &ids, const QString &caption)
{
    m_marked = ids;
    m_markedCaption = caption;
    update();
}

void TimelineView::setCurrentArticle(
    qint64 id, const QDate &date, const QString &body, const QList<model::TimeRef> &refs)
{
    m_currentId = id;
    m_currentDate = date;
    m_body = body;
    m_refs = refs;
    layoutReferences();
    update();
    Q_EMIT viewChanged();
}

// ---- Axis geometry --------------------------------------------------------------------------

double TimelineView::minDay() const
{
    double lo = std::numeric_limits<double>::max();
    if (!m_articles.isEmpty())
        lo = double(m_articles.first().date.toJulianDay());
    for (const model::TimeRef &r : m_refs)
        if (r.rangeStart.isValid())
            lo = std::min(lo, double(r.rangeStart.toJulianDay()));
    if (m_currentDate.isValid())
        lo = std::min(lo, double(m_currentDate.toJulianDay()));
    if (lo == std::numeric_limits<double>::max())
        lo = double(QDate::currentDate().addYears(-1).toJulianDay());
    return lo - 30;
}

double TimelineView::maxDay() const
{
    double hi = std::numeric_limits<double>::lowest();
    if (!m_articles.isEmpty())
        hi = double(m_articles.last().date.toJulianDay());
    for (const model::TimeRef &r : m_refs)
        if (r.rangeEnd.isValid())
            hi = std::max(hi, double(r.rangeEnd.toJulianDay()));
    if (m_currentDate.isValid())
        hi = std::max(hi, double(m_currentDate.toJulianDay()));
    if (hi == std::numeric_limits<double>::lowest())
        hi = double(QDate::currentDate().toJulianDay());
    return hi + 31;
}

void TimelineView::setPixelsPerDay(double ppd, double aroundX)
{
    ppd = std::clamp(ppd, MinPixelsPerDay, MaxPixelsPerDay);
    if (aroundX < 0)
        aroundX = width() / 2.0;
    const double day = m_firstDay + aroundX / m_pixelsPerDay;
    m_pixelsPerDay = ppd;
    m_firstDay = day - aroundX / m_pixelsPerDay;
    m_fitted = false;
    layoutReferences();
    update();
    Q_EMIT viewChanged();
}

void TimelineView::setFirstDay(double julianDay)
{
    const double visible = width() / m_pixelsPerDay;
    const double lo = minDay() - visible * 0.9;
    const double hi = std::max(lo, maxDay() - visible * 0.1);
    julianDay = std::clamp(julianDay, lo, hi);
    if (julianDay == m_firstDay)
        return;
    m_firstDay = julianDay;
    m_fitted = false;
    update();
    Q_EMIT viewChanged();
}

void TimelineView::zoom(double factor, double aroundX)
{
    setPixelsPerDay(m_pixelsPerDay * factor, aroundX);
}

void TimelineView::fitDays(double from, double to)
{
    const double span = std::max(14.0, to - from);
    const double pad = span * 0.08;
    const double w = std::max(100, width());
    m_pixelsPerDay = std::clamp(w / (span + 2 * pad), MinPixelsPerDay, MaxPixelsPerDay);
    m_firstDay = (from + to) / 2 - w / 2 / m_pixelsPerDay;
    m_fitFrom = from;
    m_fitTo = to;
    m_fitted = true;
    layoutReferences();
    update();
    Q_EMIT viewChanged();
}

void TimelineView::fitArticle()
{
    double lo = std::numeric_limits<double>::max();
    double hi = std::numeric_limits<double>::lowest();
    auto take = [&](const QDate &a, const QDate &b) {
        lo = std::min(lo, double(a.toJulianDay()));
        hi = std::max(hi, double(b.toJulianDay() + 1));
    };
    if (m_currentDate.isValid())
        take(m_currentDate, m_currentDate);
    for (const model::TimeRef &r : m_refs)
        if (r.rangeStart.isValid() && r.rangeStart.daysTo(r.rangeEnd) < 62)
            take(r.rangeStart, r.rangeEnd);
    if (lo > hi) {
        fitAll();
        return;
    }
    fitDays(lo, hi);
}

void TimelineView::fitAll()
{
    fitDays(minDay() + 30, maxDay() - 30);
}

double TimelineView::xOfDate(const QDate &date) const
{
    return (double(date.toJulianDay()) - m_firstDay) * m_pixelsPerDay;
}

QDate TimelineView::dateAtX(double x) const
{
    return QDate::fromJulianDay(qint64(std::floor(m_firstDay + x / m_pixelsPerDay)));
}

QRect TimelineView::axisRect() const
{
    return {0, 0, width(), 2 * fontMetrics().height() + 10};
}

QRect TimelineView::projectLaneRect() const
{
    return {0, axisRect().bottom() + 1, width(), ProjectLaneHeight};
}

QRect TimelineView::articleLaneRect() const
{
    const int top = projectLaneRect().bottom() + 1;
    return {0, top, width(), std::max(0, height() - top)};
}

// ---- Article lane layout ----------------------------------------------------------------------

// Greedy rows: each mention goes in the first row where it and its label do not overlap the
// previous one. When the lane has no free row left, the mark shares the row that frees up first and
// the label before it is shortened (the tooltip still has it all). Rows depend on the zoom, not on the scroll.
void TimelineView::layoutReferences()
{
    m_rows = QList<int>(m_refs.size(), 0);
    m_labelMax = QList<double>(m_refs.size(), std::numeric_limits<double>::max());
    QList<qsizetype> order;
    for (qsizetype i = 0; i < m_refs.size(); ++i)
        if (m_refs.at(i).rangeStart.isValid())
            order.append(i);
    std::stable_sort(order.begin(), order.end(),
        [this](qsizetype a, qsizetype b) { return m_refs.at(a).rangeStart < m_refs.at(b).rangeStart; });
    const QFontMetrics fm = fontMetrics();
    const int rowHeight = fm.height() + 8;
    const int maxRows = std::max(1, (articleLaneRect().height() - rowHeight / 2) / rowHeight);
    QList<double> rowEnds;
    QList<qsizetype> rowLast;
    QList<double> labelStarts(m_refs.size(), 0);
    for (const qsizetype i : std::as_const(order)) {
        const model::TimeRef &r = m_refs.at(i);
        const double x0 = double(r.rangeStart.toJulianDay()) * m_pixelsPerDay;
        const double x1 = double(r.rangeEnd.toJulianDay() + 1) * m_pixelsPerDay;
        const bool point = x1 - x0 < MarkSize || r.rangeStart == r.rangeEnd;
        const double start = point ? (x0 + x1) / 2 - MarkSize / 2.0 : x0;
        const double markEnd = point ? start + MarkSize : x1;
        // A long span carries its label inside; a short one to its right.
        const double end = std::max(markEnd, start + MarkSize + 4 + fm.horizontalAdvance(r.text.simplified())) + 8;
        labelStarts[i] = point ? start + MarkSize + 4 : start + 4;
        int row = 0;
        while (row < rowEnds.size() && rowEnds.at(row) > start)
            ++row;
        if (row < maxRows) {
            if (row == rowEnds.size()) {
                rowEnds.append(end);
                rowLast.append(i);
            } else {
                rowEnds[row] = end;
                rowLast[row] = i;
            }
        } else {
            // No free row: share the one that frees up first, shortening the label before.
            row = int(std::min_element(rowEnds.cbegin(), rowEnds.cend()) - rowEnds.cbegin());
            const qsizetype before = rowLast.at(row);
            m_labelMax[before] = std::min(m_labelMax.at(before), start - 4 - labelStarts.at(before));
            rowEnds[row] = end;
            rowLast[row] = i;
        }
        m_rows[i] = row;
    }
}

QRect TimelineView::referenceRect(qsizetype index) const
{
    if (index < 0 || index >= m_refs.size())
        return {};
    const model::TimeRef &r = m_refs.at(index);
    if (!r.rangeStart.isValid())
        return {};
    const QRect lane = articleLaneRect();
    const int rowHeight = fontMetrics().height() + 8;
    const int rows = std::max(1, (lane.height() - rowHeight / 2) / rowHeight);
    const int row = std::min(m_rows.value(index), rows - 1);
    const int y = lane.top() + rowHeight / 2 + row * rowHeight + (rowHeight - MarkSize) / 2;
    const double x0 = xOfDate(r.rangeStart);
    const double x1 = xOfDate(r.rangeEnd.addDays(1));
    // A single day (or a time on it) is a mark, whatever the zoom; longer periods are spans.
    if (x1 - x0 < MarkSize || r.rangeStart == r.rangeEnd) {
        const int cx = int(std::lround((x0 + x1) / 2));
        return {cx - MarkSize / 2, y, MarkSize, MarkSize};
    }
    return {int(std::lround(x0)), y, int(std::lround(x1 - x0)), MarkSize};
}

qsizetype TimelineView::referenceAt(const QPoint &pos) const
{
    // A mark under the pointer beats a label under it; a short mark beats a long span under it.
    qsizetype best = -1;
    std::pair<int, int> bestScore{2, 0};
    for (qsizetype i = 0; i < m_refs.size(); ++i) {
        const QRect r = referenceRect(i);
        if (r.isEmpty())
            continue;
        const QRect mark = r.adjusted(-2, -4, 2, 4);
        QRect label = mark;
        if (r.width() <= MarkSize) // the label to the right is part of the mark
            label.setRight(r.right() + 4
                + int(std::min(
                    m_labelMax.value(i), double(fontMetrics().horizontalAdvance(m_refs.at(i).text.simplified())))));
        const int kind = mark.contains(pos) ? 0 : label.contains(pos) ? 1 : 2;
        const std::pair<int, int> score{kind, r.width()};
        if (kind < 2 && (best < 0 || score < bestScore)) {
            best = i;
            bestScore = score;
        }
    }
    return best;
}

qint64 TimelineView::articleAt(const QPoint &pos) const
{
    if (!projectLaneRect().contains(pos))
        return 0;
    qint64 best = 0;
    double bestDistance = 5;
    for (const ArticleMark &a : m_articles) {
        const double d = std::abs(xOfDate(a.date) + m_pixelsPerDay / 2 - pos.x());
        if (d < bestDistance) {
            bestDistance = d;
            best = a.id;
        }
    }
    return best;
}

QString TimelineView::sentenceOf(const model::TimeRef &ref) const
{
    const qsizetype start = text::toUtf16(m_body, ref.start);
    const qsizetype end = text::toUtf16(m_body, ref.end);
    if (start < 0 || end < 0)
        return {};
    qsizetype s = start;
    while (s > 0 && m_body.at(s - 1) != u'\n'
        && !((m_body.at(s - 1).isSpace()) && s >= 2 && QStringView(u".!?").contains(m_body.at(s - 2))))
        --s;
    qsizetype e = end;
    while (e < m_body.size() && m_body.at(e) != u'\n'
        && !(QStringView(u".!?").contains(m_body.at(e)) && (e + 1 >= m_body.size() || m_body.at(e + 1).isSpace())))
        ++e;
    if (e < m_body.size() && m_body.at(e) != u'\n')
        ++e;
    return m_body.mid(s, e - s).trimmed();
}

// ---- Painting ---------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    paintAxis(p);
    paintProjectLane(p);
    paintArticleLane(p);
    // The current article's date runs through both lanes.
    if (m_currentDate.isValid()) {
        const double x = xOfDate(m_currentDate) + m_pixelsPerDay / 2;
        QPen pen(palette().color(QPalette::Highlight), 1, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(x, projectLaneRect().top()), QPointF(x, height()));
    }
    if (hasFocus()) {
        p.setPen(QPen(withAlpha(palette().color(QPalette::Highlight), 120), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineView::paintAxis(QPainter &p)
{
    const QRect r = axisRect();
    p.fillRect(r, palette().color(QPalette::Window));
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = withAlpha(palette().color(QPalette::WindowText), 60);
    const QDate first = dateAtX(0).addDays(-1);
    const QDate last = dateAtX(width()).addDays(1);
    const int majorY = fm.ascent() + 3;
    const int minorY = 2 * fm.height() + 6;
    const QLocale locale;

    // Pick the finest minor unit whose labels fit, and the unit above it as major.
    enum Unit { Day, Month, Year, Decade, Century };
    const double ppd = m_pixelsPerDay;
    Unit minor = Century;
    if (ppd >= fm.horizontalAdvance(QStringLiteral("30")) + 6)
        minor = Day;
    else if (ppd * 30 >= fm.horizontalAdvance(QStringLiteral("May")) + 8)
        minor = Month;
    else if (ppd * 365 >= fm.horizontalAdvance(QStringLiteral("2018")) + 8)
        minor = Year;
    else if (ppd * 3650 >= fm.horizontalAdvance(QStringLiteral("1990s")) + 8)
        minor = Decade;
    const Unit major = Unit(std::min<int>(minor + 1, Century));

    auto start = [](const QDate &d, Unit u) -> QDate {
        switch (u) {
        case Day:
            return d;
        case Month:
            return QDate(d.year(), d.month(), 1);
        case Year:
            return QDate(d.year(), 1, 1);
        case Decade:
            return QDate(d.year() - ((d.year() % 10) + 10) % 10, 1, 1);
        case Century:
            return QDate(d.year() - ((d.year() % 100) + 100) % 100, 1, 1);
        }
        return d;
    };
    auto next = [](const QDate &d, Unit u) -> QDate {
        switch (u) {
        case Day:
            return d.addDays(1);
        case Month:
            return d.addMonths(1);
        case Year:
            return d.addYears(1);
        case Decade:
            return d.addYears(10);
        case Century:
            return d.addYears(100);
        }
        return d;
    };
    auto label = [&locale](const QDate &d, Unit u, bool isMajor) -> QString {
        switch (u) {
        case Day:
            return QString::number(d.day());
        case Month:
            return isMajor ? locale.toString(d, QStringLiteral("MMMM yyyy"))
                           : locale.toString(d, QStringLiteral("MMM"));
        case Year:
            return QString::number(d.year());
        case Decade:
            return QString::number(d.year()) + u's';
        case Century:
            return QString::number(d.year()) + u's';
        }
        return QString();
    };

    p.setFont(font());
    for (QDate d = start(first, minor); d.isValid() && d <= last; d = next(d, minor)) {
        const double x = xOfDate(d);
        p.setPen(faint);
        p.drawLine(QPointF(x, r.bottom() - 4), QPointF(x, r.bottom()));
        p.setPen(text);
        const QString l = label(d, minor, false);
        const double w = (double(next(d, minor).toJulianDay() - d.toJulianDay())) * ppd;
        if (fm.horizontalAdvance(l) + 4 < w)
            p.drawText(QPointF(x + (w - fm.horizontalAdvance(l)) / 2, minorY - fm.descent() - 2), l);
        // Weekends are shaded when days are visible.
        if (minor == Day && d.dayOfWeek() >= 6)
            p.fillRect(QRectF(x, projectLaneRect().top(), ppd, height() - projectLaneRect().top()),
                withAlpha(palette().color(QPalette::AlternateBase), 255));
    }
    if (minor != Century) {
        for (QDate d = start(first, major); d.isValid() && d <= last; d = next(d, major)) {
            const double x = xOfDate(d);
            p.setPen(faint);
            p.drawLine(QPointF(x, 0), QPointF(x, height()));
            p.setPen(text);
            // Keep the label of the period that starts off-screen at the left edge.
            const QString l = label(d, major, true);
            const double endX = xOfDate(next(d, major));
            const double lx = std::max(x + 4, std::min(4.0, endX - fm.horizontalAdvance(l) - 4));
            p.drawText(QPointF(lx, majorY), l);
        }
    }
    p.setPen(faint);
    p.drawLine(r.bottomLeft(), r.bottomRight());
}

void TimelineView::paintProjectLane(QPainter &p)
{
    const QRect lane = projectLaneRect();
    const QColor text = palette().color(QPalette::Text);
    const QColor highlight = palette().color(QPalette::Highlight);
    const QFontMetrics fm = fontMetrics();

    // The brushed range.
    if (m_brushFrom.isValid() && m_brushTo.isValid()) {
        const double x0 = xOfDate(m_brushFrom);
        const double x1 = xOfDate(m_brushTo.addDays(1));
        p.fillRect(QRectF(x0, lane.top(), x1 - x0, lane.height()), withAlpha(highlight, 60));
        p.setPen(QPen(highlight, 1));
        p.drawLine(QPointF(x0, lane.top()), QPointF(x0, lane.bottom()));
        p.drawLine(QPointF(x1, lane.top()), QPointF(x1, lane.bottom()));
    }

    const int baseline = lane.bottom() - 6;
    const int maxBar = lane.height() - fm.height() - 14;
    // Marks when they have room, else a histogram of articles per bin of a few pixels.
    const auto lo = std::lower_bound(m_articles.cbegin(), m_articles.cend(), dateAtX(-10),
        [](const ArticleMark &a, const QDate &d) { return a.date < d; });
    const auto hi = std::upper_bound(m_articles.cbegin(), m_articles.cend(), dateAtX(width() + 10),
        [](const QDate &d, const ArticleMark &a) { return d < a.date; });
    const qsizetype visible = hi - lo;
    bool dense = false;
    for (auto it = lo; it != hi && it + 1 != hi; ++it)
        if ((it + 1)->date != it->date && xOfDate((it + 1)->date) - xOfDate(it->date) < 4) {
            dense = true;
            break;
        }
    p.setPen(Qt::NoPen);
    if (dense && visible > 0) {
        const int bin = std::max(4, int(std::ceil(m_pixelsPerDay)));
        QHash<int, int> counts;
        int most = 1;
        for (auto it = lo; it != hi; ++it) {
            const int b = int(std::floor(xOfDate(it->date) / bin));
            most = std::max(most, ++counts[b]);
        }
        p.setBrush(withAlpha(text, 150));
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            const double h = std::max(3.0, double(maxBar) * it.value() / most);
            p.drawRect(QRectF(it.key() * bin + 0.5, baseline - h, bin - 1, h));
        }
    } else {
        // A mark per day, taller for each further article published that day.
        p.setBrush(withAlpha(text, 170));
        for (auto it = lo; it != hi;) {
            auto dayEnd = it;
            while (dayEnd != hi && dayEnd->date == it->date)
                ++dayEnd;
            const qsizetype n = dayEnd - it;
            const double h = std::min(double(maxBar), maxBar * (0.45 + 0.2 * double(n)));
            const double x = xOfDate(it->date) + m_pixelsPerDay / 2;
            p.drawRoundedRect(QRectF(x - 1.5, baseline - h, 3, h), 1.5, 1.5);
            if (n > 1 && m_pixelsPerDay > fm.horizontalAdvance(QStringLiteral("99")) + 8) {
                p.setPen(text);
                p.drawText(QPointF(x + 4, baseline - h + fm.ascent()), QString::number(n));
                p.setPen(Qt::NoPen);
            }
            it = dayEnd;
        }
    }
    // Marked articles (an entity's mentions) get a triangle above their day.
    if (!m_marked.isEmpty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::Link));
        for (auto it = lo; it != hi; ++it) {
            if (!m_marked.contains(it->id))
                continue;
            const double x = xOfDate(it->date) + m_pixelsPerDay / 2;
            const double top = baseline - maxBar - 2;
            const QPointF tri[3] = {{x - 4, top - 7}, {x + 4, top - 7}, {x, top}};
            p.drawPolygon(tri, 3);
        }
    }
    // The current article stands out.
    for (auto it = lo; it != hi; ++it) {
        if (it->id != m_currentId)
            continue;
        const double x = xOfDate(it->date) + m_pixelsPerDay / 2;
        p.setBrush(highlight);
        p.setPen(QPen(palette().color(QPalette::HighlightedText), 1));
        p.drawRoundedRect(QRectF(x - 3, baseline - maxBar, 6, maxBar), 2, 2);
    }
    p.setPen(palette().color(QPalette::PlaceholderText));
    QString caption = dense ? tr("Articles (%1 shown, per period)").arg(visible) : tr("Articles");
    if (!m_marked.isEmpty())
        caption += QStringLiteral("  ▼ ") + m_markedCaption;
    p.drawText(QPointF(4, lane.top() + fm.ascent() + 2), caption);
    p.setPen(withAlpha(text, 60));
    p.drawLine(lane.bottomLeft(), lane.bottomRight());
}

void TimelineView::paintArticleLane(QPainter &p)
{
    const QRect lane = articleLaneRect();
    const QColor text = palette().color(QPalette::Text);
    const QColor highlight = palette().color(QPalette::Highlight);
    const QFontMetrics fm = fontMetrics();
    p.setPen(palette().color(QPalette::PlaceholderText));
    if (!m_currentId) {
        p.drawText(lane.adjusted(8, 0, -8, 0), Qt::AlignCenter, tr("Select an article to see the dates it speaks of."));
        return;
    }
    int shown = 0;
    // Long spans first, so that day marks are drawn over them.
    QList<qsizetype> order;
    for (qsizetype i = 0; i < m_refs.size(); ++i)
        order.append(i);
    std::stable_sort(order.begin(), order.end(),
        [this](qsizetype a, qsizetype b) { return referenceRect(a).width() > referenceRect(b).width(); });
    for (const qsizetype i : std::as_const(order)) {
        const QRect r = referenceRect(i);
        if (r.isEmpty())
            continue;
        ++shown;
        if (r.right() < -200 || r.left() > width())
            continue;
        const model::TimeRef &ref = m_refs.at(i);
        const bool point = r.width() <= MarkSize;
        if (point) {
            p.setPen(QPen(palette().color(QPalette::Base), 1));
            p.setBrush(highlight);
            p.drawEllipse(r);
        } else {
            p.setPen(QPen(highlight, 1));
            p.setBrush(withAlpha(highlight, 80));
            p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        }
        QFont f = font();
        f.setItalic(ref.overridden);
        p.setFont(f);
        p.setPen(text);
        // An expression broken across a line break ("March\n24") reads with a space, not run together.
        const QString oneLine = ref.text.simplified();
        QString label = ref.overridden ? oneLine + QStringLiteral(" ✎") : oneLine;
        if (m_labelMax.value(i) < fm.horizontalAdvance(label)) {
            if (m_labelMax.value(i) < fm.horizontalAdvance(QStringLiteral("Mo…")))
                continue;
            label = fm.elidedText(label, Qt::ElideRight, int(m_labelMax.value(i)));
        }
        // Labels follow short marks; long spans carry theirs at their visible start.
        const double lx = point ? r.right() + 4 : std::max(double(r.left() + 4), 4.0);
        p.drawText(QPointF(lx, r.center().y() + (fm.ascent() - fm.descent()) / 2.0 + 0.5), label);
        p.setFont(font());
    }
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QString caption = shown ? tr("Dates in this article") : tr("This article mentions no dates");
    p.drawText(QPointF(4, lane.top() + fm.ascent() + 2), caption);
}

// ---- Interaction -------------------------------------------------------------------------------

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitted && event->size().width() != event->oldSize().width())
        fitDays(m_fitFrom, m_fitTo);
    else
        layoutReferences();
    Q_EMIT viewChanged();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const bool horizontal = delta.x() != 0 || (event->modifiers() & Qt::ShiftModifier);
    if (horizontal) {
        const int steps = delta.x() != 0 ? delta.x() : delta.y();
        setFirstDay(m_firstDay - steps / 120.0 * width() / 8 / m_pixelsPerDay);
    } else if (delta.y() != 0) {
        zoom(std::pow(1.25, delta.y() / 120.0), event->position().x());
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(1.5);
        break;
    case Qt::Key_Minus:
        zoom(1 / 1.5);
        break;
    case Qt::Key_Left:
        setFirstDay(m_firstDay - width() / 8.0 / m_pixelsPerDay);
        break;
    case Qt::Key_Right:
        setFirstDay(m_firstDay + width() / 8.0 / m_pixelsPerDay);
        break;
    case Qt::Key_Home:
        fitArticle();
        break;
    case Qt::Key_0:
        fitAll();
        break;
    case Qt::Key_Escape:
        clearBrush();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TimelineView::clearBrush()
{
    if (!m_brushFrom.isValid())
        return;
    m_brushFrom = m_brushTo = QDate();
    update();
    Q_EMIT dateRangeBrushed(QDate(), QDate());
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    m_pressX = event->position().x();
    m_pressFirstDay = m_firstDay;
    if (projectLaneRect().contains(event->position().toPoint()))
        m_brushing = true;
    else
        m_panning = true;
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const double x = event->position().x();
    if (m_brushing && std::abs(x - m_pressX) >= DragThreshold) {
        m_brushFrom = dateAtX(std::min(x, m_pressX));
        m_brushTo = dateAtX(std::max(x, m_pressX));
        update();
    } else if (m_panning && std::abs(x - m_pressX) >= DragThreshold) {
        setCursor(Qt::ClosedHandCursor);
        setFirstDay(m_pressFirstDay - (x - m_pressX) / m_pixelsPerDay);
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const double x = event->position().x();
    const bool click = std::abs(x - m_pressX) < DragThreshold;
    if (m_brushing) {
        m_brushing = false;
        if (!click) {
            m_brushFrom = dateAtX(std::min(x, m_pressX));
            m_brushTo = dateAtX(std::max(x, m_pressX));
            update();
            Q_EMIT dateRangeBrushed(m_brushFrom, m_brushTo);
        } else if (const qint64 id = articleAt(event->position().toPoint())) {
            Q_EMIT articleClicked(id);
        } else {
            clearBrush();
        }
    } else if (m_panning) {
        m_panning = false;
        unsetCursor();
        if (click) {
            const qsizetype i = referenceAt(event->position().toPoint());
            if (i >= 0)
                Q_EMIT referenceActivated(m_refs.at(i).start, m_refs.at(i).end);
        }
    }
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    const qsizetype i = referenceAt(event->pos());
    if (i >= 0)
        Q_EMIT referenceContextMenu(i, event->globalPos());
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype i = referenceAt(help->pos());
        if (i >= 0) {
            const model::TimeRef &r = m_refs.at(i);
            QString tip = QStringLiteral("<b>%1</b> → %2 (%3)").arg(r.text.toHtmlEscaped(), r.value, r.granularity);
            if (r.overridden)
                tip += tr("<br><i>corrected; found as %1</i>").arg(r.extractedValue);
            tip += QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(sentenceOf(r).toHtmlEscaped());
            QToolTip::showText(help->globalPos(), tip, this);
            return true;
        }
        if (const qint64 id = articleAt(help->pos())) {
            for (const ArticleMark &a : std::as_const(m_articles))
                if (a.id == id) {
                    QToolTip::showText(help->globalPos(),
                        QStringLiteral("%1<br><b>%2</b>")
                            .arg(QLocale().toString(a.date, QLocale::LongFormat), a.title.toHtmlEscaped()),
                        this);
                    return true;
                }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace gloss::ui
