#pragma once

#include <QCoreApplication>

namespace gloss::ui {

// The translated text of an undo command, as Edit > Undo shows it.
inline QString commandText(const char *text, int n = -1)
{
    return QCoreApplication::translate("gloss::ui::Commands", text, nullptr, n);
}

} // namespace gloss::ui
