#pragma once

#include "model/agreement.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace gloss::ui {

class Document;

// Analysis > Agreement…: intercoder agreement between chosen coders (README, "Intercoder
// agreement"): a sortable table per tag, the disagreements of the chosen row, and a click on one
// shows its passage in the reader.
class AgreementDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgreementDialog)

public:
    explicit AgreementDialog(Document &document, QWidget *parent = nullptr);

    QTableView *tagTable() const { return m_tags; }
    QTableView *disagreementTable() const { return m_disagreements; }
    const model::AgreementReport &report() const { return m_report; }
    // Computes the report for the coders, level and overlap chosen.
    void compute();
    // Fills the coder list from the project (all checked, as before where a coder was unchecked).
    void reloadCoders();

Q_SIGNALS:
    // A disagreement was clicked: show the article and select [start, end) (start -1: no span).
    void passageRequested(qint64 articleId, qint64 start, qint64 end);

private:
    model::AgreementRequest request() const;
    void showTagRow();
    void exportCsv(bool disagreements);

    Document &m_document;
    QListWidget *m_coders;
    QComboBox *m_level;
    QSpinBox *m_overlap;
    QCheckBox *m_all;
    QPushButton *m_compute;
    QLabel *m_summary;
    QStandardItemModel *m_tagModel;
    QSortFilterProxyModel *m_tagSort;
    QTableView *m_tags;
    QStandardItemModel *m_disagreementModel;
    QTableView *m_disagreements;
    QPushButton *m_exportReport;
    QPushButton *m_exportDisagreements;
    model::AgreementReport m_report;
};

} // namespace gloss::ui
