#pragma once

#include "model/report.h"
#include "model/tag.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace gloss::ui {

class Document;
class ReportCounter;

// Analysis > Retrieved Passages…: every highlight of the chosen tags across the project (README,
// "Reports") — the passage with a few words of context, article, date, source, coder and note — in
// a sortable table; activating a row shows the passage in the reader.
class PassagesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassagesDialog)

public:
    explicit PassagesDialog(Document &document, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    const QList<model::Passage> &passages() const { return m_passages; }
    QStandardItemModel *model() const { return m_model; }
    // Fills the tag and coder lists from the project, keeping what was chosen.
    void reload();
    // Lists the passages of the checked tags (every tag when none is checked), read on a worker
    // thread (Cancel in its progress dialog); until then the list shows the last ones, whole.
    void retrieve();
    bool isRetrieving() const;
    ReportCounter *counter() const { return m_counter; }
    // Lists these passages (chosen elsewhere, a co-occurrence cell's say), with what they are.
    void showPassages(const QList<model::Passage> &passages, const QString &description);
    // The listed passages as `gloss report passages --format html` writes them: what Print prints.
    QString html() const;
    // File > Print… and Print Preview… of the listed passages.
    void print();
    void printPreview();

Q_SIGNALS:
    void passageRequested(qint64 articleId, qint64 start, qint64 end);

private:
    void fill();

    Document &m_document;
    QListWidget *m_tags;
    QComboBox *m_coder;
    QSpinBox *m_context;
    QLabel *m_summary;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QList<model::Passage> m_passages;
    QHash<qint64, model::Tag> m_codebook;
    QString m_scopeText;
    ReportCounter *m_counter;
};

} // namespace gloss::ui
