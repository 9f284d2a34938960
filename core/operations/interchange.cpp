#include "operations/interchange.h"

#include "interchange/annotationlookup.h"
#include "interchange/annotationmatcher.h"
#include "interchange/annotationparser.h"
#include "model/tag.h"
#include "operations/agreement.h"
#include "operations/backups.h"
#include "operations/writer.h"
#include "storage/annotationrepository.h"
#include "storage/error.h"
#include "storage/exportrepository.h"
#include "storage/store.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace gloss::operations {

namespace {

// The export's reads, from the project's storage.
class StoredExport final : public interchange::ExportSource
{
public:
    explicit StoredExport(Writer &writer)
        : m_writer(writer)
        , m_repo(writer.store().exports())
    { }

    bool highlights(const model::ExportScope &scope, bool wide,
        const std::function<bool(const model::HighlightExportRow &)> &sink) override
    {
        return m_repo.highlights(scope, wide, sink);
    }
    bool articles(const model::ExportScope &scope, bool withBody, const QStringList &variables,
        const std::function<bool(const model::ArticleExportRow &)> &sink) override
    {
        return m_repo.articles(scope, withBody, variables, sink);
    }
    QStringList variableNames(const model::ExportScope &scope) override { return m_repo.variableNames(scope); }
    bool entities(
        const model::ExportScope &scope, const std::function<bool(const model::EntityExportRow &)> &sink) override
    {
        return m_repo.entities(scope, sink);
    }
    QHash<qint64, model::TagUsage> tagUsage(const model::ExportScope &scope) override { return m_repo.tagUsage(scope); }
    QList<model::Tag> codebook() override { return m_repo.codebook(); }
    qint64 countHighlights(const model::ExportScope &scope) override { return m_repo.countHighlights(scope); }
    qint64 countArticles(const model::ExportScope &scope) override { return m_repo.countArticles(scope); }
    qint64 countEntities(const model::ExportScope &scope) override { return m_repo.countEntities(scope); }
    bool matrix(const model::ExportScope &scope, const std::function<bool(const model::MatrixRow &)> &sink) override
    {
        return m_writer.store().reports().matrix(scope, sink);
    }
    model::AgreementReport agreement(const model::AgreementRequest &request, const model::ExportScope &scope) override
    {
        std::optional<QList<qint64>> within;
        if (!scope.isWholeProject()) {
            QList<qint64> ids = m_writer.store().articles().ids(scope.filter, model::ArticleOrder::Published);
            if (!scope.articleIds.isEmpty()) {
                const QSet<qint64> chosen(scope.articleIds.cbegin(), scope.articleIds.cend());
                ids.removeIf([&](qint64 id) { return !chosen.contains(id); });
            }
            within = ids;
        }
        return Agreement(m_writer).report(request, within);
    }

private:
    Writer &m_writer;
    storage::ExportRepository &m_repo;
};

// Where exported highlights go, from the project's storage.
class StoredLookup final : public interchange::AnnotationLookup
{
public:
    explicit StoredLookup(storage::Store &store)
        : m_store(store)
        , m_repo(store.annotationLookups())
    { }

    std::optional<ArticleKey> article(qint64 id) override
    {
        const auto found = m_repo.article(id);
        if (!found)
            return std::nullopt;
        return ArticleKey{found->id, found->title, found->published};
    }
    QList<qint64> articlesByTitle(const QString &title, const QDate &published) override
    {
        return m_repo.articlesByTitle(title, published);
    }
    std::optional<QString> textAt(qint64 articleId, qint64 start, qint64 end) override
    {
        return m_repo.textAt(articleId, start, end);
    }
    QList<model::Highlight> highlightsAt(qint64 articleId, qint64 start, qint64 end) override
    {
        QList<model::Highlight> out;
        for (const qint64 id : m_repo.highlightsAt(articleId, start, end))
            if (const auto h = m_store.highlights().get(id))
                out.append(*h);
        return out;
    }

private:
    storage::Store &m_store;
    storage::AnnotationRepository &m_repo;
};

// True when one of the highlights already there has exactly these tags, note and coder.
bool alreadyThere(const QList<model::Highlight> &existing, QList<qint64> tagIds, const interchange::HighlightRecord &r)
{
    std::sort(tagIds.begin(), tagIds.end());
    for (const model::Highlight &h : existing) {
        QList<qint64> have = h.tagIds;
        std::sort(have.begin(), have.end());
        if (have == tagIds && h.note == r.note && h.coder == r.coder)
            return true;
    }
    return false;
}

// The writes of an annotation import, inside the caller's transaction: creates each placed
// highlight with its tags (creating the missing ones), note, coder and times, unless one of the
// highlights already over its span has the same tags, note and coder. Each highlight is stored in
// a savepoint of its own, so that a failure refuses that highlight's rows only.
void applyAnnotations(storage::Store &store, const QList<interchange::PlacedHighlight> &placed,
    interchange::AnnotationImportReport &report)
{
    // Existing tags by full path, so that a tag is found even where its name alone is ambiguous.
    const QList<model::Tag> codebook = store.exports().codebook();
    QHash<QString, qint64> tagByPath;
    const QHash<qint64, QString> paths = model::tagPaths(codebook);
    for (auto it = paths.cbegin(); it != paths.cend(); ++it)
        tagByPath.insert(it.value(), it.key());

    for (const interchange::PlacedHighlight &p : placed) {
        const interchange::HighlightRecord &r = p.record;
        try {
            storage::Transaction step(store); // a savepoint: a failure undoes this highlight only
            QList<qint64> tagIds;
            for (const QString &path : r.tagPaths) {
                qint64 id = tagByPath.value(path);
                if (id == 0) {
                    id = store.tags().ensure(path);
                    tagByPath.insert(path, id);
                }
                if (!tagIds.contains(id))
                    tagIds.append(id);
            }
            if (alreadyThere(p.existing, tagIds, r)) {
                ++report.duplicates;
                step.commit();
                continue;
            }
            model::Highlight h;
            h.articleId = p.articleId;
            h.start = r.start;
            h.end = r.end;
            h.tagIds = tagIds;
            h.note = r.note;
            h.coder = r.coder;
            h.created = r.created;
            h.modified = r.modified;
            store.highlights().add(h);
            if (r.created.isValid() || r.modified.isValid())
                store.annotationLookups().setTimes(h.id, r.created.isValid() ? r.created : h.created,
                    r.modified.isValid() ? r.modified : (r.created.isValid() ? r.created : h.created));
            ++report.highlightsCreated;
            step.commit();
        } catch (const storage::StorageError &e) {
            for (const int row : r.rows)
                report.refused.append({row, e.message()});
        }
    }
    report.tagsCreated = int(store.exports().codebook().size() - codebook.size());
}

} // namespace

