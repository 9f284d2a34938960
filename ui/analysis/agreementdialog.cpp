#include "analysis/agreementdialog.h"

#include "document.h"
#include "interchange/exporter.h"
#include "operations/agreement.h"
#include "operations/error.h"
#include "operations/interchange.h"
#include "operations/project.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

enum TagColumn { TagName, TagUnits, TagAlpha, TagKappa, TagPercent, TagDisagreements, TagColumns };
enum DisagreementColumn { DArticle, DTag, DPassage, DWho, DColumns };
constexpr int TagIdRole = Qt::UserRole + 1;
constexpr int IndexRole = Qt::UserRole + 2;

// A number cell that sorts as a number; empty (and sorted first) when undefined.
QStandardItem *numberItem(const std::optional<double> &value, int decimals, double scale = 1)
{
    auto *item = new QStandardItem;
    if (value) {
        item->setData(*value * scale, Qt::UserRole);
        item->setText(QString::number(*value * scale, 'f', decimals));
    } else {
        item->setData(-1e9, Qt::UserRole);
        item->setText(QStringLiteral("—"));
        item->setToolTip(AgreementDialog::tr("Undefined: the units show no variation (or fewer than two coders)"));
    }
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem *countItem(qint64 value)
{
    auto *item = new QStandardItem(QLocale().toString(value));
    item->setData(double(value), Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableView *makeTable(QWidget *parent, QAbstractItemModel *model)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

AgreementDialog::AgreementDialog(Document &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_coders(new QListWidget(this))
    , m_level(new QComboBox(this))
    , m_overlap(new QSpinBox(this))
    , m_all(new QCheckBox(tr("&All articles (not only those every chosen coder marked done)"), this))
    , m_compute(new QPushButton(tr("&Compute"), this))
    , m_summary(new QLabel(this))
    , m_tagModel(new QStandardItemModel(0, TagColumns, this))
    , m_tagSort(new QSortFilterProxyModel(this))
    , m_tags(nullptr)
    , m_disagreementModel(new QStandardItemModel(0, DColumns, this))
    , m_disagreements(nullptr)
    , m_exportReport(new QPushButton(tr("Export &Report…"), this))
    , m_exportDisagreements(new QPushButton(tr("Export &Disagreements…"), this))
{
    setObjectName(QStringLiteral("AgreementDialog"));
    setWindowTitle(tr("Intercoder Agreement"));
    setSizeGripEnabled(true);

    m_coders->setObjectName(QStringLiteral("AgreementCoders"));
    m_coders->setMaximumHeight(90);
    m_level->addItem(tr("Article: did the coder apply the tag in the article"), int(model::AgreementLevel::Article));
    m_level->addItem(tr("Segment: is the character inside the coder's highlight"), int(model::AgreementLevel::Segment));
    m_overlap->setRange(1, 100);
    m_overlap->setValue(90);
    m_overlap->setSuffix(QStringLiteral(" %"));
    m_overlap->setToolTip(tr("Highlights match when they overlap by at least this share of the text both cover"));
    m_overlap->setEnabled(false);
    connect(m_level, &QComboBox::currentIndexChanged, this,
        [this] { m_overlap->setEnabled(m_level->currentData().toInt() == int(model::AgreementLevel::Segment)); });

    auto *form = new QFormLayout;
    form->addRow(tr("C&oders:"), m_coders);
    form->addRow(tr("&Level:"), m_level);
    form->addRow(tr("Segments &match at:"), m_overlap);
    auto *computeRow = new QHBoxLayout;
    computeRow->addWidget(m_all, 1);
    computeRow->addWidget(m_compute);
    form->addRow(computeRow);

    m_tagModel->setHorizontalHeaderLabels(
        {tr("Tag"), tr("Units"), tr("Krippendorff's α"), tr("Cohen's κ"), tr("Agreement %"), tr("Disagreements")});
    m_tagSort->setSourceModel(m_tagModel);
    m_tagSort->setSortRole(Qt::UserRole);
    m_tags = makeTable(this, m_tagSort);
    m_tags->setObjectName(QStringLiteral("AgreementTags"));
    m_tags->horizontalHeader()->setSortIndicatorShown(true);
    m_tags->horizontalHeader()->setSectionResizeMode(TagName, QHeaderView::Stretch);
    m_tags->horizontalHeader()->setStretchLastSection(false);

    m_disagreementModel->setHorizontalHeaderLabels({tr("Article"), tr("Tag"), tr("Passage"), tr("Who coded what")});
    m_disagreements = makeTable(this, m_disagreementModel);
    m_disagreements->setObjectName(QStringLiteral("AgreementDisagreements"));
    m_disagreements->setWordWrap(false);
    m_disagreements->setToolTip(tr("Click a disagreement to show its passage in the reader"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tags);
    splitter->addWidget(m_disagreements);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_exportReport, QDialogButtonBox::ActionRole);
    buttons->addButton(m_exportDisagreements, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_compute, &QPushButton::clicked, this, &AgreementDialog::compute);
    connect(m_tags->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AgreementDialog::showTagRow);
    auto open = [this](const QModelIndex &index) {
        const int i = m_disagreementModel->index(index.row(), 0).data(IndexRole).toInt();
        if (i >= 0 && i < m_report.disagreements.size()) {
            const model::Disagreement &d = m_report.disagreements.at(i);
            Q_EMIT passageRequested(d.articleId, d.start, d.end);
        }
    };
    connect(m_disagreements, &QTableView::clicked, this, open);
    connect(m_disagreements, &QTableView::activated, this, open);
    connect(m_exportReport, &QPushButton::clicked, this, [this] { exportCsv(false); });
    connect(m_exportDisagreements, &QPushButton::clicked, this, [this] { exportCsv(true); });

    reloadCoders();
    resize(860, 640);
}

void AgreementDialog::reloadCoders()
{
    QSet<QString> unchecked;
    for (int i = 0; i < m_coders->count(); ++i)
        if (m_coders->item(i)->checkState() != Qt::Checked)
            unchecked.insert(m_coders->item(i)->text());
    m_coders->clear();
    QStringList coders;
    try {
        coders = m_document.project().agreement().coders();
    } catch (const operations::OperationError &e) {
        m_summary->setText(e.message());
    }
    for (const QString &c : std::as_const(coders)) {
        auto *item = new QListWidgetItem(c, m_coders);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(unchecked.contains(c) ? Qt::Unchecked : Qt::Checked);
    }
    if (coders.size() < 2)
        m_summary->setText(tr("Agreement needs at least two coders. Highlights record their coder "
                              "(gloss highlight add --coder NAME); this project has %1.")
                               .arg(coders.isEmpty() ? tr("none") : coders.join(QStringLiteral(", "))));
}

model::AgreementRequest AgreementDialog::request() const
{
    model::AgreementRequest r;
    for (int i = 0; i < m_coders->count(); ++i)
        if (m_coders->item(i)->checkState() == Qt::Checked)
            r.coders.append(m_coders->item(i)->text());
    r.level = model::AgreementLevel(m_level->currentData().toInt());
    r.overlap = m_overlap->value();
    r.allArticles = m_all->isChecked();
    return r;
}

void AgreementDialog::compute()
{
    const model::AgreementRequest r = request();
    m_tagModel->removeRows(0, m_tagModel->rowCount());
    m_disagreementModel->removeRows(0, m_disagreementModel->rowCount());
    m_report = {};
    if (r.coders.size() < 2) {
        m_summary->setText(tr("Choose at least two coders."));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        m_report = m_document.project().agreement().report(r);
    } catch (const operations::OperationError &e) {
        QApplication::restoreOverrideCursor();
        m_summary->setText(e.message());
        return;
    }
    QApplication::restoreOverrideCursor();

    const bool two = m_report.coders.size() == 2;
    m_tags->setColumnHidden(TagKappa, !two);
    m_tags->setSortingEnabled(false);
    for (const model::TagAgreement &row : std::as_const(m_report.rows)) {
        auto *name = new QStandardItem(row.tagId ? row.tag : tr("All tags (pooled)"));
        name->setData(row.tagId, TagIdRole);
        // Sorted by name, the pooled row comes last.
        name->setData(row.tagId ? row.tag.toLower() : QStringLiteral("\uffff"), Qt::UserRole);
        if (!row.tagId) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        m_tagModel->appendRow({name, countItem(row.units), numberItem(row.alpha, 3), numberItem(row.kappa, 3),
            numberItem(row.percent, 1, 100), countItem(row.disagreements)});
    }
    // First in the report's order (codebook order, the pooled row last); a header click sorts.
    m_tagSort->sort(-1);
    m_tags->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tags->setSortingEnabled(true);
    m_tags->resizeColumnsToContents();
    m_tags->horizontalHeader()->setSectionResizeMode(TagName, QHeaderView::Stretch);

    const bool segment = m_report.level == model::AgreementLevel::Segment;
    m_summary->setText(tr("%1 coders (%2), %3 level%4, over %n article(s). Click a tag for its disagreements; "
                          "click a disagreement to see it in the reader.",
        nullptr, int(m_report.articles))
                           .arg(m_report.coders.size())
                           .arg(m_report.coders.join(QStringLiteral(", ")), segment ? tr("segment") : tr("article"),
                               segment ? tr(" (highlights match at %1% overlap)").arg(m_report.overlap) : QString()));
    // Start on the pooled row: every disagreement.
    const QModelIndexList pooled = m_tagSort->match(m_tagSort->index(0, TagName), TagIdRole, 0, 1, Qt::MatchExactly);
    if (!pooled.isEmpty())
        m_tags->setCurrentIndex(pooled.first());
}

void AgreementDialog::showTagRow()
{
    m_disagreementModel->removeRows(0, m_disagreementModel->rowCount());
    const QModelIndex current = m_tags->currentIndex();
    if (!current.isValid())
        return;
    const qint64 tagId = m_tagSort->index(current.row(), TagName).data(TagIdRole).toLongLong();
    for (qsizetype i = 0; i < m_report.disagreements.size(); ++i) {
        const model::Disagreement &d = m_report.disagreements.at(i);
        if (tagId && d.tagId != tagId)
            continue;
        auto *article = new QStandardItem(d.title.isEmpty() ? tr("Article %1").arg(d.articleId) : d.title);
        article->setData(int(i), IndexRole);
        article->setToolTip(tr("Article %1").arg(d.articleId));
        QString passage = d.text.simplified();
        if (passage.size() > 120)
            passage = passage.left(117) + QStringLiteral("…");
        auto *text = new QStandardItem(
            d.start < 0 ? tr("(article tag)") : QStringLiteral("%1–%2  “%3”").arg(d.start).arg(d.end).arg(passage));
        text->setToolTip(d.text);
        m_disagreementModel->appendRow(
            {article, new QStandardItem(d.tag), text, new QStandardItem(model::describeParts(d.parts))});
    }
    m_disagreements->resizeColumnsToContents();
    for (int column : {DArticle, DPassage})
        m_disagreements->setColumnWidth(column, std::min(m_disagreements->columnWidth(column), 320));
}

void AgreementDialog::exportCsv(bool disagreements)
{
    if (m_report.rows.isEmpty()) {
        m_summary->setText(tr("Compute the agreement first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this,
        disagreements ? tr("Export Disagreements") : tr("Export Agreement"),
        disagreements ? QStringLiteral("disagreements.csv") : QStringLiteral("agreement.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    interchange::ExportOptions options;
    options.layout = disagreements ? interchange::Layout::Disagreements : interchange::Layout::Agreement;
    options.agreement = request();
    options.bom = true; // for Excel, as the Export dialog's default
    const interchange::ExportResult result = m_document.project().interchange().exportFile(path, options);
    if (!result.ok())
        QMessageBox::warning(this, tr("Gloss"), tr("The export failed.\n\n%1").arg(result.error));
    else
        m_summary->setText(tr("Wrote %n row(s) to %1.", nullptr, int(result.rows)).arg(path));
}

} // namespace gloss::ui
