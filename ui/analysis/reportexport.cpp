#include "analysis/reportexport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QImageWriter>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QWidget>

namespace gloss::ui {

namespace {

const QString FolderKey = QStringLiteral("analysis/exportFolder");

QString askPath(QWidget *parent, const QString &caption, const QString &suggested, const QString &filters)
{
    QSettings settings;
    const QString folder
        = settings.value(FolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString selected;
    const QString path = QFileDialog::getSaveFileName(parent, caption, folder + u'/' + suggested, filters, &selected);
    if (!path.isEmpty())
        settings.setValue(FolderKey, QFileInfo(path).absolutePath());
    return path;
}

void showFailure(QWidget *parent, const QString &error)
{
    if (!error.isEmpty())
        QMessageBox::warning(parent, QObject::tr("Export"), error);
}

} // namespace

QString writeReportCsv(const analysis::ReportTable &table, const QString &path)
{
    const QByteArray bytes = analysis::csvBytes(table);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    return {};
}

QString writeWidgetPng(QWidget &widget, const QString &path)
{
    const QImage image = widget.grab().toImage();
    if (image.isNull())
        return QObject::tr("%1: nothing to draw").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return QObject::tr("%1: cannot write (%2)").arg(path, writer.errorString());
    if (!file.commit())
        return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    return {};
}

QString writeWidgetSvg(QWidget &widget, const QString &path, const QString &title)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(widget.size());
    svg.setViewBox(QRect(QPoint(0, 0), widget.size()));
    svg.setTitle(title);
    svg.setDescription(QObject::tr("Written by Gloss"));
    {
        QPainter painter(&svg);
        widget.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    if (!file.commit())
        return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    return {};
}

void exportReportCsv(QWidget *parent, const analysis::ReportTable &table, const QString &suggested)
{
    const QString path
        = askPath(parent, QObject::tr("Export CSV"), suggested + QStringLiteral(".csv"), QObject::tr("CSV (*.csv)"));
    if (!path.isEmpty())
        showFailure(parent, writeReportCsv(table, path));
}

void exportWidgetImage(QWidget *parent, QWidget &widget, const QString &suggested, const QString &title)
{
    QString path = askPath(parent, QObject::tr("Export Image"), suggested + QStringLiteral(".png"),
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const bool svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive);
    if (!svg && !path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    showFailure(parent, svg ? writeWidgetSvg(widget, path, title) : writeWidgetPng(widget, path));
}

void resizeToScreen(QWidget &dialog, const QSize &preferred)
{
    const QWidget *over = dialog.parentWidget() ? dialog.parentWidget() : &dialog;
    const QScreen *screen = over->screen();
    if (!screen) {
        dialog.resize(preferred);
        return;
    }
    const QSize room = screen->availableGeometry().size() * 0.94;
    dialog.resize(preferred.boundedTo(room));
}

} // namespace gloss::ui