interchange::ExportResult Interchange::exportTo(QIODevice &device, const interchange::ExportOptions &options,
    const interchange::ExportProgress &progress, const QString &deviceName)
{
    StoredExport source(m_writer);
    try {
        return interchange::Exporter(source).write(device, options, progress, deviceName);
    } catch (const storage::StorageError &e) {
        interchange::ExportResult result;
        result.error = QStringLiteral("%1: %2").arg(m_writer.store().location(), e.message());
        return result;
    } catch (const OperationError &e) { // the agreement layouts: nothing to compare
        interchange::ExportResult result;
        result.error = QStringLiteral("%1: %2").arg(m_writer.store().location(), e.message());
        return result;
    }
}

interchange::ExportResult Interchange::exportFile(
    const QString &path, const interchange::ExportOptions &options, const interchange::ExportProgress &progress)
{
    StoredExport source(m_writer);
    try {
        // A read failure unwinds through the temporary file, which is then discarded.
        return interchange::Exporter(source).writeFile(path, options, progress);
    } catch (const storage::StorageError &e) {
        interchange::ExportResult result;
        result.error = QStringLiteral("%1: %2").arg(m_writer.store().location(), e.message());
        return result;
    } catch (const OperationError &e) { // the agreement layouts: nothing to compare
        interchange::ExportResult result;
        result.error = QStringLiteral("%1: %2").arg(m_writer.store().location(), e.message());
        return result;
    }
}

QList<QStringList> Interchange::exportPreview(const interchange::ExportOptions &options, int rows)
{
    return m_writer.read([&] {
        StoredExport source(m_writer);
        return interchange::Exporter(source).preview(options, rows);
    });
}

QList<interchange::AnnotationImportReport> Interchange::importAnnotations(const QStringList &paths)
{
    m_writer.refuseIfReadOnly();
    // A bulk change to the codebook and highlights: a verified backup first.
    const QString project = m_writer.store().location();
    if (const auto backup = Backups(m_writer).takeBefore(QStringLiteral("import-annotations")); !backup.error.isEmpty())
        throw OperationError(OperationError::Kind::Failed,
            QStringLiteral("%1: no backup could be taken first, so nothing was imported (%2)")
                .arg(project, backup.error));
    QList<interchange::AnnotationImportReport> reports;
    for (const QString &path : paths) {
        QString error;
        const QString text = interchange::readAnnotationFile(path, error);
        if (!error.isEmpty()) {
            interchange::AnnotationImportReport report;
            report.error = error;
            reports.append(report);
            continue;
        }
        try {
            reports.append(importAnnotationsText(text, path));
        } catch (const OperationError &e) {
            // The file's transaction rolled back: nothing of it is in the project.
            interchange::AnnotationImportReport report;
            report.error = QStringLiteral("%1: %2").arg(path, e.message());
            reports.append(report);
        }
    }
    return reports;
}

interchange::AnnotationImportReport Interchange::importAnnotationsText(const QString &text, const QString &name)
{
    m_writer.refuseIfReadOnly();
    interchange::AnnotationImportReport report;
    interchange::ParsedAnnotations parsed = interchange::parseAnnotations(text, name);
    report.error = parsed.error;
    report.rows = parsed.rows;
    report.refused = parsed.refused;
    if (!report.error.isEmpty())
        return report;

    // Placing and writing in one transaction: the articles found are still there when written to.
    m_writer.write(Area::Highlights | Area::Codebook | Area::Notes, 0, [&] {
        StoredLookup lookup(m_writer.store());
        const interchange::Placement placement = interchange::placeAnnotations(lookup, parsed.highlights);
        report.refused += placement.refused;
        applyAnnotations(m_writer.store(), placement.placed, report);
    });
    std::sort(report.refused.begin(), report.refused.end(),
        [](const interchange::ImportRefusal &a, const interchange::ImportRefusal &b) { return a.row < b.row; });
    return report;
}

} // namespace gloss::operations
