#include "interchange/annotationimporter.h"

#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "interchange/exporter.h"
#include "model/tag.h"
#include "project.h"
#include "storage/annotationrepository.h"
#include "storage/error.h"
#include "storage/exportrepository.h"
#include "storage/transaction.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace gloss::interchange {

namespace {

// Columns shared by the two highlight layouts.
enum Column {
    ArticleId,
    ArticleTitle,
    Published,
    Source,
    HighlightId,
    Start,
    End,
    Text,
    Tags,
    Note,
    Coder,
    Created,
    Modified,
    ColumnCount
};

struct Row
{
    int number = 0;
    QStringList cells; // unguarded
    QString rawText; // the text cell as written, for a file whose guard cannot be told apart
};

// The rows of one exported highlight (one per tag in the `highlights` layout).
struct Group
{
    QList<Row> rows;
};

QString quoted(const QString &text)
{
    constexpr int Max = 60;
    QString t = text;
    t.replace(u'\n', u' ');
    if (t.size() > Max)
        t = t.left(Max - 1) + QChar(0x2026);
    return u'"' + t + u'"';
}

} // namespace

AnnotationImportReport AnnotationImporter::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        AnnotationImportReport report;
        report.error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return report;
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        AnnotationImportReport report;
        report.error
            = QStringLiteral("%1: not UTF-8 text; export it again from Gloss or save it as CSV UTF-8").arg(path);
        return report;
    }
    return importText(text, path);
}

