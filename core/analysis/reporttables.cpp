#include "analysis/reporttables.h"

#include "csv/csvwriter.h"

#include <QBuffer>
#include <QFileInfo>

namespace gloss::analysis {

namespace {

QString counted(qint64 count, const char *one, const char *many)
{
    return QString::number(count) + u' ' + QString::fromUtf8(count == 1 ? one : many);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// A colour from the codebook, or a neutral one for anything that is not #rrggbb.
QString safeColor(const QString &color)
{
    static const QString hex = QStringLiteral("0123456789abcdefABCDEF");
    if (color.size() != 7 || color.at(0) != u'#')
        return QStringLiteral("#f5c542");
    for (qsizetype i = 1; i < color.size(); ++i)
        if (!hex.contains(color.at(i)))
            return QStringLiteral("#f5c542");
    return color;
}

// The tag's colour at 40% over white, as an opaque #rrggbb: a marker a browser and Qt's print
// (which reads #rrggbbaa as #aarrggbb) both show the same.
QString lightColor(const QString &safe)
{
    QString out = QStringLiteral("#");
    for (int i = 0; i < 3; ++i) {
        const int c = QStringView(safe).sliced(1 + 2 * i, 2).toInt(nullptr, 16);
        out += QStringLiteral("%1").arg(255 - (255 - c) * 4 / 10, 2, 16, QChar(u'0'));
    }
    return out;
}

} // namespace

double frequencyValue(const model::FrequencyCell &cell, qint64 bucketArticles, FrequencyCount count)
{
    switch (count) {
    case FrequencyCount::Highlights:
        return double(cell.highlights);
    case FrequencyCount::Articles:
        return double(cell.articles);
    case FrequencyCount::Share:
        return bucketArticles ? 100.0 * double(cell.articles) / double(bucketArticles) : 0.0;
    }
    return 0.0;
}

QString bucketLabel(const QString &bucket, const model::FrequencyBy &by)
{
    if (!bucket.isEmpty())
        return bucket;
    switch (by.unit) {
    case model::FrequencyUnit::Source:
        return QStringLiteral("(no source)");
    case model::FrequencyUnit::Set:
        return QStringLiteral("(in no set)");
    case model::FrequencyUnit::Variable:
        return QStringLiteral("(no value)");
    default:
        return QStringLiteral("(undated)");
    }
}

ReportTable frequencyTable(
    const model::FrequencyReport &report, const QHash<qint64, QString> &tagNames, FrequencyCount count, bool labelEmpty)
{
    QHash<QString, QHash<qint64, model::FrequencyCell>> cells;
    for (const model::FrequencyCell &cell : report.cells)
        cells[cell.bucket].insert(cell.tagId, cell);
    ReportTable table;
    table.headers = QStringList{model::frequencyByName(report.by), QStringLiteral("articles")};
    for (const qint64 tagId : report.tagIds)
        table.headers.append(tagNames.value(tagId));
    for (qsizetype b = 0; b < report.buckets.size(); ++b) {
        const QString &bucket = report.buckets.at(b);
        const qint64 inBucket = report.bucketArticles.value(b);
        QStringList row = {labelEmpty ? bucketLabel(bucket, report.by) : bucket, QString::number(inBucket)};
        for (const qint64 tagId : report.tagIds) {
            const double v = frequencyValue(cells.value(bucket).value(tagId), inBucket, count);
            row.append(count == FrequencyCount::Share ? QString::number(v, 'f', 1) : QString::number(qint64(v)));
        }
        table.rows.append(row);
    }
    return table;
}

qint64 cooccurrenceCount(const model::CooccurrenceReport &report, qint64 a, qint64 b)
{
    if (a == b) {
        const qsizetype i = report.tagIds.indexOf(a);
        return i >= 0 ? report.totals.value(i) : 0;
    }
    for (const model::CooccurrenceCell &cell : report.cells)
        if ((cell.tagA == a && cell.tagB == b) || (cell.tagA == b && cell.tagB == a))
            return cell.count;
    return 0;
}

ReportTable cooccurrenceMatrix(const model::CooccurrenceReport &report, const QHash<qint64, QString> &tagNames)
{
    QHash<std::pair<qint64, qint64>, qint64> pairs;
    for (const model::CooccurrenceCell &cell : report.cells) {
        pairs.insert({cell.tagA, cell.tagB}, cell.count);
        pairs.insert({cell.tagB, cell.tagA}, cell.count);
    }
    ReportTable table;
    table.headers = QStringList{QStringLiteral("tag")};
    for (const qint64 id : report.tagIds)
        table.headers.append(tagNames.value(id));
    for (qsizetype i = 0; i < report.tagIds.size(); ++i) {
        QStringList row = {tagNames.value(report.tagIds.at(i))};
        for (qsizetype j = 0; j < report.tagIds.size(); ++j)
            row.append(QString::number(
                i == j ? report.totals.value(i) : pairs.value({report.tagIds.at(i), report.tagIds.at(j)})));
        table.rows.append(row);
    }
    return table;
}

ReportTable entityTagTable(const model::CooccurrenceReport &report, const QHash<qint64, QString> &tagNames)
{
    ReportTable table;
    table.headers = QStringList{QStringLiteral("entity"), QStringLiteral("type"), QStringLiteral("tag"),
        QStringLiteral("highlights"), QStringLiteral("articles")};
    for (const model::EntityTagCell &e : report.entities)
        table.rows.append(
            {e.entity, e.type, tagNames.value(e.tagId), QString::number(e.highlights), QString::number(e.articles)});
    return table;
}

QByteArray csvBytes(const ReportTable &table)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    csv::CsvWriter writer(buffer);
    writer.writeRow(table.headers);
    for (const QStringList &row : table.rows)
        writer.writeRow(row);
    writer.finish();
    buffer.close();
    return bytes;
}

QString passagesHtml(const QList<model::Passage> &passages, const QHash<qint64, model::Tag> &tags,
    const QString &project, const QString &scopeText, bool groupByTag, const QDateTime &written)
{
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Passages — %1</title>\n"
        "<style>\n"
        "body{font-family:Georgia,'DejaVu Serif',serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222;"
        "line-height:1.45}\n"
        "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}\n"
        ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;"
        "vertical-align:baseline}\n"
        ".about{color:#666;font-size:.9em}.passage{margin:1em 0 1.4em}\n"
        ".text{margin:0;padding:.3em .8em;border-left:4px solid #ccc}.context{color:#777}\n"
        "mark{padding:0 .1em}.meta{font-family:sans-serif;font-size:.8em;color:#555;margin-top:.3em}\n"
        ".note{font-family:sans-serif;font-size:.85em;background:#f6f6f0;padding:.3em .6em;margin-top:.3em;"
        "white-space:pre-wrap}\n"
        "@media print{body{margin:0;max-width:none}.passage{page-break-inside:avoid}}\n"
        "</style>\n</head>\n<body>\n")
                       .arg(escaped(QFileInfo(project).fileName()));
    html += QStringLiteral("<h1>Passages</h1>\n<p class=\"about\">%1 from %2%3; written %4.</p>\n")
                .arg(escaped(counted(passages.size(), "passage", "passages")), escaped(project),
                    scopeText.isEmpty() ? QString() : u"; " + escaped(scopeText), written.toString(Qt::ISODate));
    qint64 currentTag = -1;
    for (const model::Passage &p : passages) {
        const model::Tag tag = tags.value(p.tagId);
        const QString color = safeColor(tag.color);
        if (groupByTag && p.tagId != currentTag) {
            currentTag = p.tagId;
            qint64 count = 0;
            for (const model::Passage &q : passages)
                count += q.tagId == p.tagId ? 1 : 0;
            html += QStringLiteral("<h2><span class=\"swatch\" style=\"background:%1\"></span>%2 "
                                   "<span class=\"about\">(%3)</span></h2>\n")
                        .arg(color, escaped(tag.name), escaped(counted(count, "passage", "passages")));
        }
        html += QStringLiteral("<div class=\"passage\">\n<p class=\"text\" style=\"border-color:%1\">").arg(color);
        if (!p.before.isEmpty())
            html += u"<span class=\"context\">…" + escaped(p.before) + u"</span>";
        html += QStringLiteral("<mark style=\"background:%1\">%2</mark>").arg(lightColor(color), escaped(p.text));
        if (!p.after.isEmpty())
            html += u"<span class=\"context\">" + escaped(p.after) + u"…</span>";
        html += u"</p>\n<div class=\"meta\">";
        QStringList meta;
        if (!groupByTag)
            meta.append(u"<b>" + escaped(tag.name) + u"</b>");
        meta.append(u"<b>" + escaped(p.title.isEmpty() ? QStringLiteral("(untitled)") : p.title) + u"</b>");
        meta.append(escaped(p.published.isEmpty() ? QStringLiteral("undated") : p.published));
        if (!p.source.isEmpty())
            meta.append(escaped(p.source));
        meta.append(QStringLiteral("article %1, %2–%3").arg(p.articleId).arg(p.start).arg(p.end));
        if (!p.coder.isEmpty())
            meta.append(u"coded by " + escaped(p.coder));
        html += meta.join(QStringLiteral(" · ")) + u"</div>\n";
        if (!p.note.isEmpty())
            html += u"<div class=\"note\">" + escaped(p.note) + u"</div>\n";
        html += u"</div>\n";
    }
    if (passages.isEmpty())
        html += u"<p>No passages.</p>\n";
    html += u"</body>\n</html>\n";
    return html;
}

} // namespace gloss::analysis
