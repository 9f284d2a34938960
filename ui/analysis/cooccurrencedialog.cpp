#include "analysis/cooccurrencedialog.h"

#include "analysis/reportexport.h"
#include "document.h"
#include "operations/entities.h"
#include "operations/error.h"
#include "operations/project.h"
#include "operations/reports.h"
#include "work/reportcounter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSet>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

constexpr int SortRole = Qt::UserRole + 2;
constexpr int RowIdRole = Qt::UserRole + 3; // column 0: the row's tag or entity id
// Entity rows shown at most (the most frequent first); the CSV holds them all.
constexpr int MaxEntityRows = 200;

// The colour of a cell holding `value` out of `top`: from the view's base colour to its highlight
// colour, so the map reads in a light and in a dark palette.
QColor heat(const QPalette &palette, qint64 value, qint64 top)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor hot = palette.color(QPalette::Highlight);
    const double t = top > 0 ? std::clamp(double(value) / double(top), 0.0, 1.0) : 0.0;
    const double k = value > 0 ? 0.12 + 0.88 * t : 0.0;
    return QColor::fromRgbF(float(base.redF() + (hot.redF() - base.redF()) * k),
        float(base.greenF() + (hot.greenF() - base.greenF()) * k),
        float(base.blueF() + (hot.blueF() - base.blueF()) * k));
}

QColor readableOn(const QColor &background)
{
    return background.lightness() > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

CooccurrenceDialog::CooccurrenceDialog(Document &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_unit(new QComboBox(this))
    , m_rows(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView(this))
    , m_counter(new ReportCounter(document, this, tr("Co-occurrence")))
{
    setWindowTitle(tr("Co-occurrence"));
    resizeToScreen(*this, QSize(1100, 720));
    m_unit->addItem(tr("Overlapping highlights"), QStringLiteral("highlight"));
    m_unit->addItem(tr("Articles holding both"), QStringLiteral("article"));
    m_rows->addItem(tr("Tags × tags"));
    m_rows->addItem(tr("Entities × tags"));
    m_rows->setToolTip(tr("Entities × tags: the people, organisations and places mentioned inside the passages "
                          "of each tag"));
    m_model->setSortRole(SortRole);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setCornerButtonEnabled(false);
    connect(m_unit, &QComboBox::activated, this, &CooccurrenceDialog::compute);
    connect(m_rows, &QComboBox::activated, this, &CooccurrenceDialog::compute);
    connect(m_counter, &ReportCounter::finished, this, [this](bool shown) {
        if (!shown)
            m_summary->setText(m_counter->lastError().isEmpty()
                    ? tr("Counting cancelled; the map shows the last count.")
                    : m_counter->lastError());
    });
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex &index) { listCell(index.row(), index.column()); });

    auto *csv = new QPushButton(tr("Export C&SV…"), this);
    connect(csv, &QPushButton::clicked, this, [this] {
        exportReportCsv(
            this, m_csv, m_shownEntities ? QStringLiteral("cooccurrence-entities") : QStringLiteral("cooccurrence"));
    });
    auto *image = new QPushButton(tr("Export &Heat Map…"), this);
    image->setToolTip(tr("The whole heat map as a PNG image or an SVG drawing"));
    connect(image, &QPushButton::clicked, this, [this] {
        std::unique_ptr<QWidget> map(heatMapForExport());
        exportWidgetImage(this, *map, QStringLiteral("cooccurrence"), windowTitle());
    });
    for (QPushButton *button : {csv, image})
        button->setAutoDefault(false); // Enter on a cell lists its passages, never exports
    auto *bar = new QHBoxLayout;
    auto *unitLabel = new QLabel(tr("Co&unt:"), this);
    unitLabel->setBuddy(m_unit);
    bar->addWidget(unitLabel);
    bar->addWidget(m_unit);
    auto *rowsLabel = new QLabel(tr("&Rows:"), this);
    rowsLabel->setBuddy(m_rows);
    bar->addWidget(rowsLabel);
    bar->addWidget(m_rows);
    bar->addStretch(1);
    bar->addWidget(csv);
    bar->addWidget(image);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
}

