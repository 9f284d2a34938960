#include "backup/restorebackupdialog.h"

#include "operations/backups.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gloss::ui {

namespace {

QString reasonText(const QString &reason)
{
    if (reason == u"daily")
        return RestoreBackupDialog::tr("Daily");
    if (reason == u"manual")
        return RestoreBackupDialog::tr("Backed up by hand");
    if (reason == u"before-restore")
        return RestoreBackupDialog::tr("Before a restore");
    if (reason == u"before-tag-merge")
        return RestoreBackupDialog::tr("Before a tag merge");
    if (reason == u"before-import-annotations")
        return RestoreBackupDialog::tr("Before importing annotations");
    if (reason.startsWith(u"before-format-"))
        return RestoreBackupDialog::tr("Before upgrading to format %1").arg(reason.mid(14));
    return reason;
}

} // namespace

RestoreBackupDialog::RestoreBackupDialog(const QString &projectPath, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Restore from Backup"));
    auto *intro = new QLabel(tr("Backups of %1, newest first. Restoring replaces the project's content with the "
                                "backup; the current state is backed up first, so a restore can itself be undone "
                                "by restoring that copy.")
                                 .arg(QFileInfo(projectPath).fileName()),
        this);
    intro->setWordWrap(true);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Taken"), tr("Why"), tr("Size")});
    const QLocale locale;
    for (const model::BackupInfo &b : operations::Backups::list(projectPath)) {
        auto *item = new QTreeWidgetItem(m_list,
            {locale.toString(b.created.toLocalTime(), QLocale::LongFormat), reasonText(b.reason),
                locale.formattedDataSize(b.size)});
        item->setData(0, Qt::UserRole, b.path);
        item->setToolTip(0, b.path);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    restore->setEnabled(m_list->topLevelItemCount() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    if (m_list->topLevelItemCount() == 0)
        layout->addWidget(
            new QLabel(tr("There are no backups yet in %1.").arg(operations::Backups::folder(projectPath)), this));
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(620, 380);
}

QString RestoreBackupDialog::selectedBackup() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

} // namespace gloss::ui
