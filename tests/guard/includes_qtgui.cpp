// Compiled with gloss_core's include path by the test core_must_not_include_qtgui, which expects
// the build of this file to fail: core may not include GUI headers.
#include <QtGui/QColor>

int probe()
{
    return QColor(Qt::red).red();
}
