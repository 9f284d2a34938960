#include "export/exportdialog.h"

#include "articles/articlelistmodel.h"
#include "articles/articlelistpanel.h"
#include "document.h"
#include "interchange/annotationimporter.h"
#include "interchange/exporter.h"
#include "operations/error.h"
#include "operations/interchange.h"
#include "operations/project.h"
#include "operations/sets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

constexpr int PreviewRows = 20;

QString layoutLabel(interchange::Layout layout)
{
    switch (layout) {
    case interchange::Layout::Highlights:
        return ExportDialog::tr("Highlights — one row per highlight and tag (tidy, for R and pandas)");
    case interchange::Layout::HighlightsWide:
        return ExportDialog::tr("Highlights, wide — one row per highlight, tags joined by \"; \"");
    case interchange::Layout::Articles:
        return ExportDialog::tr("Articles — one row per article");
    case interchange::Layout::Codebook:
        return ExportDialog::tr("Codebook — one row per tag, with counts");
    case interchange::Layout::Entities:
        return ExportDialog::tr("Entities — one row per entity, with counts and dates");
    case interchange::Layout::Matrix:
        return ExportDialog::tr("Code × article matrix — one row per article, one column per tag, counts in cells");
    case interchange::Layout::Agreement:
    case interchange::Layout::Disagreements:
        break; // exported from the Agreement report, which holds the coders and level compared
    }
    return {};
}

} // namespace

ExportDialog::ExportDialog(Document &document, ArticleListPanel *list, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_layout(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_set(new QComboBox(this))
    , m_excel(new QCheckBox(tr("For &Excel (UTF-8 with a byte order mark)"), this))
    , m_withBody(new QCheckBox(tr("Include the article &text"), this))
    , m_raw(new QCheckBox(tr("&Raw: do not neutralise cells that look like formulas"), this))
    , m_file(new QLineEdit(this))
    , m_preview(new QTableWidget(this))
    , m_progress(new QProgressBar(this))
    , m_report(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_export(nullptr)
{
    setObjectName(QStringLiteral("ExportDialog"));
    setWindowTitle(tr("Export"));
    if (list) {
        m_listFilter = list->model()->filter();
        for (const QModelIndex &row : list->view()->selectionModel()->selectedRows())
            m_selected.append(list->model()->articleAt(row.row()));
    }

    for (const QString &name : interchange::layoutNames()) {
        const auto layout = *interchange::layoutFromName(name);
        if (layout == interchange::Layout::Agreement || layout == interchange::Layout::Disagreements)
            continue;
        m_layout->addItem(layoutLabel(layout), int(layout));
    }
    m_scope->addItem(tr("Whole project"), int(WholeProject));
    m_scope->addItem(tr("Articles in the list (current search)"), int(ListFilter));
    m_scope->addItem(tr("Selected articles (%n)", nullptr, int(m_selected.size())), int(Selection));
    m_scope->addItem(tr("Article set"), int(Set));
    const QList<model::ArticleSet> sets = m_document.project().sets().all();
    for (const model::ArticleSet &s : sets)
        m_set->addItem(tr("%1 (%n article(s))", nullptr, s.articles).arg(s.name), s.id);
    // Scopes that would export nothing cannot be chosen.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_scope->model())) {
        items->item(m_scope->findData(int(ListFilter)))->setEnabled(!m_listFilter.isEmpty());
        items->item(m_scope->findData(int(Selection)))->setEnabled(!m_selected.isEmpty());
        items->item(m_scope->findData(int(Set)))->setEnabled(!sets.isEmpty());
    }
    m_excel->setChecked(true);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    auto *choose = new QPushButton(tr("&Choose…"), this);
    fileRow->addWidget(choose);

    auto *setRow = new QHBoxLayout;
    setRow->addWidget(m_scope, 1);
    setRow->addWidget(m_set, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Layout:"), m_layout);
    auto *scopeLabel = new QLabel(tr("&Scope:"), this);
    scopeLabel->setBuddy(m_scope);
    form->addRow(scopeLabel, setRow);
    form->addRow(QString(), m_excel);
    form->addRow(QString(), m_withBody);
    form->addRow(QString(), m_raw);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);

    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->setWordWrap(false);
    m_preview->setAlternatingRowColors(true);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_progress->setVisible(false);
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview of the first rows, as they will be written:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_report);
    layout->addWidget(m_buttons);

    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        suggestFileName();
        updatePreview();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        updatePreview();
    });
    connect(m_set, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    for (QCheckBox *box : {m_withBody, m_raw})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::updatePreview);
    connect(m_file, &QLineEdit::textEdited, this, [this] { m_fileChosen = true; });
    connect(choose, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    // Start where the researcher most likely is: the selection, else the list's search.
    if (!m_selected.isEmpty() && m_selected.size() > 1)
        m_scope->setCurrentIndex(m_scope->findData(int(Selection)));
    else if (!m_listFilter.isEmpty())
        m_scope->setCurrentIndex(m_scope->findData(int(ListFilter)));
    suggestFileName();
    updateEnabled();
    updatePreview();
    resize(900, 620);
}