void CooccurrenceDialog::setUnit(const QString &unit)
{
    m_unit->setCurrentIndex(std::max(0, m_unit->findData(unit)));
}

void CooccurrenceDialog::setEntities(bool entities)
{
    m_rows->setCurrentIndex(entities ? 1 : 0);
}

bool CooccurrenceDialog::isCounting() const
{
    return m_counter->isRunning();
}

void CooccurrenceDialog::compute()
{
    const bool entities = m_rows->currentIndex() == 1;
    const auto unit = m_unit->currentData().toString() == u"article" ? model::CooccurrenceUnit::Article
                                                                     : model::CooccurrenceUnit::Highlight;
    const QString label = entities ? tr("Counting the entities in each tag's passages…")
                                   : tr("Counting %1…").arg(m_unit->currentText().toLower());
    m_summary->setText(label);
    struct Counted
    {
        QHash<qint64, QString> names;
        model::CooccurrenceReport report;
    };
    m_counter->run<Counted>(
        label,
        [unit, entities](Project &project) {
            Counted counted;
            for (const model::Tag &t : project.reports().codebook())
                counted.names.insert(t.id, t.name);
            counted.report = project.reports().cooccurrence({}, unit, entities);
            return counted;
        },
        [this, entities](const Counted &counted) {
            m_names = counted.names;
            m_report = counted.report;
            m_shownEntities = entities;
            m_csv = entities ? analysis::entityTagTable(m_report, m_names)
                             : analysis::cooccurrenceMatrix(m_report, m_names);
            fill();
        });
}

