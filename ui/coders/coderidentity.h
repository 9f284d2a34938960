#pragma once

#include <QColor>
#include <QString>

namespace gloss::ui {

// Who is coding in the window, and how each coder looks in it. The name is the user's, not the
// project's: it is kept in the user's settings (key "coder/name") and given to every project the
// window opens; `--coder NAME` or GLOSS_CODER on the window's command line take its place.

// The name kept in the settings ("" when none was ever given).
QString storedCoder();
void storeCoder(const QString &name);
// Why `name` cannot name a coder ("" when it can): empty, too long, or holding a comma (the
// command line lists coders separated by commas, `--coders ann,ben`).
QString coderNameProblem(const QString &name);
// The coder's colour: the same for a name in every session and on every machine (a hash of the
// name picks the hue), far enough from its neighbours to tell two coders apart.
QColor coderColor(const QString &name);
// A coder as the window names them: the name, or "(no coder)" for the empty one.
QString coderLabel(const QString &name);

} // namespace gloss::ui