ExportDialog::~ExportDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    for (QThread *thread : findChildren<QThread *>())
        thread->wait();
}

interchange::ExportOptions ExportDialog::options() const
{
    interchange::ExportOptions o;
    o.layout = interchange::Layout(m_layout->currentData().toInt());
    o.bom = m_excel->isChecked();
    o.raw = m_raw->isChecked();
    o.withBody = o.layout == interchange::Layout::Articles && m_withBody->isChecked();
    switch (Scope(m_scope->currentData().toInt())) {
    case WholeProject:
        break;
    case ListFilter:
        o.scope.filter = m_listFilter;
        break;
    case Selection:
        o.scope.articleIds = m_selected;
        break;
    case Set:
        o.scope.filter.setId = m_set->currentData().toLongLong();
        break;
    }
    return o;
}

void ExportDialog::updateEnabled()
{
    const auto layout = interchange::Layout(m_layout->currentData().toInt());
    m_withBody->setEnabled(!m_running && layout == interchange::Layout::Articles);
    m_set->setVisible(Scope(m_scope->currentData().toInt()) == Set);
    m_set->setEnabled(!m_running && m_set->count() > 0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_layout, m_scope, m_excel, m_raw, m_file})
        w->setEnabled(!m_running);
    m_export->setEnabled(!m_running && !m_file->text().trimmed().isEmpty());
}

void ExportDialog::updatePreview()
{
    // On a worker with its own connection: a codebook or entities preview counts over every
    // highlight or mention, which takes a while on a big project and must not freeze the window.
    const int generation = ++m_previewGeneration;
    const interchange::ExportOptions opts = options();
    const QString projectPath = m_document.project().path();
    QThread *thread = QThread::create([this, opts, projectPath, generation] {
        QList<QStringList> rows;
        QString error;
        auto opened = Project::open(projectPath, Project::Access::ReadOnly);
        if (!opened.project) {
            error = opened.error;
        } else {
            try {
                rows = opened.project->interchange().exportPreview(opts, PreviewRows);
            } catch (const operations::OperationError &e) {
                error = e.message();
            }
        }
        QMetaObject::invokeMethod(
            this, [this, rows, error, generation] { showPreview(generation, rows, error); }, Qt::QueuedConnection);
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ExportDialog::showPreview(int generation, QList<QStringList> rows, const QString &error)
{
    if (generation != m_previewGeneration)
        return; // a later choice is being previewed
    if (!error.isEmpty())
        m_report->setText(error);
    m_preview->clear();
    if (rows.isEmpty()) {
        m_preview->setRowCount(0);
        m_preview->setColumnCount(0);
        m_previewShown = generation;
        return;
    }
    const QStringList header = rows.takeFirst();
    m_preview->setColumnCount(int(header.size()));
    m_preview->setHorizontalHeaderLabels(header);
    m_preview->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < header.size(); ++c) {
            QString text = rows.at(r).at(c);
            auto *item = new QTableWidgetItem(text.replace(u'\n', QChar(0x21B5)));
            item->setToolTip(rows.at(r).at(c).left(500));
            m_preview->setItem(r, c, item);
        }
    }
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 260));
    m_previewShown = generation;
}

void ExportDialog::suggestFileName()
{
    if (m_fileChosen)
        return;
    // Beside the project, unless the researcher already picked another folder.
    const QString folder = m_file->text().isEmpty() ? QFileInfo(m_document.project().path()).absolutePath()
                                                    : QFileInfo(m_file->text()).absolutePath();
    const QString base = QFileInfo(m_document.project().path()).completeBaseName();
    const QString layout = interchange::layoutName(interchange::Layout(m_layout->currentData().toInt()));
    m_file->setText(QDir(folder).filePath(base + u'-' + layout + QStringLiteral(".csv")));
    if (m_export)
        updateEnabled();
}