void CooccurrenceDialog::fill()
{
    const bool entities = m_shownEntities;
    const bool byArticle = m_report.unit == model::CooccurrenceUnit::Article;
    m_table->setSortingEnabled(false);
    m_model->clear();
    QStringList headers = {entities ? tr("Entity") : tr("Tag")};
    for (const qint64 id : std::as_const(m_report.tagIds))
        headers.append(m_names.value(id));
    m_model->setHorizontalHeaderLabels(headers);

    // Rows: (id, name, counts per tag column).
    struct Row
    {
        qint64 id = 0;
        QString name;
        QList<qint64> counts;
        QSet<int> diagonal;
    };
    QList<Row> rows;
    qint64 top = 0;
    if (entities) {
        QHash<qint64, qsizetype> at;
        for (const model::EntityTagCell &e : std::as_const(m_report.entities)) {
            const qsizetype column = m_report.tagIds.indexOf(e.tagId);
            if (column < 0)
                continue;
            if (!at.contains(e.entityId)) {
                if (rows.size() >= MaxEntityRows)
                    continue;
                at.insert(e.entityId, rows.size());
                rows.append({e.entityId, QStringLiteral("%1 (%2)").arg(e.entity, e.type),
                    QList<qint64>(m_report.tagIds.size(), 0), {}});
            }
            const qint64 v = byArticle ? e.articles : e.highlights;
            rows[at.value(e.entityId)].counts[column] = v;
            top = std::max(top, v);
        }
    } else {
        for (qsizetype i = 0; i < m_report.tagIds.size(); ++i) {
            Row row{m_report.tagIds.at(i), m_names.value(m_report.tagIds.at(i)), {}, {int(i)}};
            for (qsizetype j = 0; j < m_report.tagIds.size(); ++j) {
                const qint64 v = analysis::cooccurrenceCount(m_report, m_report.tagIds.at(i), m_report.tagIds.at(j));
                row.counts.append(v);
                if (i != j)
                    top = std::max(top, v); // the diagonal (each tag's total) would wash the rest out
            }
            rows.append(row);
        }
    }
    const QPalette pal = m_table->palette();
    for (const Row &row : std::as_const(rows)) {
        QList<QStandardItem *> items;
        auto *name = new QStandardItem(row.name);
        name->setData(row.id, RowIdRole);
        name->setData(row.name.toLower(), SortRole);
        name->setToolTip(row.name);
        items.append(name);
        for (qsizetype c = 0; c < row.counts.size(); ++c) {
            const qint64 v = row.counts.at(c);
            auto *cell = new QStandardItem(QString::number(v));
            cell->setData(v, SortRole);
            cell->setTextAlignment(Qt::AlignCenter);
            const QColor background
                = row.diagonal.contains(int(c)) ? pal.color(QPalette::AlternateBase) : heat(pal, v, top);
            cell->setBackground(background);
            cell->setForeground(row.diagonal.contains(int(c)) ? pal.color(QPalette::Text) : readableOn(background));
            if (row.diagonal.contains(int(c)))
                cell->setToolTip(tr("%1: %2 in all").arg(row.name).arg(v));
            else
                cell->setToolTip(tr("%1 and %2: %3").arg(row.name, headers.at(c + 1)).arg(v));
            items.append(cell);
        }
        m_model->appendRow(items);
    }
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 320)); // a long entity name: its tooltip
    for (int c = 1; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, std::clamp(m_table->columnWidth(c), 56, 160));
    if (!m_fitted && isVisible()) {
        // First shown: as wide as the map (within the screen), so that every tag's column shows.
        m_fitted = true;
        int wanted = width() - m_table->viewport()->width() + m_table->verticalScrollBar()->sizeHint().width();
        for (int c = 0; c < m_model->columnCount(); ++c)
            wanted += m_table->columnWidth(c);
        if (wanted > width()) {
            resizeToScreen(*this, QSize(wanted, height()));
            if (const QScreen *s = screen()) { // keep it on the screen
                const QRect room = s->availableGeometry();
                move(std::clamp(x(), room.left(), std::max(room.left(), room.right() - width())), y());
            }
        }
    }
    const QString unitText = byArticle ? tr("articles holding both") : tr("overlapping highlights");
    if (entities)
        m_summary->setText(tr("%1 entities mentioned in passages (%2 shown, most first); cells count %3. "
                              "Double-click or press Enter on a cell to list its passages.")
                               .arg(QSet<qint64>([&] {
                                   QSet<qint64> ids;
                                   for (const model::EntityTagCell &e : std::as_const(m_report.entities))
                                       ids.insert(e.entityId);
                                   return ids;
                               }())
                                        .size())
                               .arg(rows.size())
                               .arg(byArticle ? tr("articles") : tr("passages")));
    else
        m_summary->setText(tr("%1 tags; cells count %2, the diagonal each tag's total. Double-click or press "
                              "Enter on a cell to list its passages.")
                               .arg(m_report.tagIds.size())
                               .arg(unitText));
}

QWidget *CooccurrenceDialog::heatMapForExport() const
{
    auto *view = new QTableView;
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->setModel(m_model);
    view->verticalHeader()->hide();
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setFocusPolicy(Qt::NoFocus);
    for (int c = 0; c < m_model->columnCount(); ++c)
        view->setColumnWidth(c, m_table->columnWidth(c));
    view->resizeRowsToContents();
    int width = 2 * view->frameWidth();
    for (int c = 0; c < m_model->columnCount(); ++c)
        width += view->columnWidth(c);
    int height = 2 * view->frameWidth() + view->horizontalHeader()->sizeHint().height();
    for (int r = 0; r < m_model->rowCount(); ++r)
        height += view->rowHeight(r);
    view->resize(width, height);
    view->show(); // laid out and polished, never on screen
    return view;
}

