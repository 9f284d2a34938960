#include "analysis/frequencydialog.h"

#include "analysis/reportexport.h"
#include "document.h"
#include "operations/error.h"
#include "operations/library.h"
#include "operations/project.h"
#include "operations/reports.h"
#include "work/reportcounter.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace gloss::ui {

namespace {

constexpr int SortRole = Qt::UserRole + 2;

QColor tagColor(const QString &color)
{
    const QColor c(color);
    return c.isValid() ? c : QColor(0xf5, 0xc5, 0x42);
}

} // namespace

FrequencyDialog::FrequencyDialog(Document &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_tags(new QListWidget(this))
    , m_by(new QComboBox(this))
    , m_count(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView(this))
    , m_chartView(new QChartView(this))
    , m_redraw(new QTimer(this))
    , m_counter(new ReportCounter(document, this, tr("Frequencies")))
{
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(150);
    connect(m_redraw, &QTimer::timeout, this, &FrequencyDialog::drawChart);
    setWindowTitle(tr("Frequencies"));
    resizeToScreen(*this, QSize(1400, 860));
    m_count->addItem(tr("Highlights"), QStringLiteral("highlights"));
    m_count->addItem(tr("Articles"), QStringLiteral("articles"));
    m_count->addItem(tr("Share of articles (%)"), QStringLiteral("share"));
    m_count->setToolTip(tr("Highlights of each tag, articles holding it, or the share of the period's articles "
                           "holding it"));
    m_kind->addItem(tr("Lines"));
    m_kind->addItem(tr("Stacked bars"));
    m_tags->setToolTip(tr("The tags counted; none checked: every tag with a count"));
    m_model->setSortRole(SortRole);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setResizeContentsPrecision(60); // 730 days: size by the first rows
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(280);
    m_chartView->installEventFilter(this);

    auto *show = new QPushButton(tr("&Count"), this);
    show->setDefault(true);
    connect(show, &QPushButton::clicked, this, &FrequencyDialog::compute);
    connect(m_by, &QComboBox::activated, this, &FrequencyDialog::compute);
    connect(m_count, &QComboBox::activated, this, &FrequencyDialog::compute);
    connect(m_kind, &QComboBox::activated, this, &FrequencyDialog::drawChart);
    connect(m_counter, &ReportCounter::finished, this, [this](bool shown) {
        if (shown)
            return;
        m_summary->setText(m_counter->lastError().isEmpty()
                ? tr("Counting cancelled; the table and the chart show the last count.")
                : m_counter->lastError());
    });
    connect(m_tags, &QListWidget::itemChanged, this, &FrequencyDialog::compute);
    auto *csv = new QPushButton(tr("Export C&SV…"), this);
    connect(csv, &QPushButton::clicked, this, [this] {
        exportReportCsv(
            this, m_csv, QStringLiteral("frequency-") + model::frequencyByName(m_report.by).replace(u':', u'-'));
    });
    auto *image = new QPushButton(tr("Export C&hart…"), this);
    image->setToolTip(tr("The chart as a PNG image or an SVG drawing"));
    connect(image, &QPushButton::clicked, this, [this] {
        exportWidgetImage(this, *m_chartView,
            QStringLiteral("frequency-") + model::frequencyByName(m_report.by).replace(u':', u'-'), windowTitle());
    });

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *tagsLabel = new QLabel(tr("&Tags:"), side);
    tagsLabel->setBuddy(m_tags);
    sideLayout->addWidget(tagsLabel);
    sideLayout->addWidget(m_tags, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&By:"), m_by);
    form->addRow(tr("C&ount:"), m_count);
    form->addRow(tr("C&hart:"), m_kind);
    sideLayout->addLayout(form);
    sideLayout->addWidget(show);
    sideLayout->addWidget(csv);
    sideLayout->addWidget(image);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_chartView);
    right->addWidget(m_table);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setSizes({height() * 3 / 5, height() * 2 / 5}); // the chart first: it is what is looked at
    auto *split = new QSplitter(this);
    split->addWidget(side);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({240, width() - 240});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
}

bool FrequencyDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_chartView && event->type() == QEvent::Resize && !m_report.buckets.isEmpty())
        m_redraw->start();
    return QDialog::eventFilter(watched, event);
}

