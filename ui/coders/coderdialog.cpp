#include "coders/coderdialog.h"

#include "coders/coderidentity.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gloss::ui {

CoderDialog::CoderDialog(Purpose purpose, const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("coderDialog"));
    setWindowTitle(purpose == Purpose::FirstRun ? tr("Who Is Coding?") : tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(purpose == Purpose::FirstRun
            ? tr("<p><b>Welcome to Gloss.</b> Which name should your coding carry?</p>"
                 "<p>Every highlight, note, article tag and done mark you make is stored with this name, so "
                 "that the work of several coders can be told apart, shown side by side, merged and "
                 "compared (intercoder agreement). Use the same name on every computer you code on.</p>"
                 "<p>You can change it later in Edit &gt; Settings…</p>")
            : tr("<p>Your name as a coder: every highlight, note, article tag and done mark you make from "
                 "now on carries it. What you coded before keeps the name it had.</p>"),
        this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    layout->addWidget(text);
    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("coderName"));
    m_name->setText(name);
    m_name->selectAll();
    m_name->setPlaceholderText(tr("e.g. ann"));
    form->addRow(tr("&Coder name:"), m_name);
    layout->addLayout(form);
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    m_problem->setTextFormat(Qt::PlainText);
    layout->addWidget(m_problem);
    if (purpose == Purpose::FirstRun)
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Later"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CoderDialog::check);
    check();
    setMinimumWidth(460);
}

QString CoderDialog::name() const
{
    return m_name->text().trimmed();
}

QString CoderDialog::loginName()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME"); // Windows
    return login.trimmed();
}

void CoderDialog::check()
{
    const QString problem = coderNameProblem(m_name->text());
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace gloss::ui