std::optional<CooccurrenceDialog::Cell> CooccurrenceDialog::cellAt(int row, int column) const
{
    if (column < 1 || column > m_report.tagIds.size() || row < 0 || row >= m_model->rowCount())
        return std::nullopt;
    Cell cell;
    cell.row = m_model->item(row, 0)->data(RowIdRole).toLongLong();
    cell.tagId = m_report.tagIds.at(column - 1);
    cell.entity = m_shownEntities;
    cell.overlap = m_report.unit == model::CooccurrenceUnit::Highlight;
    cell.rowName = m_model->item(row, 0)->text();
    cell.tagName = m_names.value(cell.tagId);
    return cell;
}

QList<model::Passage> CooccurrenceDialog::passagesOfCell(int row, int column, QString *description)
{
    const std::optional<Cell> cell = cellAt(row, column);
    if (!cell)
        return {};
    try {
        CellPassages listed = cellPassages(m_document.project(), *cell);
        if (description)
            *description = listed.description;
        return listed.passages;
    } catch (const operations::OperationError &e) {
        m_summary->setText(e.message());
        return {};
    }
}

void CooccurrenceDialog::listCell(int row, int column)
{
    const std::optional<Cell> cell = cellAt(row, column);
    if (!cell)
        return;
    const QString label = tr("Retrieving the passages of the cell…");
    m_summary->setText(label);
    m_counter->run<CellPassages>(
        label, [cell = *cell](Project &project) { return cellPassages(project, cell); },
        [this](const CellPassages &listed) {
            m_summary->setText(tr("%1: %n passage(s).", nullptr, int(listed.passages.size())).arg(listed.description));
            Q_EMIT passagesRequested(listed.passages, listed.description);
        });
}

CooccurrenceDialog::CellPassages CooccurrenceDialog::cellPassages(Project &project, const Cell &cell)
{
    const qint64 a = cell.row;
    const qint64 b = cell.tagId;
    CellPassages listed;
    if (cell.entity) {
        // As the count: a passage of the tag holding a mention of the entity wholly inside it.
        model::ReportScope scope;
        scope.tagIds = {b};
        QHash<qint64, QList<model::Mention>> mentions; // by article
        for (const model::Mention &m : project.entities().mentions(a))
            mentions[m.articleId].append(m);
        QString entity = cell.rowName;
        if (const std::optional<model::Entity> e = project.entities().get(a))
            entity = e->name;
        for (const model::Passage &p : project.reports().passages(scope, model::PassageOrder::Tag, 8)) {
            const QList<model::Mention> inArticle = mentions.value(p.articleId);
            if (std::any_of(inArticle.cbegin(), inArticle.cend(),
                    [&](const model::Mention &m) { return p.start <= m.start && m.end <= p.end; }))
                listed.passages.append(p);
        }
        listed.description = tr("Passages of %1 mentioning %2").arg(cell.tagName, entity);
        return listed;
    }
    model::ReportScope scope;
    scope.tagIds = a == b ? QList<qint64>{a} : QList<qint64>{a, b};
    const QList<model::Passage> all = project.reports().passages(scope, model::PassageOrder::Tag, 8);
    if (a == b) {
        listed.passages = all;
        listed.description = tr("All passages of %1").arg(cell.tagName);
        return listed;
    }
    QHash<qint64, QList<const model::Passage *>> byArticle[2];
    for (const model::Passage &p : all)
        byArticle[p.tagId == a ? 0 : 1][p.articleId].append(&p);
    for (const model::Passage &p : all) {
        const QList<const model::Passage *> others = byArticle[p.tagId == a ? 1 : 0].value(p.articleId);
        if (others.isEmpty())
            continue;
        if (!cell.overlap || std::any_of(others.cbegin(), others.cend(), [&](const model::Passage *q) {
                return q->start < p.end && p.start < q->end;
            }))
            listed.passages.append(p);
    }
    listed.description = cell.overlap
        ? tr("Passages of %1 and %2 that overlap").arg(cell.rowName, cell.tagName)
        : tr("Passages of %1 and %2 in articles with passages of both").arg(cell.rowName, cell.tagName);
    return listed;
}

} // namespace gloss::ui
