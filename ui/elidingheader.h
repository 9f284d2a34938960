#pragma once

#include <QHeaderView>

namespace gloss::ui {

// A horizontal header whose labels end with "…" when their section is too narrow for them, the
// sort arrow's room taken off first. (Qt 6.4's Fusion style clips such a label on both sides:
// "Published" in a narrowed column read "blishe".) The full label stays in the tooltip the model
// gives, or is given here when the model gives none.
class ElidingHeader final : public QHeaderView
{
    Q_OBJECT

public:
    explicit ElidingHeader(QWidget *parent = nullptr);

    // The text painted for `logicalIndex` at its present width (tests read it).
    QString shownText(int logicalIndex) const;

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    bool viewportEvent(QEvent *event) override;

private:
    QString elided(const QStyleOptionHeader &option, int width) const;
};

} // namespace gloss::ui
