#pragma once

#include "model/article.h"

#include <QList>
#include <QString>

namespace gloss::import {

// A problem with one record of a file, or with the whole file when `where` is empty.
struct RecordProblem
{
    QString where; // "line 3", "record 2"; empty for the whole file
    QString reason; // what a user can act on
    QString text() const { return where.isEmpty() ? reason : where + u": " + reason; }
};

// What a reader made of one file's text: the articles it holds (complete but not yet stored),
// the records it refused and what it wants the user to know.
struct ReadResult
{
    QList<model::Article> articles;
    QList<RecordProblem> refused;
    QList<RecordProblem> warnings;
};

enum class Format {
    NewsText,
    Html,
    Json,
    JsonLines,
    Csv,
    Markdown,
    // News-database exports, many articles to a file (import/newsdb.h).
    LexisNexis,
    ProQuest,
    Factiva,
    FactivaHtml,
};

QString formatName(Format format);

// The format of a file, by its content first (an HTML page saved as .txt is still HTML) and by
// its extension where the content does not say.
Format detectFormat(const QString &fileName, const QString &text);

// Reads the articles of `text` (already decoded) in `format`. Every article returned has a body,
// a dateline when it opens with one, and LF line ends.
ReadResult readArticles(Format format, const QString &text);

// The readers, one per format.
ReadResult readNewsText(const QString &text);
ReadResult readHtml(const QString &text);
ReadResult readJson(const QString &text); // an array of objects, or one object
ReadResult readJsonLines(const QString &text); // one object per line
ReadResult readCsv(const QString &text); // a header row, then one article per record
ReadResult readMarkdown(const QString &text); // optional YAML front matter, then the body

} // namespace gloss::import
