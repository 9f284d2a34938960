#include "codebook/tagpicker.h"

#include "document.h"
#include "model/tag.h"
#include "operations/codebook.h"
#include "operations/project.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

constexpr int RecentKept = 9;

QIcon swatch(const QString &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(color));
    painter.drawRoundedRect(QRectF(0, 0, 12, 12), 3, 3);
    return QIcon(pixmap);
}

} // namespace

TagPicker::TagPicker(Document &document, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_document(document)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("tagPicker"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    m_filter->setPlaceholderText(tr("Type part of a tag's name; Enter applies it"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    auto *hint = new QLabel(tr("↑↓ choose · Enter apply · Esc close"), this);
    hint->setEnabled(false);
    layout->addWidget(hint);
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &TagPicker::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &TagPicker::choose);
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        m_list->setCurrentItem(item);
        choose();
    });
    resize(420, 360);
}

void TagPicker::setRecent(const QList<qint64> &ids)
{
    m_recent = ids.mid(0, RecentKept);
}

void TagPicker::reload()
{
    m_entries.clear();
    QList<model::Tag> tags;
    try {
        tags = m_document.project().codebook().tagsWithoutCounts();
    } catch (const operations::OperationError &e) {
        m_document.reportError(e.message());
    }
    QHash<qint64, qsizetype> byId;
    for (qsizetype i = 0; i < tags.size(); ++i)
        byId.insert(tags.at(i).id, i);
    // A tag's full path, as the command line and exports write it.
    auto pathOf = [&](qint64 id) {
        QStringList names;
        for (int depth = 0; id && byId.contains(id) && depth < 64; ++depth) {
            const model::Tag &t = tags.at(byId.value(id));
            names.prepend(t.name);
            id = t.parentId;
        }
        return names.join(model::TagPathSeparator);
    };
    QList<qint64> order;
    QList<qint64> recent;
    for (qint64 id : std::as_const(m_recent))
        if (byId.contains(id) && !recent.contains(id))
            recent.append(id);
    m_recent = recent; // deleted tags drop out
    order = recent;
    for (const model::Tag &t : std::as_const(tags))
        if (!recent.contains(t.id))
            order.append(t.id);
    for (qint64 id : std::as_const(order))
        m_entries.append({id, pathOf(id), tags.at(byId.value(id)).color});
}

void TagPicker::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    m_list->clear();
    for (const Entry &e : std::as_const(m_entries)) {
        if (!text.isEmpty() && !e.path.contains(text, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(swatch(e.color), e.path, m_list);
        item->setData(Qt::UserRole, e.id);
        if (m_recent.contains(e.id))
            item->setToolTip(tr("Used recently"));
    }
    if (m_list->count() == 0) {
        auto *item = new QListWidgetItem(
            m_entries.isEmpty() ? tr("The codebook has no tags yet") : tr("No tag matches “%1”").arg(text), m_list);
        item->setFlags(Qt::NoItemFlags);
    } else {
        m_list->setCurrentRow(0);
    }
}

QList<qint64> TagPicker::shownTags() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (const qint64 id = m_list->item(i)->data(Qt::UserRole).toLongLong())
            ids.append(id);
    return ids;
}

void TagPicker::popup(QWidget *over)
{
    reload();
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    applyFilter();
    if (over) {
        const QPoint centre = over->mapToGlobal(over->rect().center());
        move(centre.x() - width() / 2, centre.y() - height() / 2);
    }
    show();
    raise();
    activateWindow();
    m_filter->setFocus();
}

void TagPicker::choose()
{
    QListWidgetItem *item = m_list->currentItem();
    const qint64 id = item ? item->data(Qt::UserRole).toLongLong() : 0;
    if (!id)
        return;
    m_recent.removeAll(id);
    m_recent.prepend(id);
    m_recent = m_recent.mid(0, RecentKept);
    hide();
    Q_EMIT tagChosen(id);
}

bool TagPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int count = m_list->count();
        int row = m_list->currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            m_list->setCurrentRow(count ? (row + 1) % count : -1);
            return true;
        case Qt::Key_Up:
            m_list->setCurrentRow(count ? (row - 1 + count) % count : -1);
            return true;
        case Qt::Key_PageDown:
            m_list->setCurrentRow(count ? std::min(row + 10, count - 1) : -1);
            return true;
        case Qt::Key_PageUp:
            m_list->setCurrentRow(count ? std::max(row - 10, 0) : -1);
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace gloss::ui
