#include "model/variables.h"

namespace gloss::model {

QString variableName(QStringView raw)
{
    QString out;
    out.reserve(raw.size());
    bool gap = false;
    for (const QChar c : raw) {
        if (c.isLetterOrNumber()) {
            if (gap && !out.isEmpty())
                out += u'_';
            gap = false;
            out += c.toLower();
        } else {
            gap = true;
        }
    }
    return out;
}

QString variableNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("a variable needs a name");
    if (name.size() > 64)
        return QStringLiteral("a variable's name has at most 64 characters (\"%1…\")").arg(name.left(64));
    if (variableName(name) != name)
        return QStringLiteral("\"%1\" is not a variable name: use lower-case letters, digits and '_' (\"%2\")")
            .arg(name, variableName(name));
    return {};
}

QString variableValue(const Variables &variables, const QString &name)
{
    for (const auto &v : variables)
        if (v.first == name)
            return v.second;
    return {};
}

void setVariable(Variables &variables, const QString &name, const QString &value)
{
    for (auto &v : variables) {
        if (v.first == name) {
            v.second = value;
            return;
        }
    }
    variables.append({name, value});
}

} // namespace gloss::model
