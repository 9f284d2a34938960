#include "interchange/exporter.h"

#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "model/tag.h"
#include "storage/database.h"
#include "storage/error.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

namespace gloss::interchange {

namespace {

constexpr qint64 ProgressEvery = 4096;

struct LayoutInfo
{
    Layout layout;
    const char *name;
    const char *header;
};

const LayoutInfo Layouts[] = {
    {Layout::Highlights, "highlights",
        "article_id,article_title,published,source,highlight_id,start,end,text,tag,note,coder,created,modified"},
    {Layout::HighlightsWide, "highlights-wide",
        "article_id,article_title,published,source,highlight_id,start,end,text,tags,note,coder,created,modified"},
    {Layout::Articles, "articles",
        "article_id,title,published,retrieved,dateline,source,url,words,tags,note,highlights,entities"},
    {Layout::Codebook, "codebook", "tag,parent,color,description,highlights,articles"},
    {Layout::Entities, "entities", "entity,type,aliases,articles,mentions,first_published,last_published"},
};

// Every tag's full path ("Parent > Child") as UTF-8, by id, in codebook order.
struct Codebook
{
    QList<model::Tag> tags;
    QHash<qint64, QByteArray> paths;
};

Codebook loadCodebook(storage::Database &db)
{
    Codebook book;
    book.tags = storage::ExportRepository(db).codebook(); // parents before children
    QHash<qint64, QString> paths;
    for (const model::Tag &t : std::as_const(book.tags)) {
        const QString path = t.parentId ? paths.value(t.parentId) + model::TagPathSeparator + t.name : t.name;
        paths.insert(t.id, path);
        book.paths.insert(t.id, path.toUtf8());
    }
    return book;
}

// "3,7" -> "Actors > Officials; Arrival", in the order given.
QByteArray joinPaths(QByteArrayView ids, const QHash<qint64, QByteArray> &paths)
{
    QByteArray out;
    for (const QByteArrayView id : QByteArray::fromRawData(ids.data(), ids.size()).split(',')) {
        const auto it = paths.constFind(id.toLongLong());
        if (it == paths.constEnd())
            continue;
        if (!out.isEmpty())
            out += "; ";
        out += *it;
    }
    return out;
}

QByteArray joinSortedPaths(QByteArrayView ids, const QHash<qint64, QByteArray> &paths)
{
    QList<QByteArray> list;
    for (const QByteArrayView id : QByteArray::fromRawData(ids.data(), ids.size()).split(','))
        if (const auto it = paths.constFind(id.toLongLong()); it != paths.constEnd())
            list.append(*it);
    std::sort(list.begin(), list.end());
    return list.join("; ");
}

} // namespace

QStringList layoutNames()
{
    QStringList names;
    for (const LayoutInfo &l : Layouts)
        names.append(QString::fromLatin1(l.name));
    return names;
}

QString layoutName(Layout layout)
{
    for (const LayoutInfo &l : Layouts)
        if (l.layout == layout)
            return QString::fromLatin1(l.name);
    return {};
}

std::optional<Layout> layoutFromName(const QString &name)
{
    for (const LayoutInfo &l : Layouts)
        if (name == QLatin1String(l.name))
            return l.layout;
    return std::nullopt;
}

QStringList headerOf(Layout layout, bool withBody)
{
    for (const LayoutInfo &l : Layouts) {
        if (l.layout != layout)
            continue;
        QStringList header = QString::fromLatin1(l.header).split(u',');
        if (withBody && layout == Layout::Articles)
            header.append(QStringLiteral("body"));
        return header;
    }
    return {};
}

bool Exporter::writeRows(QIODevice &device, const ExportOptions &options, const ExportProgress &progress, qint64 limit,
    qint64 &rows, bool &deviceOk)
{
    csv::CsvWriter writer(device, {options.bom, options.raw});
    for (const QString &h : headerOf(options.layout, options.withBody))
        writer.writeField(QByteArrayView(h.toLatin1()));
    writer.endRow();

    storage::ExportRepository repo(m_db);
    const Codebook book = loadCodebook(m_db);
    const storage::ExportScope &scope = options.scope;
    bool complete = true;
    qint64 done = 0;
    qint64 total = 0;
    // Reports progress now and then; false when the caller cancelled.
    auto report = [&](bool force) {
        if (!progress || (!force && done % ProgressEvery != 0))
            return true;
        return progress(done, total);
    };
    auto full = [&] { return limit >= 0 && writer.rows() - 1 >= limit; };

    switch (options.layout) {
    case Layout::Highlights:
    case Layout::HighlightsWide: {
        const bool wide = options.layout == Layout::HighlightsWide;
        if (progress)
            total = repo.countHighlights(scope);
        QHash<QByteArray, QByteArray> joined; // tag id lists recur: join each once
        qint64 lastHighlight = 0;
        complete = repo.highlights(scope, wide, [&](const storage::HighlightExportRow &r) {
            if (full())
                return false;
            if (r.highlightId != lastHighlight) {
                lastHighlight = r.highlightId;
                ++done;
                if (!report(false))
                    return false;
            }
            writer.writeNumber(r.articleId);
            writer.writeField(r.title);
            writer.writeField(r.published);
            writer.writeField(r.source);
            writer.writeNumber(r.highlightId);
            writer.writeNumber(r.start);
            writer.writeNumber(r.end);
            writer.writeField(r.text);
            if (wide) {
                if (r.tagIds.isEmpty()) {
                    writer.writeEmpty();
                } else {
                    const QByteArray key = r.tagIds.toByteArray();
                    auto it = joined.find(key);
                    if (it == joined.end())
                        it = joined.insert(key, joinPaths(r.tagIds, book.paths));
                    writer.writeField(*it);
                }
            } else if (r.tagId == 0) {
                writer.writeEmpty();
            } else {
                writer.writeField(book.paths.value(r.tagId));
            }
            writer.writeField(r.note);
            writer.writeField(r.coder);
            writer.writeField(r.created);
            writer.writeField(r.modified);
            writer.endRow();
            return writer.ok();
        });
        break;
    }
    case Layout::Articles: {
        if (progress)
            total = repo.countArticles(scope);
        complete = repo.articles(scope, options.withBody, [&](const storage::ArticleExportRow &r) {
            if (full())
                return false;
            ++done;
            if (!report(false))
                return false;
            writer.writeNumber(r.id);
            writer.writeField(r.title);
            writer.writeField(r.published);
            writer.writeField(r.retrieved);
            writer.writeField(r.dateline);
            writer.writeField(r.source);
            writer.writeField(r.url);
            writer.writeNumber(r.words);
            writer.writeField(joinSortedPaths(r.tagIds, book.paths));
            writer.writeField(r.note);
            writer.writeNumber(r.highlights);
            writer.writeNumber(r.entities);
            if (options.withBody)
                writer.writeField(r.body);
            writer.endRow();
            return writer.ok();
        });
        break;
    }
    case Layout::Codebook: {
        const QHash<qint64, storage::TagUsage> usage = repo.tagUsage(scope);
        total = book.tags.size();
        for (const model::Tag &t : book.tags) {
            if (full() || !writer.ok()) {
                complete = false;
                break;
            }
            ++done;
            if (!report(false)) {
                complete = false;
                break;
            }
            const storage::TagUsage u = usage.value(t.id);
            writer.writeField(book.paths.value(t.id));
            if (t.parentId)
                writer.writeField(book.paths.value(t.parentId));
            else
                writer.writeEmpty();
            writer.writeField(t.color);
            writer.writeField(t.description);
            writer.writeNumber(u.highlights);
            writer.writeNumber(u.articles);
            writer.endRow();
        }
        break;
    }
    case Layout::Entities: {
        if (progress)
            total = repo.countEntities(scope);
        complete = repo.entities(scope, [&](const storage::EntityExportRow &r) {
            if (full())
                return false;
            ++done;
            if (!report(false))
                return false;
            writer.writeField(r.name);
            writer.writeField(r.type);
            writer.writeField(r.aliases.join(QStringLiteral("; ")));
            writer.writeNumber(r.articles);
            writer.writeNumber(r.mentions);
            writer.writeField(r.firstPublished);
            writer.writeField(r.lastPublished);
            writer.endRow();
            return writer.ok();
        });
        break;
    }
    }
    writer.finish();
    deviceOk = writer.ok();
    rows = writer.rows() - 1;
    if (complete && deviceOk && progress)
        progress(done, total);
    return complete || full();
}

ExportResult Exporter::write(
    QIODevice &device, const ExportOptions &options, const ExportProgress &progress, const QString &deviceName)
{
    ExportResult result;
    bool deviceOk = true;
    try {
        result.cancelled = !writeRows(device, options, progress, -1, result.rows, deviceOk);
    } catch (const storage::StorageError &e) {
        result.error = QStringLiteral("%1: %2").arg(m_db.path(), e.message());
        return result;
    }
    if (!deviceOk) {
        result.cancelled = false;
        result.error = QStringLiteral("%1: cannot write (%2)").arg(deviceName, device.errorString());
    }
    return result;
}

ExportResult Exporter::writeFile(const QString &path, const ExportOptions &options, const ExportProgress &progress)
{
    ExportResult result;
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        result.error = QStringLiteral("%1: the folder %2 does not exist")
                           .arg(path, QDir::toNativeSeparators(info.absolutePath()));
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("%1: is a folder; give a file name").arg(path);
        return result;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return result;
    }
    result = write(file, options, progress, path);
    if (!result.ok()) {
        file.cancelWriting();
        return result;
    }
    if (!file.commit())
        result.error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
    return result;
}

QList<QStringList> Exporter::preview(const ExportOptions &options, int rows)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    qint64 written = 0;
    bool deviceOk = true;
    writeRows(buffer, options, {}, rows, written, deviceOk);
    csv::CsvReader reader(QString::fromUtf8(buffer.data()));
    QList<QStringList> out;
    QStringList fields;
    int line = 0;
    while (reader.next(fields, line))
        out.append(fields);
    return out;
}

} // namespace gloss::interchange
