#include "import/fields.h"

#include "import/newsdate.h"

namespace gloss::import {

Field fieldFor(QStringView name)
{
    const QString key = name.trimmed().toString().toLower().replace(u'-', u'_').replace(u' ', u'_');
    static const QHash<QString, Field> fields = {
        {QStringLiteral("title"), Field::Title},
        {QStringLiteral("headline"), Field::Title},
        {QStringLiteral("body"), Field::Body},
        {QStringLiteral("text"), Field::Body},
        {QStringLiteral("content"), Field::Body},
        {QStringLiteral("article"), Field::Body},
        {QStringLiteral("date"), Field::Date},
        {QStringLiteral("published"), Field::Date},
        {QStringLiteral("pubdate"), Field::Date},
        {QStringLiteral("publication_date"), Field::Date},
        {QStringLiteral("retrieved"), Field::Retrieved},
        {QStringLiteral("source"), Field::Source},
        {QStringLiteral("publisher"), Field::Source},
        {QStringLiteral("outlet"), Field::Source},
        {QStringLiteral("url"), Field::Url},
        {QStringLiteral("link"), Field::Url},
        {QStringLiteral("author"), Field::Author},
        {QStringLiteral("byline"), Field::Author},
    };
    return fields.value(key, Field::None);
}

QString setField(model::Article &article, Field field, const QString &value)
{
    const QString v = value.trimmed();
    switch (field) {
    case Field::None:
        break;
    case Field::Title:
        article.title = v.simplified();
        break;
    case Field::Body:
        article.body = value;
        break;
    case Field::Date:
    case Field::Retrieved: {
        if (v.isEmpty())
            break;
        const NewsDate d = parseNewsDate(v);
        if (!d.isValid())
            return QStringLiteral("the date \"%1\" is not one Gloss reads; the article has no %2 date")
                .arg(v, field == Field::Date ? QStringLiteral("publication") : QStringLiteral("retrieval"));
        (field == Field::Date ? article.published : article.retrieved) = d.date;
        break;
    }
    case Field::Source:
        article.source = v;
        break;
    case Field::Url:
        article.url = v;
        break;
    case Field::Author:
        article.author = v.startsWith(u"By ", Qt::CaseInsensitive) ? v.mid(3).trimmed() : v;
        break;
    }
    return {};
}

QString variableFor(QStringView name)
{
    QString key = model::variableName(name);
    if (key.startsWith(u"var_"))
        return key.mid(4);
    static const QStringList computed
        = {QStringLiteral("article_id"), QStringLiteral("dateline"), QStringLiteral("words"), QStringLiteral("tags"),
            QStringLiteral("note"), QStringLiteral("highlights"), QStringLiteral("entities")};
    return computed.contains(key) ? QString() : key;
}

QString addVariable(model::Article &article, const QString &name, const QString &value)
{
    const QString v = value.trimmed();
    if (name.isEmpty() || v.isEmpty())
        return {};
    if (v.size() > model::MaxVariableValue)
        return QStringLiteral("the value of \"%1\" is longer than %2 characters; the variable is left out")
            .arg(name)
            .arg(model::MaxVariableValue);
    if (article.variables.size() >= model::MaxImportedVariables
        && model::variableValue(article.variables, name).isNull())
        return QStringLiteral("more than %1 extra fields; \"%2\" and the ones after it are left out")
            .arg(model::MaxImportedVariables)
            .arg(name);
    model::setVariable(article.variables, name, v);
    return {};
}

QString noBodyMessage(const QStringList &found, const QString &what)
{
    // A readable message even for a header of 10,000 columns: the first few, and how many more.
    constexpr qsizetype shown = 20;
    QString list = found.isEmpty() ? QStringLiteral("none") : found.mid(0, shown).join(QStringLiteral(", "));
    if (found.size() > shown)
        list += QStringLiteral(" and %1 more").arg(found.size() - shown);
    return QStringLiteral("no body %1 (body, text, content or article); %1s found: %2").arg(what, list);
}

} // namespace gloss::import