void FrequencyDialog::reload()
{
    QSet<qint64> checked;
    for (int i = 0; i < m_tags->count(); ++i)
        if (m_tags->item(i)->checkState() == Qt::Checked)
            checked.insert(m_tags->item(i)->data(Qt::UserRole).toLongLong());
    const QString by = m_by->currentData().toString();
    const QSignalBlocker blockTags(m_tags);
    m_tags->clear();
    m_by->clear();
    m_by->addItem(tr("Day"), QStringLiteral("day"));
    m_by->addItem(tr("Week"), QStringLiteral("week"));
    m_by->addItem(tr("Month"), QStringLiteral("month"));
    m_by->addItem(tr("Quarter"), QStringLiteral("quarter"));
    m_by->addItem(tr("Year"), QStringLiteral("year"));
    m_by->addItem(tr("Source"), QStringLiteral("source"));
    m_by->addItem(tr("Set"), QStringLiteral("set"));
    m_names.clear();
    m_colors.clear();
    try {
        for (const model::Tag &t : m_document.project().reports().codebook()) {
            m_names.insert(t.id, t.name);
            m_colors.insert(t.id, t.color);
            auto *item = new QListWidgetItem(t.name, m_tags);
            item->setData(Qt::UserRole, t.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(t.id) ? Qt::Checked : Qt::Unchecked);
            QPixmap swatch(12, 12);
            swatch.fill(tagColor(t.color));
            item->setIcon(QIcon(swatch));
        }
        for (const QString &name : m_document.project().library().variableNames())
            m_by->addItem(tr("Variable: %1").arg(name), QString(QStringLiteral("var:") + name));
    } catch (const operations::OperationError &e) {
        m_summary->setText(e.message());
    }
    m_by->setCurrentIndex(std::max(0, m_by->findData(by.isEmpty() ? QStringLiteral("month") : by)));
}

bool FrequencyDialog::setBy(const QString &name)
{
    const int i = m_by->findData(name);
    if (i >= 0)
        m_by->setCurrentIndex(i);
    return i >= 0;
}

bool FrequencyDialog::setCount(const QString &name)
{
    const int i = m_count->findData(name);
    if (i >= 0)
        m_count->setCurrentIndex(i);
    return i >= 0;
}

void FrequencyDialog::setChartKind(ChartKind kind)
{
    m_kind->setCurrentIndex(kind == ChartKind::Lines ? 0 : 1);
    drawChart();
}

