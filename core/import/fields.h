#pragma once

#include "model/article.h"

#include <QStringList>

namespace gloss::import {

// The mapping from the field names of JSON, CSV and front matter to an article:
// title|headline, body|text|content|article, date|published|pubdate|publication_date,
// source|publisher|outlet, url|link, author|byline (names compared without case).
enum class Field { None, Title, Body, Date, Retrieved, Source, Url, Author };

Field fieldFor(QStringView name);

// Sets one field from its text. Returns a warning when the value could not be used (a date
// that is not one), or an empty string.
QString setField(model::Article &article, Field field, const QString &value);

// The article variable that a field name mapping to no fixed field becomes: model::variableName of
// it, without an export's "var_" prefix. Empty for the columns Gloss's own articles export computes
// (article_id, dateline, words, tags, note, highlights, entities), which an import computes again.
QString variableFor(QStringView name);
// Adds variable `name` with `value` (trimmed) to the article; nothing for an empty name or value.
// Returns a warning when the value is longer than a variable keeps, or the article already has
// model::MaxImportedVariables (the variable is then left out), else an empty string.
QString addVariable(model::Article &article, const QString &name, const QString &value);

// "no body field (body, text, content or article); fields found: a, b, c"
QString noBodyMessage(const QStringList &found, const QString &what);

} // namespace gloss::import
