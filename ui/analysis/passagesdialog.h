#pragma once

#include "model/report.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace gloss::ui {

class Document;

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
    // Fills the tag and coder lists from the project, keeping what was chosen.
    void reload();
    // Lists the passages of the checked tags (every tag when none is checked).
    void retrieve();

Q_SIGNALS:
    void passageRequested(qint64 articleId, qint64 start, qint64 end);

private:
    Document &m_document;
    QListWidget *m_tags;
    QComboBox *m_coder;
    QSpinBox *m_context;
    QLabel *m_summary;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QList<model::Passage> m_passages;
};

} // namespace gloss::ui
