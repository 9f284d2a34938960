#pragma once

#include "interchange/exportsource.h"
#include "interchange/layout.h"
#include "model/agreement.h"
#include "model/exportrows.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QIODevice;

namespace gloss::interchange {

struct ExportOptions
{
    Layout layout = Layout::Highlights;
    model::ExportScope scope;
    bool bom = false; // a UTF-8 byte order mark first, for Excel
    bool raw = false; // no formula guard
    bool withBody = false; // articles layout: add the body
    model::AgreementRequest agreement; // the agreement and disagreements layouts: what to compare
};

struct ExportResult
{
    qint64 rows = 0; // data rows written, the header not counted
    QString error; // names the file and the reason; empty on success
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Called now and then during an export with the units done and the total (highlights for the
// highlight layouts, articles, tags or entities for the others). Returning false cancels it.
using ExportProgress = std::function<bool(qint64 done, qint64 total)>;

// Writes a project's annotations as CSV in one of the layouts, streaming its rows from the source
// so that a million highlights never sit in memory. Pure: the reads are the source's
// (operations::Interchange answers them from a project). A failure to read is thrown from the
// source through every call here; writeFile then leaves the file untouched.
class Exporter final
{
public:
    explicit Exporter(ExportSource &source)
        : m_source(source)
    { }

    // Writes to an open device (stdout, a buffer). The error, if any, names `deviceName`.
    ExportResult write(QIODevice &device, const ExportOptions &options, const ExportProgress &progress = {},
        const QString &deviceName = QStringLiteral("standard output"));
    // Writes to a temporary file beside `path` and renames it into place only when all went
    // well: a failed or cancelled export leaves what was at `path` untouched.
    ExportResult writeFile(const QString &path, const ExportOptions &options, const ExportProgress &progress = {});
    // The header and up to `rows` first rows, as they would be written (guarded unless raw).
    QList<QStringList> preview(const ExportOptions &options, int rows);

private:
    // Writes the rows; stops after `limit` data rows when limit >= 0. False when cancelled.
    bool writeRows(QIODevice &device, const ExportOptions &options, const ExportProgress &progress, qint64 limit,
        qint64 &rows, bool &deviceOk);

    ExportSource &m_source;
};

} // namespace gloss::interchange