AnnotationImportReport AnnotationImporter::importText(const QString &text, const QString &name)
{
    AnnotationImportReport report;
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
        report.error = QStringLiteral("%1: %2").arg(name, reader.error());
        return report;
    }
    if (records.isEmpty()) {
        report.error = QStringLiteral("%1: the file is empty").arg(name);
        return report;
    }
    const QStringList header = records.first();
    bool wide = false;
    if (header == headerOf(Layout::HighlightsWide)) {
        wide = true;
    } else if (header != headerOf(Layout::Highlights)) {
        report.error = QStringLiteral(
            "%1: not a highlights or highlights-wide export from Gloss (its first row should be \"%2\")")
                           .arg(name, headerOf(Layout::Highlights).join(u','));
        return report;
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
        ++report.rows;
        Row row;
        row.number = numbers.at(i);
        const QStringList &cells = records.at(i);
        if (cells.size() != ColumnCount) {
            report.refused.append(
                {row.number, QStringLiteral("has %1 fields, not %2").arg(cells.size()).arg(int(ColumnCount))});
            continue;
        }
        for (const QString &cell : cells)
            row.cells.append(guarded ? csv::CsvWriter::unguard(cell) : cell);
        row.rawText = cells.at(Text);
        const QString key = row.cells.at(HighlightId).trimmed();
        if (!key.isEmpty()) {
            if (const auto it = groupOf.constFind(key); it != groupOf.constEnd()) {
                groups[*it].rows.append(row);
                continue;
            }
            groupOf.insert(key, groups.size());
        }
        groups.append({{row}});
    }

    storage::Database &db = m_project.db();
    storage::AnnotationRepository lookup(db);
    storage::Transaction tx(db);
    // Existing tags by full path, so that a tag is found even where its name alone is ambiguous.
    QHash<QString, qint64> tagByPath;
    {
        QHash<qint64, QString> paths;
        const QList<model::Tag> tags = storage::ExportRepository(db).codebook();
        for (const model::Tag &t : tags) {
            const QString path = t.parentId ? paths.value(t.parentId) + model::TagPathSeparator + t.name : t.name;
            paths.insert(t.id, path);
            tagByPath.insert(path, t.id);
        }
        report.tagsCreated = -int(tags.size());
    }
    QSet<qint64> created; // highlights made by this import: not duplicates of the file's own rows

    auto refuse = [&](const Group &g, const QString &reason) {
        for (const Row &r : g.rows)
            report.refused.append({r.number, reason});
    };

    for (const Group &g : std::as_const(groups)) {
        const Row &first = g.rows.first();
        const QStringList &c = first.cells;
        bool okStart = false;
        bool okEnd = false;
        const qint64 start = c.at(Start).trimmed().toLongLong(&okStart);
        const qint64 end = c.at(End).trimmed().toLongLong(&okEnd);
        if (!okStart || !okEnd || start < 0 || end <= start) {
            refuse(g,
                QStringLiteral("start and end must be whole numbers with start < end, not \"%1\" and \"%2\"")
                    .arg(c.at(Start), c.at(End)));
            continue;
        }
        QDate published;
        if (!c.at(Published).trimmed().isEmpty()) {
            published = QDate::fromString(c.at(Published).trimmed(), Qt::ISODate);
            if (!published.isValid()) {
                refuse(g, QStringLiteral("published \"%1\" is not a date as YYYY-MM-DD").arg(c.at(Published)));
                continue;
            }
        }
        const QString &title = c.at(ArticleTitle);

        // The article: by id when it is the same article, else by title and date.
        QList<qint64> candidates;
        bool okId = false;
        const qint64 articleId = c.at(ArticleId).trimmed().toLongLong(&okId);
        if (okId) {
            if (const auto a = lookup.article(articleId); a && a->title == title && a->published == published)
                candidates.append(articleId);
        }
        if (candidates.isEmpty())
            candidates = lookup.articlesByTitle(title, published);
        if (candidates.isEmpty()) {
            refuse(g,
                QStringLiteral("no article titled %1 published %2 in the project")
                    .arg(quoted(title),
                        published.isValid() ? published.toString(Qt::ISODate) : QStringLiteral("on no date")));
            continue;
        }
        QStringList texts = {c.at(Text)};
        if (first.rawText != c.at(Text))
            texts.append(first.rawText);
        qint64 target = 0;
        std::optional<QString> found;
        for (const qint64 candidate : std::as_const(candidates)) {
            found = lookup.textAt(candidate, start, end);
            if (found && texts.contains(*found)) {
                target = candidate;
                break;
            }
        }
        if (target == 0) {
            if (candidates.size() > 1)
                refuse(g,
                    QStringLiteral("none of the %1 articles titled %2 has the text %3 at %4..%5")
                        .arg(candidates.size())
                        .arg(quoted(title), quoted(c.at(Text)))
                        .arg(start)
                        .arg(end));
            else if (!found)
                refuse(g,
                    QStringLiteral("%1..%2 is not inside article %3 (%4)")
                        .arg(start)
                        .arg(end)
                        .arg(candidates.first())
                        .arg(quoted(title)));
            else
                refuse(g,
                    QStringLiteral("the text at %1..%2 of article %3 is now %4, not %5")
                        .arg(start)
                        .arg(end)
                        .arg(candidates.first())
                        .arg(quoted(*found), quoted(c.at(Text))));
            continue;
        }

        try {
            storage::Transaction step(db); // a savepoint: a failure undoes this highlight only
            QStringList paths;
            for (const Row &r : g.rows) {
                const QString cell = r.cells.at(Tags);
                const QStringList parts = wide ? cell.split(QStringLiteral("; ")) : QStringList{cell};
                for (const QString &p : parts) {
                    const QString path = p.trimmed();
                    if (!path.isEmpty() && !paths.contains(path))
                        paths.append(path);
                }
            }
            QList<qint64> tagIds;
            for (const QString &path : std::as_const(paths)) {
                qint64 id = tagByPath.value(path);
                if (id == 0) {
                    id = m_project.tags().ensure(path);
                    tagByPath.insert(path, id);
                }
                if (!tagIds.contains(id))
                    tagIds.append(id);
            }
            const QString &note = c.at(Note);
            const QString &coder = c.at(Coder);
            bool duplicate = false;
            QList<qint64> wanted = tagIds;
            std::sort(wanted.begin(), wanted.end());
            for (const qint64 existing : lookup.highlightsAt(target, start, end)) {
                if (created.contains(existing))
                    continue;
                const auto h = m_project.highlights().get(existing);
                if (!h)
                    continue;
                QList<qint64> have = h->tagIds;
                std::sort(have.begin(), have.end());
                if (have == wanted && h->note == note && h->coder == coder) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) {
                ++report.duplicates;
                step.commit();
                continue;
            }
            model::Highlight h;
            h.articleId = target;
            h.start = start;
            h.end = end;
            h.tagIds = tagIds;
            h.note = note;
            h.coder = coder;
            const QDateTime createdAt = QDateTime::fromString(c.at(Created).trimmed(), Qt::ISODate);
            const QDateTime modifiedAt = QDateTime::fromString(c.at(Modified).trimmed(), Qt::ISODate);
            h.created = createdAt;
            h.modified = modifiedAt;
            m_project.highlights().add(h);
            if (createdAt.isValid() || modifiedAt.isValid())
                lookup.setTimes(h.id, createdAt.isValid() ? createdAt : h.created,
                    modifiedAt.isValid() ? modifiedAt : (createdAt.isValid() ? createdAt : h.created));
            created.insert(h.id);
            ++report.highlightsCreated;
            step.commit();
        } catch (const storage::StorageError &e) {
            refuse(g, e.message());
        }
    }
    report.tagsCreated += int(storage::ExportRepository(db).codebook().size());
    tx.commit();
    std::sort(report.refused.begin(), report.refused.end(),
        [](const ImportRefusal &a, const ImportRefusal &b) { return a.row < b.row; });
    return report;
}

} // namespace gloss::interchange
