// The corpus readers: JSON arrays, JSON Lines and CSV with a header row, one article per record,
// fields mapped by name (import/fields.h).
#include "csv/csvreader.h"
#include "import/fields.h"
#include "import/reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace gloss::import {

namespace {

// A JSON value as text: strings as they are, numbers as written, a person or publisher object
// by its "name", a list of strings joined (authors by ", ", paragraphs by a blank line).
QString jsonText(const QJsonValue &value, Field field)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return value.toObject().value(QStringLiteral("name")).toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray()) {
            const QString part = jsonText(v, field);
            if (!part.isEmpty())
                parts.append(part);
        }
        return parts.join(field == Field::Body ? QStringLiteral("\n\n") : QStringLiteral(", "));
    }
    default:
        return {};
    }
}

// One object to an article; `where` names it. Returns false when it has no body field.
bool readObject(const QJsonObject &object, const QString &where, ReadResult &result)
{
    model::Article article;
    bool hasBody = false;
    bool dropped = false; // one warning per record for the extra fields left out
    for (auto it = object.begin(); it != object.end(); ++it) {
        const Field field = fieldFor(it.key());
        if (field == Field::None) {
            const QString warning = addVariable(article, variableFor(it.key()), jsonText(it.value(), field));
            if (!warning.isEmpty() && !dropped)
                result.warnings.append({where, warning});
            dropped = dropped || !warning.isEmpty();
            continue;
        }
        // The first of several synonyms wins ("title" over a later "headline").
        if (field == Field::Body) {
            if (hasBody && !article.body.isEmpty())
                continue;
            hasBody = true;
        } else if (field == Field::Title && !article.title.isEmpty()) {
            continue;
        }
        const QString warning = setField(article, field, jsonText(it.value(), field));
        if (!warning.isEmpty())
            result.warnings.append({where, warning});
    }
    if (!hasBody) {
        result.refused.append({where, noBodyMessage(object.keys(), QStringLiteral("field"))});
        return false;
    }
    article.path = where; // named again if it turns out to have an empty body
    result.articles.append(std::move(article));
    return true;
}

// The line on which each element of a top-level JSON array begins, so that a record can be named
// the way an editor shows it. QJsonDocument keeps no positions.
QList<int> elementLines(const QString &text)
{
    QList<int> lines;
    int line = 1;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool expectValue = false;
    for (const QChar c : text) {
        if (c == u'\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (depth == 1 && expectValue && !c.isSpace() && c != u',' && c != u']') {
            lines.append(line);
            expectValue = false;
        }
        if (c == u'"') {
            inString = true;
        } else if (c == u'[' || c == u'{') {
            if (++depth == 1)
                expectValue = true;
        } else if (c == u']' || c == u'}') {
            --depth;
        } else if (c == u',' && depth == 1) {
            expectValue = true;
        }
    }
    return lines;
}

QString recordName(const QList<int> &lines, int index)
{
    return index <= lines.size() ? QStringLiteral("record %1 (line %2)").arg(index).arg(lines.at(index - 1))
                                 : QStringLiteral("record %1").arg(index);
}

} // namespace

ReadResult readJson(const QString &text)
{
    ReadResult result;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // QJsonParseError gives a byte offset; a line number is what a user can find.
        const QByteArray utf8 = text.toUtf8();
        const int line = int(utf8.left(error.offset).count('\n')) + 1;
        result.refused.append(
            {QStringLiteral("line %1").arg(line), QStringLiteral("not valid JSON (%1)").arg(error.errorString())});
        return result;
    }
    if (doc.isObject()) {
        // One article, or a wrapper such as {"articles": [...]}.
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isArray() && fieldFor(it.key()) == Field::None) {
                const QJsonArray list = it.value().toArray();
                if (!list.isEmpty() && list.first().isObject()) {
                    int index = 0;
                    for (const QJsonValue &v : list) {
                        ++index;
                        const QString where = QStringLiteral("record %1 of \"%2\"").arg(index).arg(it.key());
                        if (!v.isObject())
                            result.refused.append({where, QStringLiteral("not a JSON object")});
                        else
                            readObject(v.toObject(), where, result);
                    }
                    return result;
                }
            }
        }
        readObject(object, QString(), result);
        return result;
    }
    const QJsonArray list = doc.array();
    if (list.isEmpty()) {
        result.refused.append({QString(), QStringLiteral("no articles (an empty JSON array)")});
        return result;
    }
    const QList<int> lines = elementLines(text);
    int index = 0;
    for (const QJsonValue &v : list) {
        ++index;
        const QString where = recordName(lines, index);
        if (!v.isObject())
            result.refused.append({where, QStringLiteral("not a JSON object")});
        else
            readObject(v.toObject(), where, result);
    }
    return result;
}

ReadResult readJsonLines(const QString &text)
{
    ReadResult result;
    int lineNumber = 0;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const QString where = QStringLiteral("line %1").arg(lineNumber);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            result.refused.append({where,
                QStringLiteral("not valid JSON (%1 at column %2)").arg(error.errorString()).arg(error.offset + 1)});
            continue;
        }
        if (!doc.isObject()) {
            result.refused.append({where, QStringLiteral("not a JSON object")});
            continue;
        }
        readObject(doc.object(), where, result);
    }
    return result;
}

ReadResult readCsv(const QString &text)
{
    ReadResult result;
    csv::CsvReader reader(text);
    QStringList header;
    int line = 0;
    if (!reader.next(header, line)) {
        result.refused.append({QString(), QStringLiteral("no header row")});
        return result;
    }
    QList<Field> columns;
    QStringList variables; // by column: the variable a column of no fixed field fills, or empty
    QSet<int> seen; // a set, not a search of `columns`: a header may have 10,000 columns
    bool hasBody = false;
    for (const QString &name : header) {
        const Field field = fieldFor(name);
        // The first column of each kind counts; later synonyms are ignored.
        const bool first = !seen.contains(int(field));
        seen.insert(int(field));
        columns.append(first ? field : Field::None);
        variables.append(field == Field::None ? variableFor(name) : QString());
        hasBody = hasBody || field == Field::Body;
    }
    if (!hasBody) {
        result.refused.append({QStringLiteral("line 1"), noBodyMessage(header, QStringLiteral("column"))});
        return result;
    }
    QStringList fields;
    while (reader.next(fields, line)) {
        const QString where = QStringLiteral("line %1").arg(line);
        if (!reader.error().isEmpty()) {
            result.refused.append({QString(), reader.error()}); // the message names the line
            break;
        }
        if (fields.size() == 1 && fields.first().isEmpty())
            continue; // a blank line
        model::Article article;
        QString dropped; // one warning per line for the extra fields left out, not one per field
        for (qsizetype i = 0; i < fields.size() && i < columns.size(); ++i) {
            const QString warning = columns.at(i) == Field::None ? addVariable(article, variables.at(i), fields.at(i))
                                                                 : setField(article, columns.at(i), fields.at(i));
            if (!warning.isEmpty() && (columns.at(i) != Field::None || dropped.isEmpty()))
                result.warnings.append({where, warning});
            if (!warning.isEmpty() && columns.at(i) == Field::None)
                dropped = warning;
        }
        article.path = where;
        result.articles.append(std::move(article));
    }
    return result;
}

} // namespace gloss::import
