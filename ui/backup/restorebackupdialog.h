#pragma once

#include <QDialog>

class QTreeWidget;

namespace gloss::ui {

// File > Restore from Backup…: the project's backups, newest first, with their date, reason and
// size; the one chosen is what selectedBackup() returns.
class RestoreBackupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreBackupDialog)

public:
    explicit RestoreBackupDialog(const QString &projectPath, QWidget *parent = nullptr);

    QString selectedBackup() const;
    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace gloss::ui
