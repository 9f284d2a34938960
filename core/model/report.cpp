#include "model/report.h"

#include "model/variables.h"

namespace gloss::model {

std::optional<PassageOrder> passageOrderFromName(const QString &name)
{
    if (name == u"tag")
        return PassageOrder::Tag;
    if (name == u"date")
        return PassageOrder::Published;
    if (name == u"title")
        return PassageOrder::Title;
    if (name == u"source")
        return PassageOrder::Source;
    if (name == u"coder")
        return PassageOrder::Coder;
    return std::nullopt;
}

std::optional<FrequencyBy> frequencyByFromName(const QString &name)
{
    static const QList<std::pair<QLatin1String, FrequencyUnit>> units = {
        {QLatin1String("day"), FrequencyUnit::Day},
        {QLatin1String("week"), FrequencyUnit::Week},
        {QLatin1String("month"), FrequencyUnit::Month},
        {QLatin1String("quarter"), FrequencyUnit::Quarter},
        {QLatin1String("year"), FrequencyUnit::Year},
        {QLatin1String("source"), FrequencyUnit::Source},
        {QLatin1String("set"), FrequencyUnit::Set},
    };
    for (const auto &[word, unit] : units)
        if (name == word)
            return FrequencyBy{unit, {}};
    if (name.startsWith(u"var:")) {
        const QString variable = variableName(name.mid(4));
        if (!variable.isEmpty())
            return FrequencyBy{FrequencyUnit::Variable, variable};
    }
    return std::nullopt;
}

QString frequencyByName(const FrequencyBy &by)
{
    switch (by.unit) {
    case FrequencyUnit::Day:
        return QStringLiteral("day");
    case FrequencyUnit::Week:
        return QStringLiteral("week");
    case FrequencyUnit::Month:
        return QStringLiteral("month");
    case FrequencyUnit::Quarter:
        return QStringLiteral("quarter");
    case FrequencyUnit::Year:
        return QStringLiteral("year");
    case FrequencyUnit::Source:
        return QStringLiteral("source");
    case FrequencyUnit::Set:
        return QStringLiteral("set");
    case FrequencyUnit::Variable:
        return u"var:" + by.variable;
    }
    return {};
}

} // namespace gloss::model
