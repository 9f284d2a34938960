#include "cli/context.h"
#include "interchange/exporter.h"
#include "operations/interchange.h"
#include "operations/refiqda.h"

#include <QElapsedTimer>

#include <unistd.h>

#include <cstdio>

namespace gloss::cli {

namespace {

// export --format qdpx|qdc: a REFI-QDA project or codebook, for MAXQDA, NVivo, ATLAS.ti, QualCoder.
int exportRefi(Context &c, const Arguments &a, const QString &format, const QString &output)
{
    if (a.has(QStringLiteral("--layout")))
        return c.usage(QStringLiteral("--format %1 and --layout do not go together").arg(format));
    for (const char *csvOnly : {"--bom", "--raw", "--with-body"})
        if (a.has(QString::fromLatin1(csvOnly)))
            return c.usage(QStringLiteral("%1 goes with the CSV layouts, not --format %2")
                               .arg(QString::fromLatin1(csvOnly), format));
    if (output.isEmpty() || output == u"-")
        return c.usage(QStringLiteral("--format %1 writes a file: give it with -o FILE").arg(format));
    const bool extraction = a.has(QStringLiteral("--with-extraction"));
    if (extraction && format != u"qdpx")
        return c.usage(QStringLiteral("--with-extraction goes with --format qdpx"));
    if (!c.openProjectToRead())
        return InputFailed;
    operations::RefiExportResult result;
    if (format == u"qdpx") {
        operations::RefiExportOptions options;
        if (!c.readFilter(a, options.scope.filter))
            return UsageError;
        options.withExtraction = extraction;
        result = c.project->refiQda().exportProject(output, options);
        if (!result.ok())
            return c.fail(result.error);
        c.out << "wrote " << counted(result.sources, "article", "articles") << ", "
              << counted(result.selections, "highlight", "highlights") << ", " << counted(result.codes, "tag", "tags")
              << " and " << counted(result.notes, "note", "notes") << " (REFI-QDA project) to " << output << '\n';
        return Ok;
    }
    result = c.project->refiQda().exportCodebook(output);
    if (!result.ok())
        return c.fail(result.error);
    c.out << "wrote " << counted(result.codes, "tag", "tags") << " (REFI-QDA codebook) to " << output << '\n';
    return Ok;
}

} // namespace

int exportCommand(Context &c)
{
    Arguments a;
    QSet<QString> valued = filterOptions();
    valued.unite(
        {QStringLiteral("--layout"), QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--format"),
            QStringLiteral("--coders"), QStringLiteral("--level"), QStringLiteral("--overlap")});
    if (!a.parse(c.args, valued,
            {QStringLiteral("--bom"), QStringLiteral("--raw"), QStringLiteral("--with-body"), QStringLiteral("--all"),
                QStringLiteral("--with-extraction")}))
        return c.usage(a.error());
    if (!a.positionals().isEmpty())
        return c.usage(
            QStringLiteral("unexpected \"%1\"; the file to write is given with -o FILE").arg(a.positionals().first()));
    if (a.has(QStringLiteral("--format"))) {
        const QString format = a.value(QStringLiteral("--format"));
        if (format != u"qdpx" && format != u"qdc")
            return c.usage(
                QStringLiteral("--format takes qdpx|qdc, not \"%1\" (the CSV layouts go with --layout)").arg(format));
        return exportRefi(c, a, format,
            a.has(QStringLiteral("-o")) ? a.value(QStringLiteral("-o")) : a.value(QStringLiteral("--output")));
    }
    if (a.has(QStringLiteral("--with-extraction")))
        return c.usage(QStringLiteral("--with-extraction goes with --format qdpx"));
    const QString layoutText = a.value(QStringLiteral("--layout"));
    const QString allowed = interchange::layoutNames().join(u'|');
    if (!a.has(QStringLiteral("--layout")))
        return c.usage(QStringLiteral("export needs --layout %1 or --format qdpx|qdc").arg(allowed));
    const auto layout = interchange::layoutFromName(layoutText);
    if (!layout)
        return c.usage(QStringLiteral("--layout takes %1, not \"%2\"").arg(allowed, layoutText));
    const bool withBody = a.has(QStringLiteral("--with-body"));
    if (withBody && *layout != interchange::Layout::Articles)
        return c.usage(QStringLiteral("--with-body goes with --layout articles"));
    const bool agreement = *layout == interchange::Layout::Agreement || *layout == interchange::Layout::Disagreements;
    model::AgreementRequest request;
    for (const QString &option :
        {QStringLiteral("--coders"), QStringLiteral("--level"), QStringLiteral("--overlap"), QStringLiteral("--all")})
        if (a.has(option) && !agreement)
            return c.usage(QStringLiteral("%1 goes with --layout agreement or disagreements").arg(option));
    if (agreement)
        if (const std::optional<int> refused = readAgreementOptions(c, a, request))
            return *refused;

    const QString output
        = a.has(QStringLiteral("-o")) ? a.value(QStringLiteral("-o")) : a.value(QStringLiteral("--output"));
    if ((a.has(QStringLiteral("-o")) || a.has(QStringLiteral("--output"))) && output.isEmpty())
        return c.usage(QStringLiteral("-o needs a file name"));

    if (!c.openProjectToRead())
        return InputFailed;
    interchange::ExportOptions options;
    options.layout = *layout;
    if (!c.readFilter(a, options.scope.filter))
        return UsageError;
    options.bom = a.has(QStringLiteral("--bom"));
    options.raw = a.has(QStringLiteral("--raw"));
    options.withBody = withBody;
    options.agreement = request;

    operations::Interchange &exporter = c.project->interchange();
    if (output.isEmpty() || output == u"-") {
        c.out.flush();
        const interchange::ExportResult result = exporter.exportTo(c.outDevice, options);
        return result.ok() ? Ok : c.fail(result.error);
    }
    // Progress on a terminal only, at most a few times a second; scripts see nothing.
    interchange::ExportProgress progress;
    QElapsedTimer shown;
    shown.start();
    if (isatty(fileno(stderr))) {
        progress = [&](qint64 done, qint64 total) {
            if (total > 0 && (shown.elapsed() > 250 || done == total)) {
                c.err << "\rexporting " << done * 100 / total << "% (" << done << " of " << total << ")";
                c.err.flush();
                shown.restart();
            }
            return true;
        };
    }
    const interchange::ExportResult result = exporter.exportFile(output, options, progress);
    if (progress) {
        c.err << "\r\x1b[K";
        c.err.flush();
    }
    if (!result.ok())
        return c.fail(result.error);
    c.out << "wrote " << counted(result.rows, "row", "rows") << " (" << layoutText << ") to " << output << '\n';
    return Ok;
}

} // namespace gloss::cli
