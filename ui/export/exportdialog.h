#pragma once

#include "model/articlefilter.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace gloss::interchange {
struct AnnotationImportReport;
struct ExportOptions;
} // namespace gloss::interchange

namespace gloss::ui {

class ArticleListPanel;
class Document;

// File > Export…: layout, scope (whole project, the article list's filter, the selected articles
// or a set), "for Excel", a preview of the first rows and a file. The export runs on a worker
// thread with its own connection, with progress and Cancel, and ends with a report.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum Scope { WholeProject, ListFilter, Selection, Set };

    // `list` gives the current filter and selection; it may be null (whole project and sets only).
    ExportDialog(Document &document, ArticleListPanel *list, QWidget *parent = nullptr);
    ~ExportDialog() override;

    QComboBox *layoutBox() const { return m_layout; }
    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *setBox() const { return m_set; }
    QCheckBox *excelBox() const { return m_excel; }
    QCheckBox *bodyBox() const { return m_withBody; }
    QLineEdit *fileEdit() const { return m_file; }
    QTableWidget *preview() const { return m_preview; }
    QPushButton *exportButton() const { return m_export; }
    QLabel *report() const { return m_report; }
    bool isRunning() const { return m_running; }
    // True once the preview shows the current choices (it is computed on a worker).
    bool isPreviewReady() const { return m_previewShown == m_previewGeneration; }

    // Starts the export as the Export button does.
    void startExport();

Q_SIGNALS:
    void finished(bool ok, qint64 rows, const QString &file);

protected:
    void reject() override;

private:
    interchange::ExportOptions options() const;
    void updatePreview();
    void showPreview(int generation, QList<QStringList> rows, const QString &error);
    void updateEnabled();
    void chooseFile();
    void suggestFileName();
    void exportDone(bool ok, bool cancelled, qint64 rows, const QString &message);

    Document &m_document;
    model::ArticleFilter m_listFilter;
    QList<qint64> m_selected;
    QComboBox *m_layout;
    QComboBox *m_scope;
    QComboBox *m_set;
    QCheckBox *m_excel;
    QCheckBox *m_withBody;
    QCheckBox *m_raw;
    QLineEdit *m_file;
    QTableWidget *m_preview;
    QProgressBar *m_progress;
    QLabel *m_report;
    QDialogButtonBox *m_buttons;
    QPushButton *m_export;
    bool m_running = false;
    int m_previewGeneration = 0;
    int m_previewShown = 0;
    bool m_fileChosen = false; // once the user picks a name, the layout no longer renames it
    QString m_pickedInDialog;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

// File > Import Annotations…: asks for a highlights export, reads it into the project and shows
// what was created and what was refused.
void importAnnotations(Document &document, QWidget *parent);
// Reads a highlights export into the document's project and tells the panels.
interchange::AnnotationImportReport importAnnotationsFrom(Document &document, const QString &path);

} // namespace gloss::ui
