#pragma once

#include "model/report.h"
#include "model/tag.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gloss::analysis {

// A report laid out as rows, the way `gloss report …` writes it as CSV or a table: the command
// line and the window's Analysis dialogs share these, so what the window exports is what the
// command line writes.
struct ReportTable
{
    QStringList headers;
    QList<QStringList> rows;
};

// What a frequency table counts in each cell.
enum class FrequencyCount { Highlights, Articles, Share };

// The count of one cell: highlights, articles, or the share (0-100) of the bucket's articles
// holding the tag.
double frequencyValue(const model::FrequencyCell &cell, qint64 bucketArticles, FrequencyCount count);

// Buckets as rows, the bucket's articles, then one column per tag of the report (by its name in
// `tagNames`). Shares are percentages with one decimal. With `labelEmpty`, the empty bucket reads
// "(undated)", "(no source)", … as in the table format; otherwise it stays empty (CSV).
ReportTable frequencyTable(const model::FrequencyReport &report, const QHash<qint64, QString> &tagNames,
    FrequencyCount count, bool labelEmpty);
// "(undated)", "(no source)", "(in no set)", "(no value)" for the empty bucket; else the bucket.
QString bucketLabel(const QString &bucket, const model::FrequencyBy &by);

// The tag x tag matrix of `gloss report cooccurrence`; the diagonal is each tag's own total.
ReportTable cooccurrenceMatrix(const model::CooccurrenceReport &report, const QHash<qint64, QString> &tagNames);
// The count of the pair (a, b) in the report; a == b gives the tag's total.
qint64 cooccurrenceCount(const model::CooccurrenceReport &report, qint64 a, qint64 b);
// Entity x tag rows (entity, type, tag, highlights, articles) of `gloss report cooccurrence --entities`.
ReportTable entityTagTable(const model::CooccurrenceReport &report, const QHash<qint64, QString> &tagNames);

// The table as the command line's CSV: RFC 4180, UTF-8, formula cells guarded.
QByteArray csvBytes(const ReportTable &table);

// The passages as a self-contained HTML page (`gloss report passages --format html`): grouped by
// tag when `groupByTag`, each with its context, article, date, source, coder and note. Everything
// from the project is escaped. `project` is the project's path, `scopeText` what was asked for.
QString passagesHtml(const QList<model::Passage> &passages, const QHash<qint64, model::Tag> &tags,
    const QString &project, const QString &scopeText, bool groupByTag, const QDateTime &written);

} // namespace gloss::analysis