void FrequencyDialog::setCheckedTags(const QList<qint64> &tagIds)
{
    const QSignalBlocker block(m_tags);
    for (int i = 0; i < m_tags->count(); ++i)
        m_tags->item(i)->setCheckState(
            tagIds.contains(m_tags->item(i)->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
}

analysis::FrequencyCount FrequencyDialog::count() const
{
    const QString c = m_count->currentData().toString();
    return c == u"share"   ? analysis::FrequencyCount::Share
        : c == u"articles" ? analysis::FrequencyCount::Articles
                           : analysis::FrequencyCount::Highlights;
}

bool FrequencyDialog::isCounting() const
{
    return m_counter->isRunning();
}

void FrequencyDialog::compute()
{
    const std::optional<model::FrequencyBy> by = model::frequencyByFromName(m_by->currentData().toString());
    if (!by)
        return;
    model::ReportScope scope;
    for (int i = 0; i < m_tags->count(); ++i) // in codebook order, as the report lists them
        if (m_tags->item(i)->checkState() == Qt::Checked)
            scope.tagIds.append(m_tags->item(i)->data(Qt::UserRole).toLongLong());
    const analysis::FrequencyCount what = count();
    const QString countText = m_count->currentText();
    const QString byText = m_by->currentText();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QString label = tr("Counting %1 by %2…").arg(countText.toLower(), byText.toLower());
    m_summary->setText(label);
    m_counter->run<model::FrequencyReport>(
        label, [scope, by = *by](Project &project) { return project.reports().frequency(scope, by); },
        [this, what, countText, byText, timer](
            const model::FrequencyReport &report) { showReport(report, what, countText, byText, timer->elapsed()); });
}

void FrequencyDialog::showReport(const model::FrequencyReport &report, analysis::FrequencyCount count,
    const QString &countText, const QString &byText, qint64 counted)
{
    QElapsedTimer timer;
    timer.start();
    m_report = report;
    m_shownCount = count;
    m_shownCountText = countText;
    m_shownByText = byText;
    m_csv = analysis::frequencyTable(m_report, m_names, count, false);
    const analysis::ReportTable shown = analysis::frequencyTable(m_report, m_names, count, true);

    m_table->setSortingEnabled(false);
    m_model->clear();
    QStringList headers = shown.headers;
    headers[0] = byText;
    headers[1] = tr("Articles");
    m_model->setHorizontalHeaderLabels(headers);
    for (qsizetype r = 0; r < shown.rows.size(); ++r) {
        QList<QStandardItem *> items;
        const QStringList &row = shown.rows.at(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            auto *item = new QStandardItem(row.at(c));
            item->setData(c == 0 ? QVariant(qlonglong(r)) : QVariant(row.at(c).toDouble()), SortRole);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            items.append(item);
        }
        m_model->appendRow(items);
    }
    for (qsizetype t = 0; t < m_report.tagIds.size(); ++t) {
        QPixmap swatch(12, 12);
        swatch.fill(tagColor(m_colors.value(m_report.tagIds.at(t))));
        m_model->horizontalHeaderItem(int(t) + 2)->setIcon(QIcon(swatch));
    }
    m_table->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    drawChart();
    m_summary->setText(tr("%1 bucket(s), %2 tag(s); counted in %3 ms, shown in %4 ms.")
                           .arg(m_report.buckets.size())
                           .arg(m_report.tagIds.size())
                           .arg(counted)
                           .arg(timer.elapsed()));
}

void FrequencyDialog::drawChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(
        palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const analysis::FrequencyCount what = m_shownCount;
    const QString countText = m_shownCountText;
    chart->setTitle(tr("%1 by %2").arg(countText, m_shownByText.toLower()));
    QHash<QString, QHash<qint64, model::FrequencyCell>> cells;
    for (const model::FrequencyCell &cell : std::as_const(m_report.cells))
        cells[cell.bucket].insert(cell.tagId, cell);
    const qsizetype buckets = m_report.buckets.size();
    auto valueAt = [&](qsizetype b, qint64 tagId) {
        return analysis::frequencyValue(
            cells.value(m_report.buckets.at(b)).value(tagId), m_report.bucketArticles.value(b), what);
    };

    double top = 0;
    QList<QAbstractSeries *> series;
    if (m_kind->currentIndex() == 0) {
        for (const qint64 tagId : std::as_const(m_report.tagIds)) {
            auto *line = new QLineSeries;
            line->setName(m_names.value(tagId));
            QPen pen(tagColor(m_colors.value(tagId)));
            pen.setWidthF(2.0);
            line->setPen(pen);
            line->setPointsVisible(buckets <= 40);
            for (qsizetype b = 0; b < buckets; ++b) {
                const double v = valueAt(b, tagId);
                top = std::max(top, v);
                line->append(double(b), v);
            }
            series.append(line);
        }
    } else {
        auto *bars = new QStackedBarSeries;
        bars->setBarWidth(0.8);
        QList<double> sums(buckets, 0.0);
        for (const qint64 tagId : std::as_const(m_report.tagIds)) {
            auto *set = new QBarSet(m_names.value(tagId));
            set->setColor(tagColor(m_colors.value(tagId)));
            set->setBorderColor(tagColor(m_colors.value(tagId)).darker(130));
            for (qsizetype b = 0; b < buckets; ++b) {
                const double v = valueAt(b, tagId);
                sums[b] += v;
                set->append(v);
            }
            bars->append(set);
        }
        for (const double s : std::as_const(sums))
            top = std::max(top, s);
        series.append(bars);
    }
    for (QAbstractSeries *s : std::as_const(series))
        chart->addSeries(s);

    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // As many labels as fit side by side in the plot (about 60% of the view, beside the legend).
    const QFontMetrics labelMetrics(x->labelsFont());
    int labelWidth = 1;
    for (qsizetype b = 0; b < buckets; ++b)
        labelWidth = std::max(
            labelWidth, labelMetrics.horizontalAdvance(analysis::bucketLabel(m_report.buckets.at(b), m_report.by)));
    const int fit = std::max(2, m_chartView->width() * 6 / 10 / (labelWidth + 16));
    const qsizetype step = std::max<qsizetype>(1, (buckets + fit - 1) / fit);
    for (qsizetype b = 0; b < buckets; b += step)
        x->append(analysis::bucketLabel(m_report.buckets.at(b), m_report.by), double(b));
    x->setRange(-0.5, std::max<double>(0.5, double(buckets) - 0.5));
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? top * 1.08 : 1.0);
    y->setLabelFormat(what == analysis::FrequencyCount::Share ? QStringLiteral("%.0f%%") : QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    y->setTitleText(countText);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : std::as_const(series)) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setVisible(!m_report.tagIds.isEmpty());
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
}

} // namespace gloss::ui
