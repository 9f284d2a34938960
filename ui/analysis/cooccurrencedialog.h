#pragma once

#include "analysis/reporttables.h"
#include "model/report.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QComboBox;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace gloss {
class Project;
}

namespace gloss::ui {

class Document;
class ReportCounter;

// Analysis > Co-occurrence…: a heat map of tag x tag (or entity x tag) co-occurrence — overlapping
// highlights or articles holding both, the query of `gloss report cooccurrence` — each cell coloured
// by its count and showing it, counted on a worker thread. Rows sort by any column; activating a
// cell lists the passages behind it in the Retrieved Passages view. Exports the table as the command line's CSV
// and the heat map as PNG or SVG.
class CooccurrenceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CooccurrenceDialog)

public:
    explicit CooccurrenceDialog(Document &document, QWidget *parent = nullptr);

    // Counts again with the current choices on a worker thread (Cancel in its progress dialog);
    // until it ends the map shows the last count, whole.
    void compute();
    bool isCounting() const;
    ReportCounter *counter() const { return m_counter; }
    // "highlight" or "article"; entities: entity x tag rows instead of tag x tag.
    void setUnit(const QString &unit);
    void setEntities(bool entities);

    QTableView *table() const { return m_table; }
    QStandardItemModel *model() const { return m_model; }
    const analysis::ReportTable &csvTable() const { return m_csv; }
    const model::CooccurrenceReport &report() const { return m_report; }
    // The whole heat map drawn in a widget of its own size (for export), owned by the caller.
    QWidget *heatMapForExport() const;
    // The passages behind the cell at (row, column) of the model: of both tags where they
    // co-occur (overlapping, or in articles holding both), or of one tag on the diagonal; on an
    // entity row, the tag's passages that mention the entity (the mention wholly inside).
    QList<model::Passage> passagesOfCell(int row, int column, QString *description = nullptr);

Q_SIGNALS:
    void passagesRequested(const QList<model::Passage> &passages, const QString &description);

private:
    void fill();
    // A cell of the shown map: its row's tag or entity, its column's tag, and what it counts.
    struct Cell
    {
        qint64 row = 0;
        qint64 tagId = 0;
        bool entity = false;
        bool overlap = true;
        QString rowName, tagName;
    };
    struct CellPassages
    {
        QList<model::Passage> passages;
        QString description;
    };
    std::optional<Cell> cellAt(int row, int column) const;
    // Lists the cell's passages on the report worker, then emits passagesRequested.
    void listCell(int row, int column);
    // Runs on any thread, with a Project of its own.
    static CellPassages cellPassages(Project &project, const Cell &cell);

    Document &m_document;
    QComboBox *m_unit;
    QComboBox *m_rows;
    QLabel *m_summary;
    QStandardItemModel *m_model;
    QTableView *m_table;
    model::CooccurrenceReport m_report;
    analysis::ReportTable m_csv;
    QHash<qint64, QString> m_names;
    bool m_shownEntities = false; // the shown count's rows are entities
    bool m_fitted = false; // widened to its map once, when first shown
    ReportCounter *m_counter;
};

} // namespace gloss::ui
