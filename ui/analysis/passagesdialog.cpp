#include "analysis/passagesdialog.h"

#include "analysis/reportexport.h"
#include "analysis/reporttables.h"
#include "document.h"
#include "operations/agreement.h"
#include "operations/error.h"
#include "operations/project.h"
#include "operations/reports.h"
#include "work/reportcounter.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

enum Column { ColTag, ColPassage, ColArticle, ColDate, ColSource, ColCoder, ColNote, ColumnCount };
constexpr int PassageRole = Qt::UserRole + 1; // the row's index in passages()
// What a column sorts by: the tag's place in the codebook (not its name), dates as ISO text, the rest
// as shown.
constexpr int SortRole = Qt::UserRole + 2;

} // namespace

PassagesDialog::PassagesDialog(Document &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_tags(new QListWidget(this))
    , m_coder(new QComboBox(this))
    , m_context(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_table(new QTableView(this))
    , m_counter(new ReportCounter(document, this, tr("Retrieved Passages")))
{
    setWindowTitle(tr("Retrieved Passages"));
    resizeToScreen(*this, QSize(1500, 820));
    m_model->setHorizontalHeaderLabels(
        {tr("Tag"), tr("Passage"), tr("Article"), tr("Date"), tr("Source"), tr("Coder"), tr("Note")});
    m_model->setSortRole(SortRole);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ColTag, 140);
    m_table->setColumnWidth(ColArticle, 200);
    m_table->setColumnWidth(ColDate, 90);
    m_table->setColumnWidth(ColSource, 100);
    m_table->setColumnWidth(ColCoder, 70);
    // The passage takes what the dialog leaves beside the tag list, with 120 px for the note, so
    // that every column shows on a 1400x900 screen.
    const int beside = width() - 240 - 2 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin) - 40;
    m_table->setColumnWidth(ColPassage, std::clamp(beside - (140 + 200 + 90 + 100 + 70 + 120), 300, 560));
    m_tags->setToolTip(tr("The tags whose passages are listed; none checked: every tag"));
    m_coder->setToolTip(tr("Only this coder's highlights"));
    m_context->setRange(0, 50);
    m_context->setValue(8);
    m_context->setSuffix(tr(" words"));
    m_context->setToolTip(tr("Words of the article shown either side of each passage"));

    auto *show = new QPushButton(tr("&Show Passages"), this);
    show->setDefault(true);
    connect(show, &QPushButton::clicked, this, &PassagesDialog::retrieve);
    connect(m_counter, &ReportCounter::finished, this, [this](bool shown) {
        if (!shown)
            m_summary->setText(m_counter->lastError().isEmpty()
                    ? tr("Retrieval cancelled; the list shows the passages listed before.")
                    : m_counter->lastError());
    });
    auto *printButton = new QPushButton(tr("&Print…"), this);
    printButton->setToolTip(tr("Print the listed passages, as gloss report passages --format html writes them"));
    printButton->setShortcut(QKeySequence::Print);
    connect(printButton, &QPushButton::clicked, this, &PassagesDialog::print);
    auto *previewButton = new QPushButton(tr("Print Pre&view…"), this);
    connect(previewButton, &QPushButton::clicked, this, &PassagesDialog::printPreview);
    connect(m_tags, &QListWidget::itemDoubleClicked, this, &PassagesDialog::retrieve);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex first = index.siblingAtColumn(ColTag);
        const int row = first.data(PassageRole).toInt();
        if (row >= 0 && row < m_passages.size()) {
            const model::Passage &p = m_passages.at(row);
            Q_EMIT passageRequested(p.articleId, p.start, p.end);
        }
    });

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *tagsLabel = new QLabel(tr("&Tags:"), side);
    tagsLabel->setBuddy(m_tags);
    sideLayout->addWidget(tagsLabel);
    sideLayout->addWidget(m_tags, 1);
    auto *coderLabel = new QLabel(tr("&Coder:"), side);
    coderLabel->setBuddy(m_coder);
    sideLayout->addWidget(coderLabel);
    sideLayout->addWidget(m_coder);
    auto *contextLabel = new QLabel(tr("C&ontext:"), side);
    contextLabel->setBuddy(m_context);
    sideLayout->addWidget(contextLabel);
    sideLayout->addWidget(m_context);
    sideLayout->addWidget(show);
    sideLayout->addWidget(printButton);
    sideLayout->addWidget(previewButton);

    auto *split = new QSplitter(this);
    split->addWidget(side);
    split->addWidget(m_table);
    split->setStretchFactor(1, 1);
    split->setSizes({240, width() - 240});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
}

void PassagesDialog::reload()
{
    QSet<qint64> checked;
    for (int i = 0; i < m_tags->count(); ++i)
        if (m_tags->item(i)->checkState() == Qt::Checked)
            checked.insert(m_tags->item(i)->data(Qt::UserRole).toLongLong());
    const QString coder = m_coder->currentData().toString();
    m_tags->clear();
    m_coder->clear();
    m_coder->addItem(tr("All coders"), QString());
    try {
        for (const model::Tag &t : m_document.project().reports().codebook()) {
            auto *item = new QListWidgetItem(t.name, m_tags);
            item->setData(Qt::UserRole, t.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(t.id) ? Qt::Checked : Qt::Unchecked);
            QPixmap swatch(12, 12);
            swatch.fill(QColor(t.color));
            item->setIcon(QIcon(swatch));
        }
        for (const QString &c : m_document.project().agreement().coders())
            m_coder->addItem(c, c);
    } catch (const operations::OperationError &e) {
        m_summary->setText(e.message());
    }
    m_coder->setCurrentIndex(std::max(0, m_coder->findData(coder)));
}

