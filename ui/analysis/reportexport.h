#pragma once

#include "analysis/reporttables.h"

#include <QString>

class QSize;
class QWidget;

namespace gloss::ui {

// Writing what an Analysis dialog shows: its table as the command line's CSV, its chart or heat map
// as PNG or SVG. Each writes the whole file or nothing and returns an error naming the file and the
// reason, or an empty string.
QString writeReportCsv(const analysis::ReportTable &table, const QString &path);
QString writeWidgetPng(QWidget &widget, const QString &path);
QString writeWidgetSvg(QWidget &widget, const QString &path, const QString &title);

// Asks for a file name (the last folder used is remembered) and writes the table, the PNG or the
// SVG to it; a failure is shown in a message box. `suggested` is the file's base name.
void exportReportCsv(QWidget *parent, const analysis::ReportTable &table, const QString &suggested);
void exportWidgetImage(QWidget *parent, QWidget &widget, const QString &suggested, const QString &title);

// Sizes an Analysis dialog to `preferred`, but at most 94% of the screen it opens on (its parent's),
// so that the dialog fits a 1400x900 screen and uses a 1600x1000 one.
void resizeToScreen(QWidget &dialog, const QSize &preferred);

} // namespace gloss::ui
