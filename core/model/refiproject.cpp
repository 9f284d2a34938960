#include "model/refiproject.h"

#include <QRegularExpression>

namespace gloss::model::refi {

QString normalGuid(const QString &text)
{
    static const QRegularExpression form(
        QStringLiteral("^\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\}?$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString derivedGuid(const QUuid &project, const QString &key)
{
    return QUuid::createUuidV5(project, key).toString(QUuid::WithoutBraces);
}

QString variableTypeName(VariableType type)
{
    switch (type) {
    case VariableType::Text:
        return QStringLiteral("Text");
    case VariableType::Boolean:
        return QStringLiteral("Boolean");
    case VariableType::Integer:
        return QStringLiteral("Integer");
    case VariableType::Float:
        return QStringLiteral("Float");
    case VariableType::Date:
        return QStringLiteral("Date");
    case VariableType::DateTime:
        return QStringLiteral("DateTime");
    }
    return QStringLiteral("Text");
}

VariableType variableTypeFromName(const QString &name, bool *ok)
{
    for (const VariableType t : {VariableType::Text, VariableType::Boolean, VariableType::Integer, VariableType::Float,
             VariableType::Date, VariableType::DateTime})
        if (name.compare(variableTypeName(t), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return t;
        }
    if (ok)
        *ok = false;
    return VariableType::Text;
}

} // namespace gloss::model::refi
