#include "articles/variablesdialog.h"

#include "commands/operationcommand.h"
#include "document.h"
#include "operations/library.h"
#include "operations/project.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gloss::ui {

VariablesDialog::VariablesDialog(Document &document, qint64 articleId, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_articleId(articleId)
    , m_table(new QTableWidget(0, 2, this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("variablesDialog"));
    const auto article = document.project().library().article(articleId);
    const QString title = article && !article->title.isEmpty() ? article->title : tr("(untitled)");
    setWindowTitle(tr("Variables of “%1”").arg(title.size() > 60 ? title.left(59) + u'…' : title));

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Metadata of this article beyond its title, dates and source: section, "
                                "language, page, or anything you want to filter, compare or export by."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table->setObjectName(QStringLiteral("variablesTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 160);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 1);

    auto *rowButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addVariable"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeVariable"));
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    layout->addLayout(rowButtons);

    m_problem->setObjectName(QStringLiteral("variablesProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &VariablesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (const int row : rows)
            m_table->removeRow(row);
        updateProblem();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &VariablesDialog::updateProblem);

    for (const auto &[name, value] : document.project().library().variables(articleId))
        addRow(name, value);
    updateProblem();
    resize(560, 380);
}

void VariablesDialog::addRow(const QString &name, const QString &value)
{
    const QSignalBlocker block(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
}

model::Variables VariablesDialog::variables() const
{
    model::Variables out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        const QString key = model::variableName(name ? name->text() : QString());
        if (key.isEmpty())
            continue;
        out.append({key, value ? value->text().trimmed() : QString()});
    }
    return out;
}

QString VariablesDialog::problem() const
{
    QStringList seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        const QString typed = name ? name->text().trimmed() : QString();
        const QString key = model::variableName(typed);
        if (key.isEmpty()) {
            if (value && !value->text().trimmed().isEmpty())
                return tr("Row %1 has a value but no name.").arg(row + 1);
            continue;
        }
        if (const QString p = model::variableNameProblem(key); !p.isEmpty())
            return p;
        if (seen.contains(key))
            return tr("“%1” is there twice; a variable has one value.").arg(key);
        seen.append(key);
        if (value && value->text().size() > model::MaxVariableValue)
            return tr("The value of “%1” is longer than %2 characters.").arg(key).arg(model::MaxVariableValue);
    }
    return {};
}

void VariablesDialog::updateProblem()
{
    QString text = problem();
    if (text.isEmpty()) {
        // Say how a name will be stored when it differs from what was typed.
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const QTableWidgetItem *name = m_table->item(row, 0);
            const QString typed = name ? name->text().trimmed() : QString();
            if (!typed.isEmpty() && model::variableName(typed) != typed) {
                text = tr("“%1” will be stored as “%2”.").arg(typed, model::variableName(typed));
                break;
            }
        }
    }
    m_problem->setText(text);
}

void VariablesDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_problem->setText(why);
        return;
    }
    const model::Variables wanted = variables();
    if (wanted != m_document.project().library().variables(m_articleId)) {
        const qint64 id = m_articleId;
        m_document.undoStack()->push(new OperationCommand(m_document, tr("Edit Variables"),
            [id, wanted](Project &project) { return project.library().setVariables(id, wanted); }));
    }
    QDialog::accept();
}

} // namespace gloss::ui