bool PassagesDialog::isRetrieving() const
{
    return m_counter->isRunning();
}

void PassagesDialog::retrieve()
{
    model::ReportScope scope;
    QHash<qint64, QString> names;
    for (int i = 0; i < m_tags->count(); ++i) {
        const qint64 id = m_tags->item(i)->data(Qt::UserRole).toLongLong();
        names.insert(id, m_tags->item(i)->text());
        if (m_tags->item(i)->checkState() == Qt::Checked)
            scope.tagIds.append(id);
    }
    if (!m_coder->currentData().toString().isEmpty())
        scope.coders = {m_coder->currentData().toString()};
    QStringList parts;
    if (!scope.tagIds.isEmpty()) {
        QStringList tagNames;
        for (const qint64 id : std::as_const(scope.tagIds))
            tagNames.append(names.value(id));
        parts.append(u"tags " + tagNames.join(QStringLiteral(", ")));
    }
    if (!scope.coders.isEmpty())
        parts.append(u"coded by " + scope.coders.join(QStringLiteral(", ")));
    const QString scopeText = parts.join(QStringLiteral("; "));
    struct Retrieved
    {
        QList<model::Passage> passages;
        QHash<qint64, model::Tag> codebook;
    };
    const QString label = tr("Retrieving passages…");
    m_summary->setText(label);
    m_counter->run<Retrieved>(
        label,
        [scope, context = m_context->value()](Project &project) {
            Retrieved retrieved;
            retrieved.passages = project.reports().passages(scope, model::PassageOrder::Tag, context);
            for (const model::Tag &t : project.reports().codebook())
                retrieved.codebook.insert(t.id, t);
            return retrieved;
        },
        [this, scopeText](const Retrieved &retrieved) {
            m_passages = retrieved.passages;
            m_codebook = retrieved.codebook;
            m_scopeText = scopeText;
            fill();
            m_summary->setText(tr("%n passage(s); double-click or press Enter on one to show it in the reader.",
                nullptr, int(m_passages.size())));
        });
}

void PassagesDialog::showPassages(const QList<model::Passage> &passages, const QString &description)
{
    m_counter->cancel(); // a retrieval still running would replace these
    m_passages = passages;
    m_scopeText = description;
    try {
        m_codebook.clear();
        for (const model::Tag &t : m_document.project().reports().codebook())
            m_codebook.insert(t.id, t);
    } catch (const operations::OperationError &e) {
        m_summary->setText(e.message());
        return;
    }
    fill();
    m_summary->setText(tr("%1: %n passage(s).", nullptr, int(m_passages.size())).arg(description));
}

void PassagesDialog::fill()
{
    QHash<qint64, int> rank; // codebook (tree) order
    int i = 0;
    for (const model::Tag &t : m_document.project().reports().codebook())
        rank.insert(t.id, i++);
    m_table->setSortingEnabled(false);
    m_model->removeRows(0, m_model->rowCount());
    for (int row = 0; row < m_passages.size(); ++row) {
        const model::Passage &p = m_passages.at(row);
        const model::Tag tag = m_codebook.value(p.tagId);
        auto *tagItem = new QStandardItem(tag.name);
        tagItem->setData(row, PassageRole);
        tagItem->setData(qlonglong(rank.value(p.tagId)) * 1000000 + row, SortRole);
        QPixmap swatch(12, 12);
        swatch.fill(QColor(tag.color));
        tagItem->setIcon(QIcon(swatch));
        const QString before = p.before.isEmpty() ? QString() : u"…" + p.before;
        const QString after = p.after.isEmpty() ? QString() : p.after + u"…";
        auto *passage = new QStandardItem(before + u'[' + p.text + u']' + after);
        passage->setToolTip(p.text);
        QList<QStandardItem *> items = {tagItem, passage, new QStandardItem(p.title), new QStandardItem(p.published),
            new QStandardItem(p.source), new QStandardItem(p.coder), new QStandardItem(p.note)};
        passage->setData(p.text.toLower(), SortRole);
        for (int c = ColArticle; c < ColumnCount; ++c)
            items.at(c)->setData(items.at(c)->text().toLower(), SortRole);
        m_model->appendRow(items);
    }
    m_table->horizontalHeader()->setSortIndicator(ColTag, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->resizeRowsToContents();
}

QString PassagesDialog::html() const
{
    return analysis::passagesHtml(
        m_passages, m_codebook, m_document.project().location(), m_scopeText, true, QDateTime::currentDateTime());
}

void PassagesDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Passages"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument document;
    document.setHtml(html());
    document.print(&printer);
}

void PassagesDialog::printPreview()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print Preview — Passages"));
    preview.resize(1000, 800);
    const QString page = html();
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [page](QPrinter *target) {
        QTextDocument document;
        document.setHtml(page);
        document.print(target);
    });
    preview.exec();
}

} // namespace gloss::ui