void ExportDialog::chooseFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_file->text(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_file->setText(path);
    m_fileChosen = true;
    m_pickedInDialog = path; // the file dialog asked about replacing it
    updateEnabled();
}

void ExportDialog::startExport()
{
    if (m_running)
        return;
    const QString path = m_file->text().trimmed();
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path) && path != m_pickedInDialog && isVisible()
        && QMessageBox::question(this, tr("Export"), tr("%1 exists. Replace it?").arg(path)) != QMessageBox::Yes)
        return;
    m_running = true;
    m_report->clear();
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_export->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    updateEnabled();

    const interchange::ExportOptions opts = options();
    const QString projectPath = m_document.project().path();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    // The worker has its own read-only connection: the window keeps working while it writes.
    QThread *thread = QThread::create([this, opts, projectPath, path, cancel] {
        auto opened = Project::open(projectPath, Project::Access::ReadOnly);
        if (!opened.project) {
            QMetaObject::invokeMethod(
                this, [this, e = opened.error] { exportDone(false, false, 0, e); }, Qt::QueuedConnection);
            return;
        }
        const interchange::ExportResult result
            = opened.project->interchange().exportFile(path, opts, [this, cancel](qint64 done, qint64 total) {
                  QMetaObject::invokeMethod(
                      this,
                      [this, done, total] {
                          m_progress->setRange(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
                          m_progress->setValue(int(std::min<qint64>(done, std::numeric_limits<int>::max())));
                      },
                      Qt::QueuedConnection);
                  return !cancel->load();
              });
        QMetaObject::invokeMethod(
            this, [this, result] { exportDone(result.ok(), result.cancelled, result.rows, result.error); },
            Qt::QueuedConnection);
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ExportDialog::exportDone(bool ok, bool cancelled, qint64 rows, const QString &message)
{
    m_running = false;
    m_progress->setVisible(false);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    updateEnabled();
    const QString path = m_file->text().trimmed();
    if (ok)
        m_report->setText(rows == 1 ? tr("Wrote 1 row to %1").arg(QDir::toNativeSeparators(path))
                                    : tr("Wrote %L1 rows to %2").arg(rows).arg(QDir::toNativeSeparators(path)));
    else if (cancelled)
        m_report->setText(tr("Cancelled; %1 was not changed.").arg(QDir::toNativeSeparators(path)));
    else
        m_report->setText(tr("The export failed: %1").arg(message));
    Q_EMIT finished(ok, rows, path);
}

void ExportDialog::reject()
{
    if (m_running) {
        m_cancel->store(true);
        return;
    }
    QDialog::reject();
}

interchange::AnnotationImportReport importAnnotationsFrom(Document &document, const QString &path)
{
    // The operation takes a verified backup first; the document hears of the change from the project.
    try {
        return document.project().interchange().importAnnotations({path}).value(0);
    } catch (const operations::OperationError &e) {
        interchange::AnnotationImportReport report;
        report.error = e.message();
        return report;
    }
}

void importAnnotations(Document &document, QWidget *parent)
{
    const QString path = QFileDialog::getOpenFileName(parent, ExportDialog::tr("Import annotations"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        ExportDialog::tr("Highlights exports (*.csv)"));
    if (path.isEmpty())
        return;
    const interchange::AnnotationImportReport report = importAnnotationsFrom(document, path);
    if (!report.error.isEmpty()) {
        QMessageBox::warning(parent, ExportDialog::tr("Import annotations"), report.error);
        return;
    }
    QString text = ExportDialog::tr("%1 highlight(s) created, %2 already there, %3 tag(s) created.")
                       .arg(report.highlightsCreated)
                       .arg(report.duplicates)
                       .arg(report.tagsCreated);
    if (report.refused.isEmpty()) {
        QMessageBox::information(parent, ExportDialog::tr("Import annotations"), text);
        return;
    }
    QStringList lines;
    for (const interchange::ImportRefusal &r : report.refused)
        lines.append(ExportDialog::tr("Row %1: %2").arg(r.row).arg(r.reason));
    QMessageBox box(QMessageBox::Warning, ExportDialog::tr("Import annotations"),
        text + u'\n' + ExportDialog::tr("%n row(s) were refused.", nullptr, int(report.refused.size())),
        QMessageBox::Ok, parent);
    box.setDetailedText(lines.join(u'\n'));
    box.exec();
}

} // namespace gloss::ui
