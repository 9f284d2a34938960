#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

namespace gloss::model {

// An article's variables (QDA tools call them document variables): name and value, in the order
// the source gave them; a name appears once.
using Variables = QList<QPair<QString, QString>>;

// The name a variable is stored under: lower case, every run of characters that are not letters or
// digits made one '_', none at either end ("Section Name:" -> "section_name"); an export's
// "var_" prefix is not part of it. Empty when nothing is left.
QString variableName(QStringView raw);
// Why `name` cannot be a variable's name as given (empty when it can): empty, too long (64), or not
// in the form variableName() gives.
QString variableNameProblem(const QString &name);
// The most characters a variable's value keeps; a longer one is refused, not cut.
inline constexpr qsizetype MaxVariableValue = 10'000;
// The most variables an import gives one article (a CSV of 10,000 columns keeps the first 100).
inline constexpr qsizetype MaxImportedVariables = 100;

// The value of `name` in `variables`, or a null string.
QString variableValue(const Variables &variables, const QString &name);
// `variables` with `name` set to `value` (in its place if it was there, else at the end).
void setVariable(Variables &variables, const QString &name, const QString &value);

} // namespace gloss::model
