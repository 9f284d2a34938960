#include "elidingheader.h"

#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QToolTip>

namespace gloss::ui {

ElidingHeader::ElidingHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setHighlightSections(true);
    setTextElideMode(Qt::ElideRight);
}

QString ElidingHeader::elided(const QStyleOptionHeader &option, int width) const
{
    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, &option, this);
    int room = width - 2 * margin;
    if (option.sortIndicator != QStyleOptionHeader::None)
        room -= style()->pixelMetric(QStyle::PM_HeaderMarkSize, &option, this) + margin;
    QFont font = this->font();
    if (option.state & QStyle::State_On)
        font.setBold(true); // the styles draw the selected column's label bold
    return QFontMetrics(font).elidedText(option.text, Qt::ElideRight, std::max(room, 0));
}

QString ElidingHeader::shownText(int logicalIndex) const
{
    QStyleOptionHeaderV2 option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    return elided(option, sectionSize(logicalIndex));
}

void ElidingHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!rect.isValid())
        return;
    QStyleOptionHeaderV2 option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    option.rect = rect;
    option.text = elided(option, rect.width());
    option.textElideMode = Qt::ElideNone; // done above, with the sort arrow's room known
    painter->save();
    style()->drawControl(QStyle::CE_Header, &option, painter, this);
    painter->restore();
}

bool ElidingHeader::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && model()) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int section = logicalIndexAt(help->pos());
        if (section >= 0 && !model()->headerData(section, orientation(), Qt::ToolTipRole).isValid()) {
            const QString text = model()->headerData(section, orientation(), Qt::DisplayRole).toString();
            if (shownText(section) != text) {
                QToolTip::showText(help->globalPos(), text, this);
                return true;
            }
        }
    }
    return QHeaderView::viewportEvent(event);
}

} // namespace gloss::ui
