#pragma once

#include "analysis/reporttables.h"
#include "model/report.h"

#include <QDialog>
#include <QHash>

class QChartView;
class QComboBox;
class QLabel;
class QListWidget;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace gloss::ui {

class Document;
class ReportCounter;

// Analysis > Frequencies…: per tag, the highlights or the articles by day, week, month, quarter,
// year, source, set or article variable (the query of `gloss report frequency`), as a table and as
// a chart (lines or stacked bars; absolute counts or the share of the bucket's articles). Exports
// the table as the command line's CSV and the chart as PNG or SVG.
class FrequencyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrequencyDialog)

public:
    enum class ChartKind { Lines, StackedBars };

    explicit FrequencyDialog(Document &document, QWidget *parent = nullptr);

    // Fills the tag list and the choices of "By" from the project, keeping what was chosen.
    void reload();
    // Counts again with the current choices on a worker thread (Cancel in its progress dialog),
    // then redraws the table and the chart; until then they show the last count, whole.
    void compute();
    bool isCounting() const;
    ReportCounter *counter() const { return m_counter; }

    // The choices, as the command line names them ("month", "var:section"; "highlights",
    // "articles", "share"). Each returns false when the dialog offers no such choice.
    bool setBy(const QString &name);
    bool setCount(const QString &name);
    void setChartKind(ChartKind kind);
    // Checks exactly these tags (by id); none checked means every tag with a count.
    void setCheckedTags(const QList<qint64> &tagIds);

    QTableView *table() const { return m_table; }
    QChartView *chartView() const { return m_chartView; }
    // What "Export CSV…" writes: the same rows as `gloss report frequency --format csv`.
    const analysis::ReportTable &csvTable() const { return m_csv; }
    const model::FrequencyReport &report() const { return m_report; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showReport(const model::FrequencyReport &report, analysis::FrequencyCount count, const QString &countText,
        const QString &byText, qint64 counted);
    void drawChart();
    analysis::FrequencyCount count() const;

    Document &m_document;
    QListWidget *m_tags;
    QComboBox *m_by;
    QComboBox *m_count;
    QComboBox *m_kind;
    QLabel *m_summary;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QChartView *m_chartView;
    QTimer *m_redraw; // after a resize: the axis labels that fit change
    ReportCounter *m_counter;
    // What the shown count counted (the choices may have changed since).
    analysis::FrequencyCount m_shownCount = analysis::FrequencyCount::Highlights;
    QString m_shownCountText;
    QString m_shownByText;
    model::FrequencyReport m_report;
    analysis::ReportTable m_csv;
    QHash<qint64, QString> m_names;
    QHash<qint64, QString> m_colors;
};

} // namespace gloss::ui
