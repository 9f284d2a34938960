#include "interchange/exporter.h"

#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "model/tag.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

namespace gloss::interchange {

namespace {

constexpr qint64 ProgressEvery = 4096;

// Every tag's full path ("Parent > Child") as UTF-8, by id, in codebook order.
struct Codebook
{
    QList<model::Tag> tags;
    QHash<qint64, QByteArray> paths;
};

Codebook loadCodebook(ExportSource &source)
{
    Codebook book;
    book.tags = source.codebook(); // parents before children
    const QHash<qint64, QString> paths = model::tagPaths(book.tags);
    for (auto it = paths.cbegin(); it != paths.cend(); ++it)
        book.paths.insert(it.key(), it.value().toUtf8());
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
            out += model::TagListSeparator.toUtf8();
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
    return list.join(model::TagListSeparator.toUtf8());
}

} // namespace

bool Exporter::writeRows(QIODevice &device, const ExportOptions &options, const ExportProgress &progress, qint64 limit,
    qint64 &rows, bool &deviceOk)
{
    ExportSource &repo = m_source;
    const model::ExportScope &scope = options.scope;
    // The articles layout has a column "var_NAME" for each variable its articles have, before the
    // body (which stays last, as the widest column).
    const QStringList variables = options.layout == Layout::Articles ? repo.variableNames(scope) : QStringList();
    QStringList header = headerOf(options.layout, options.withBody);
    for (qsizetype v = 0; v < variables.size(); ++v)
        header.insert(int(ArticleColumn::Body) + v, VariablePrefix + variables.at(v));

    csv::CsvWriter writer(device, {options.bom, options.raw});
    for (const QString &h : std::as_const(header))
        writer.writeField(QByteArrayView(h.toUtf8()));
    writer.endRow();

    const Codebook book = loadCodebook(m_source);
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
        complete = repo.highlights(scope, wide, [&](const model::HighlightExportRow &r) {
            if (full())
                return false;
            if (r.highlightId != lastHighlight) {
                lastHighlight = r.highlightId;
                ++done;
                if (!report(false))
                    return false;
            }
            for (int column = 0; column < HighlightColumnCount; ++column) {
                switch (HighlightColumn(column)) {
                case HighlightColumn::ArticleId:
                    writer.writeNumber(r.articleId);
                    break;
                case HighlightColumn::ArticleTitle:
                    writer.writeField(r.title);
                    break;
                case HighlightColumn::Published:
                    writer.writeField(r.published);
                    break;
                case HighlightColumn::Source:
                    writer.writeField(r.source);
                    break;
                case HighlightColumn::HighlightId:
                    writer.writeNumber(r.highlightId);
                    break;
                case HighlightColumn::Start:
                    writer.writeNumber(r.start);
                    break;
                case HighlightColumn::End:
                    writer.writeNumber(r.end);
                    break;
                case HighlightColumn::Text:
                    writer.writeField(r.text);
                    break;
                case HighlightColumn::Tags:
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
                    break;
                case HighlightColumn::Note:
                    writer.writeField(r.note);
                    break;
                case HighlightColumn::Coder:
                    writer.writeField(r.coder);
                    break;
                case HighlightColumn::Created:
                    writer.writeField(r.created);
                    break;
                case HighlightColumn::Modified:
                    writer.writeField(r.modified);
                    break;
                }
            }
            writer.endRow();
            return writer.ok();
        });
        break;
    }
    case Layout::Articles: {
        const int columns = columnCount(Layout::Articles, options.withBody);
        if (progress)
            total = repo.countArticles(scope);
        complete = repo.articles(scope, options.withBody, variables, [&](const model::ArticleExportRow &r) {
            if (full())
                return false;
            ++done;
            if (!report(false))
                return false;
            for (int column = 0; column < columns; ++column) {
                switch (ArticleColumn(column)) {
                case ArticleColumn::Id:
                    writer.writeNumber(r.id);
                    break;
                case ArticleColumn::Title:
                    writer.writeField(r.title);
                    break;
                case ArticleColumn::Published:
                    writer.writeField(r.published);
                    break;
                case ArticleColumn::Retrieved:
                    writer.writeField(r.retrieved);
                    break;
                case ArticleColumn::Dateline:
                    writer.writeField(r.dateline);
                    break;
                case ArticleColumn::Source:
                    writer.writeField(r.source);
                    break;
                case ArticleColumn::Url:
                    writer.writeField(r.url);
                    break;
                case ArticleColumn::Words:
                    writer.writeNumber(r.words);
                    break;
                case ArticleColumn::Tags:
                    writer.writeField(joinSortedPaths(r.tagIds, book.paths));
                    break;
                case ArticleColumn::Note:
                    writer.writeField(r.note);
                    break;
                case ArticleColumn::Highlights:
                    writer.writeNumber(r.highlights);
                    break;
                case ArticleColumn::Entities:
                    static_assert(int(ArticleColumn::Entities) + 1 == int(ArticleColumn::Body),
                        "the variables' columns come between entities and body");
                    writer.writeNumber(r.entities);
                    for (const QByteArrayView value : r.variables)
                        writer.writeField(value);
                    break;
                case ArticleColumn::Body:
                    writer.writeField(r.body);
                    break;
                }
            }
            writer.endRow();
            return writer.ok();
        });
        break;
    }
    case Layout::Codebook: {
        const QHash<qint64, model::TagUsage> usage = repo.tagUsage(scope);
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
            const model::TagUsage u = usage.value(t.id);
            for (int column = 0; column < CodebookColumnCount; ++column) {
                switch (CodebookColumn(column)) {
                case CodebookColumn::Tag:
                    writer.writeField(book.paths.value(t.id));
                    break;
                case CodebookColumn::Parent:
                    if (t.parentId)
                        writer.writeField(book.paths.value(t.parentId));
                    else
                        writer.writeEmpty();
                    break;
                case CodebookColumn::Color:
                    writer.writeField(t.color);
                    break;
                case CodebookColumn::Description:
                    writer.writeField(t.description);
                    break;
                case CodebookColumn::Highlights:
                    writer.writeNumber(u.highlights);
                    break;
                case CodebookColumn::Articles:
                    writer.writeNumber(u.articles);
                    break;
                }
            }
            writer.endRow();
        }
        break;
    }
    case Layout::Entities: {
        if (progress)
            total = repo.countEntities(scope);
        complete = repo.entities(scope, [&](const model::EntityExportRow &r) {
            if (full())
                return false;
            ++done;
            if (!report(false))
                return false;
            for (int column = 0; column < EntityColumnCount; ++column) {
                switch (EntityColumn(column)) {
                case EntityColumn::Entity:
                    writer.writeField(r.name);
                    break;
                case EntityColumn::Type:
                    writer.writeField(r.type);
                    break;
                case EntityColumn::Aliases:
                    writer.writeField(r.aliases.join(model::TagListSeparator));
                    break;
                case EntityColumn::Articles:
                    writer.writeNumber(r.articles);
                    break;
                case EntityColumn::Mentions:
                    writer.writeNumber(r.mentions);
                    break;
                case EntityColumn::FirstPublished:
                    writer.writeField(r.firstPublished);
                    break;
                case EntityColumn::LastPublished:
                    writer.writeField(r.lastPublished);
                    break;
                }
            }
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
    result.cancelled = !writeRows(device, options, progress, -1, result.rows, deviceOk);
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
