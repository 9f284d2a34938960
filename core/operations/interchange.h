#pragma once

#include "interchange/annotationimporter.h"
#include "interchange/exporter.h"
#include "operations/change.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

class QIODevice;

namespace gloss::operations {

class Writer;

// Export to CSV layouts and the import of annotations from a spreadsheet. The layouts, the CSV and
// the parsing are core/interchange's, pure; here are the project's reads and writes.
class Interchange final
{
public:
    explicit Interchange(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Interchange)

    // Writes the layout to an open device (standard output, a buffer), streaming from the project;
    // `progress` may cancel. A failure to read or write comes back in the result's error, in words
    // naming the project or `deviceName`.
    interchange::ExportResult exportTo(QIODevice &device, const interchange::ExportOptions &options,
        const interchange::ExportProgress &progress = {},
        const QString &deviceName = QStringLiteral("standard output"));
    // Writes the layout to `path` whole or not at all: a failed or cancelled export leaves what
    // was there untouched.
    interchange::ExportResult exportFile(const QString &path, const interchange::ExportOptions &options,
        const interchange::ExportProgress &progress = {});
    // The header and up to `rows` first rows as they would be written. Throws OperationError.
    QList<QStringList> exportPreview(const interchange::ExportOptions &options, int rows);

    // Reads `highlights` or `highlights-wide` exports back into the project (see
    // interchange::AnnotationImporter's rules), after one verified backup of the project taken
    // before the first file ("before-import-annotations"). Each file is one transaction: its
    // report says what it created, skipped and refused; a file that cannot be read changes nothing.
    // Throws OperationError, before anything is written, when the project is read-only or no
    // backup could be taken. There is no Undo: an import creates tags and highlights in bulk, and
    // the backup taken first is the way back (restore it).
    QList<interchange::AnnotationImportReport> importAnnotations(const QStringList &paths);
    // One text of an export (`name` is what errors call it), without the backup first: for tests
    // and the fuzzer. Throws OperationError on a read-only project.
    interchange::AnnotationImportReport importAnnotationsText(const QString &text, const QString &name);

private:
    Writer &m_writer;
};

} // namespace gloss::operations
