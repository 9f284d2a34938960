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
    const Codebook book = loadCodebook(m_source);
    // The matrix has a column per tag, by path, in codebook order.
    if (options.layout == Layout::Matrix)
        for (const model::Tag &t : book.tags)
            header.append(QString::fromUtf8(book.paths.value(t.id)));

    csv::CsvWriter writer(device, {options.bom, options.raw});
    for (const QString &h : std::as_const(header))
        writer.writeField(QByteArrayView(h.toUtf8()));
    writer.endRow();

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
    case Layout::Matrix: {
        if (progress)
            total = repo.countArticles(scope);
        QHash<qint64, int> columnOf; // tag id -> its column after the fixed ones
        for (int i = 0; i < book.tags.size(); ++i)
            columnOf.insert(book.tags.at(i).id, i);
        QList<qint64> counts(book.tags.size(), 0);
        complete = repo.matrix(scope, [&](const model::MatrixRow &r) {
            if (full())
                return false;
            ++done;
            if (!report(false))
                return false;
            for (int column = 0; column < MatrixColumnCount; ++column) {
                switch (MatrixColumn(column)) {
                case MatrixColumn::ArticleId:
                    writer.writeNumber(r.articleId);
                    break;
                case MatrixColumn::ArticleTitle:
                    writer.writeField(r.title);
                    break;
                case MatrixColumn::Published:
                    writer.writeField(r.published);
                    break;
                case MatrixColumn::Source:
                    writer.writeField(r.source);
                    break;
                }
            }
            std::fill(counts.begin(), counts.end(), 0);
            for (const QByteArray &cell : QByteArray::fromRawData(r.counts.data(), r.counts.size()).split(',')) {
                const qsizetype colon = cell.indexOf(':');
                if (colon <= 0)
                    continue;
                const auto it = columnOf.constFind(cell.left(colon).toLongLong());
                if (it != columnOf.constEnd())
                    counts[*it] = cell.mid(colon + 1).toLongLong();
            }
            for (const qint64 n : std::as_const(counts))
                writer.writeNumber(n);
            writer.endRow();
            return writer.ok();
        });
        break;
    }
    case Layout::Agreement:
    case Layout::Disagreements: {
        const model::AgreementReport agreement = repo.agreement(options.agreement, scope);
        const QString level = model::agreementLevelName(agreement.level);
        const QString coders = agreement.coders.join(model::TagListSeparator);
        auto decimal = [&](const std::optional<double> &v, double scale = 1) {
            if (v)
                writer.writeDecimal(*v * scale);
            else
                writer.writeEmpty();
        };
        if (options.layout == Layout::Agreement) {
            total = agreement.rows.size();
            for (const model::TagAgreement &r : agreement.rows) {
                if (full() || !writer.ok())
                    break;
                ++done;
                const bool segment = agreement.level == model::AgreementLevel::Segment;
                for (int column = 0; column < AgreementColumnCount; ++column) {
                    switch (AgreementColumn(column)) {
                    case AgreementColumn::Tag:
                        writer.writeField(r.tag);
                        break;
                    case AgreementColumn::Level:
                        writer.writeField(level);
                        break;
                    case AgreementColumn::Coders:
                        writer.writeField(coders);
                        break;
                    case AgreementColumn::Articles:
                        writer.writeNumber(agreement.articles);
                        break;
                    case AgreementColumn::Units:
                        writer.writeNumber(r.units);
                        break;
                    case AgreementColumn::Alpha:
                        decimal(r.alpha);
                        break;
                    case AgreementColumn::Kappa:
                        decimal(agreement.coders.size() == 2 ? r.kappa : std::nullopt);
                        break;
                    case AgreementColumn::Percent:
                        decimal(r.percent, 100);
                        break;
                    case AgreementColumn::Disagreements:
                        writer.writeNumber(r.disagreements);
                        break;
                    case AgreementColumn::Overlap:
                        decimal(segment ? std::optional<double>(agreement.overlap) : std::nullopt);
                        break;
                    case AgreementColumn::Segments:
                        segment ? writer.writeNumber(r.segments) : writer.writeEmpty();
                        break;
                    case AgreementColumn::Matched:
                        segment ? writer.writeNumber(r.matched) : writer.writeEmpty();
                        break;
                    }
                }
                writer.endRow();
            }
            break;
        }
        total = agreement.disagreements.size();
        for (const model::Disagreement &d : agreement.disagreements) {
            if (full() || !writer.ok())
                break;
            ++done;
            if (!report(false)) {
                complete = false;
                break;
            }
            QStringList by, notBy;
            for (const model::CoderPart &p : d.parts)
                (p.applied() ? by : notBy).append(p.coder);
            for (int column = 0; column < DisagreementColumnCount; ++column) {
                switch (DisagreementColumn(column)) {
                case DisagreementColumn::ArticleId:
                    writer.writeNumber(d.articleId);
                    break;
                case DisagreementColumn::ArticleTitle:
                    writer.writeField(d.title);
                    break;
                case DisagreementColumn::Tag:
                    writer.writeField(d.tag);
                    break;
                case DisagreementColumn::Level:
                    writer.writeField(level);
                    break;
                case DisagreementColumn::Start:
                    d.start < 0 ? writer.writeEmpty() : writer.writeNumber(d.start);
                    break;
                case DisagreementColumn::End:
                    d.end < 0 ? writer.writeEmpty() : writer.writeNumber(d.end);
                    break;
                case DisagreementColumn::Text:
                    writer.writeField(d.text);
                    break;
                case DisagreementColumn::CodedBy:
                    writer.writeField(by.join(model::TagListSeparator));
                    break;
                case DisagreementColumn::NotCodedBy:
                    writer.writeField(notBy.join(model::TagListSeparator));
                    break;
                case DisagreementColumn::Detail:
                    writer.writeField(model::describeParts(d.parts));
                    break;
                }
            }
            writer.endRow();
        }
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
