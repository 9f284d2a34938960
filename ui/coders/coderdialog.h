#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gloss::ui {

// Asks who is coding: on the window's first run (prefilled with the login name, saying what the
// name is for) and from Edit > Settings… to change it. Accepts only a name a coder can have.
class CoderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoderDialog)

public:
    enum class Purpose { FirstRun, Settings };

    CoderDialog(Purpose purpose, const QString &name, QWidget *parent = nullptr);

    QString name() const;
    QLineEdit *nameEdit() const { return m_name; }
    // The login name of the user running Gloss ("" when the system has none).
    static QString loginName();

private:
    void check();

    QLineEdit *m_name;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace gloss::ui
