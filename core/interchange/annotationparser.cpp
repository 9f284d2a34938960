#include "interchange/annotationparser.h"

#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "interchange/layout.h"
#include "model/tag.h"

#include <QHash>

#include <algorithm>

namespace gloss::interchange {

namespace {

using Column = HighlightColumn;

// A data row of the file, its cells unguarded.
struct Row
{
    int number = 0;
    QStringList cells;
    QString rawText; // the text cell as written

    const QString &cell(Column column) const { return cells.at(int(column)); }
};

// The rows of one exported highlight, in the order they appear.
using Group = QList<Row>;

void refuse(ParsedAnnotations &parsed, const Group &group, const QString &reason)
{
    for (const Row &r : group)
        parsed.refused.append({r.number, reason});
}

// Folds a highlight's rows into one record; false (with the rows refused) when its cells say no
// highlight: the first row gives everything but the tags, which every row adds to.
bool readRecord(const Group &group, bool wide, ParsedAnnotations &parsed, HighlightRecord &record)
{
    const Row &first = group.first();
    bool okStart = false;
    bool okEnd = false;
    record.start = first.cell(Column::Start).trimmed().toLongLong(&okStart);
    record.end = first.cell(Column::End).trimmed().toLongLong(&okEnd);
    if (!okStart || !okEnd || record.start < 0 || record.end <= record.start) {
        refuse(parsed, group,
            QStringLiteral("start and end must be whole numbers with start < end, not \"%1\" and \"%2\"")
                .arg(first.cell(Column::Start), first.cell(Column::End)));
        return false;
    }
    if (const QString published = first.cell(Column::Published).trimmed(); !published.isEmpty()) {
        record.published = QDate::fromString(published, Qt::ISODate);
        if (!record.published.isValid()) {
            refuse(parsed, group,
                QStringLiteral("published \"%1\" is not a date as YYYY-MM-DD").arg(first.cell(Column::Published)));
            return false;
        }
    }
    bool okId = false;
    record.articleId = first.cell(Column::ArticleId).trimmed().toLongLong(&okId);
    if (!okId)
        record.articleId = 0;
    record.title = first.cell(Column::ArticleTitle);
    record.text = first.cell(Column::Text);
    record.rawText = first.rawText;
    for (const Row &r : group) {
        const QString cell = r.cell(Column::Tags);
        const QStringList parts = wide ? cell.split(model::TagListSeparator) : QStringList{cell};
        for (const QString &p : parts) {
            const QString path = p.trimmed();
            if (!path.isEmpty() && !record.tagPaths.contains(path))
                record.tagPaths.append(path);
        }
        record.rows.append(r.number);
    }
    record.note = first.cell(Column::Note);
    record.coder = first.cell(Column::Coder);
    record.created = QDateTime::fromString(first.cell(Column::Created).trimmed(), Qt::ISODate);
    record.modified = QDateTime::fromString(first.cell(Column::Modified).trimmed(), Qt::ISODate);
    return true;
}

} // namespace

ParsedAnnotations parseAnnotations(const QString &text, const QString &name)
{
    ParsedAnnotations parsed;
    csv::CsvReader reader(text);
    QList<QStringList> records;
    QList<int> numbers;
    QStringList fields;
    int line = 0;
    int record = 0;
    while (reader.next(fields, line)) {
        ++record; // a blank line is a row in a spreadsheet too
        if (fields.size() == 1 && fields.first().isEmpty())
            continue;
        records.append(fields);
        numbers.append(record);
    }
    if (!reader.error().isEmpty()) {
        parsed.error = QStringLiteral("%1: %2").arg(name, reader.error());
        return parsed;
    }
    if (records.isEmpty()) {
        parsed.error = QStringLiteral("%1: the file is empty").arg(name);
        return parsed;
    }
    const QStringList header = records.first();
    bool wide = false;
    if (header == headerOf(Layout::HighlightsWide)) {
        wide = true;
    } else if (header != headerOf(Layout::Highlights)) {
        parsed.error = QStringLiteral(
            "%1: not a highlights or highlights-wide export from Gloss (its first row should be \"%2\")")
                           .arg(name, headerOf(Layout::Highlights).join(u','));
        return parsed;
    }

    // A guarded file has no cell that a spreadsheet would run as a formula; a raw one may have.
    bool guarded = true;
    for (qsizetype i = 1; i < records.size() && guarded; ++i)
        for (const QString &cell : records.at(i))
            if (!cell.startsWith(u'\'') && csv::CsvWriter::needsGuard(cell)) {
                guarded = false;
                break;
            }

    // Group the rows of each exported highlight, in the order they first appear.
    QList<Group> groups;
    QHash<QString, qsizetype> groupOf;
    for (qsizetype i = 1; i < records.size(); ++i) {
        ++parsed.rows;
        Row row;
        row.number = numbers.at(i);
        const QStringList &cells = records.at(i);
        if (cells.size() != HighlightColumnCount) {
            parsed.refused.append(
                {row.number, QStringLiteral("has %1 fields, not %2").arg(cells.size()).arg(HighlightColumnCount)});
            continue;
        }
        for (const QString &cell : cells)
            row.cells.append(guarded ? csv::CsvWriter::unguard(cell) : cell);
        row.rawText = cells.at(int(Column::Text));
        // The rows of one highlight share its id and every cell but the tag. Rows with one id but
        // another article, span, text, note, coder or time are other highlights (two coders'
        // exports of copies of one project, concatenated, repeat ids): never folded into one.
        QString key = row.cell(Column::HighlightId).trimmed();
        if (!key.isEmpty()) {
            for (int c = 0; c < HighlightColumnCount; ++c)
                if (c != int(Column::Tags) && c != int(Column::HighlightId))
                    key += u'\x1f' + row.cells.at(c);
            if (const auto it = groupOf.constFind(key); it != groupOf.constEnd()) {
                groups[*it].append(row);
                continue;
            }
            groupOf.insert(key, groups.size());
        }
        groups.append({row});
    }

    for (const Group &group : std::as_const(groups)) {
        HighlightRecord highlight;
        if (readRecord(group, wide, parsed, highlight))
            parsed.highlights.append(highlight);
    }
    std::stable_sort(parsed.refused.begin(), parsed.refused.end(),
        [](const ImportRefusal &a, const ImportRefusal &b) { return a.row < b.row; });
    return parsed;
}

} // namespace gloss::interchange
