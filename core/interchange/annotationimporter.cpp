#include "interchange/annotationimporter.h"

#include "interchange/annotationapply.h"
#include "interchange/annotationmatcher.h"
#include "operations/project.h"
#include "storage/store.h"
#include "storage/transaction.h"

#include <QFile>
#include <QStringDecoder>

#include <algorithm>

namespace gloss::interchange {

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
    ParsedAnnotations parsed = parseAnnotations(text, name);
    report.error = parsed.error;
    report.rows = parsed.rows;
    report.refused = parsed.refused;
    if (!report.error.isEmpty())
        return report;

    // Placing and writing in one transaction: the articles found are still there when written to.
    storage::Transaction tx(m_project.store().db());
    const Placement placement = placeAnnotations(m_project, parsed.highlights);
    report.refused += placement.refused;
    const AppliedAnnotations applied = applyAnnotations(m_project, placement.placed);
    tx.commit();
    report.highlightsCreated = applied.highlightsCreated;
    report.duplicates = applied.duplicates;
    report.tagsCreated = applied.tagsCreated;
    report.refused += applied.refused;
    std::sort(report.refused.begin(), report.refused.end(),
        [](const ImportRefusal &a, const ImportRefusal &b) { return a.row < b.row; });
    return report;
}

} // namespace gloss::interchange
