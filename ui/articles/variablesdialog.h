#pragma once

#include "model/variables.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace gloss::ui {

class Document;

// Article > Edit Variables…: the variables of one article in a table of names and values, to
// add, change and remove. OK applies them as one undoable edit; a name is stored in the form
// model::variableName gives ("Page Number" becomes page_number), and the dialog says so.
class VariablesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablesDialog)

public:
    VariablesDialog(Document &document, qint64 articleId, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The variables as the table holds them now, names normalised; empty names and rows left out.
    model::Variables variables() const;
    // Why the table cannot be applied (a name twice, a value too long), or empty.
    QString problem() const;

    void accept() override;

private:
    void addRow(const QString &name = {}, const QString &value = {});
    void updateProblem();

    Document &m_document;
    qint64 m_articleId;
    QTableWidget *m_table;
    QLabel *m_problem;
};

} // namespace gloss::ui
