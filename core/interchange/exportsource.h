#pragma once

#include "model/agreement.h"
#include "model/exportrows.h"
#include "model/report.h"
#include "model/tag.h"

#include <QHash>
#include <QList>

#include <functional>

namespace gloss::interchange {

// Where an export's rows come from. The layouts and the writing stay here, pure; the operations
// layer answers these from the project (operations::Interchange). Each query streams its rows in
// the order the export writes them; a sink returns false to stop early, and the query then returns
// false. A failure to read is thrown, and the export it interrupts writes nothing.
class ExportSource
{
public:
    virtual ~ExportSource() = default;

    virtual bool highlights(
        const model::ExportScope &scope, bool wide, const std::function<bool(const model::HighlightExportRow &)> &sink)
        = 0;
    // Each row carries the values of `variables`, in that order.
    virtual bool articles(const model::ExportScope &scope, bool withBody, const QStringList &variables,
        const std::function<bool(const model::ArticleExportRow &)> &sink)
        = 0;
    // The names of the article variables the articles of the scope have, sorted.
    virtual QStringList variableNames(const model::ExportScope &scope) = 0;
    virtual bool entities(
        const model::ExportScope &scope, const std::function<bool(const model::EntityExportRow &)> &sink)
        = 0;
    virtual QHash<qint64, model::TagUsage> tagUsage(const model::ExportScope &scope) = 0;
    // The codebook in tree order, parents before children.
    virtual QList<model::Tag> codebook() = 0;
    virtual qint64 countHighlights(const model::ExportScope &scope) = 0;
    virtual qint64 countArticles(const model::ExportScope &scope) = 0;
    virtual qint64 countEntities(const model::ExportScope &scope) = 0;
    // The intercoder agreement report over the articles of the scope (README, "Intercoder
    // agreement"), with its disagreements.
    // The code x article matrix's rows: the scope's articles in export order with their tag counts.
    virtual bool matrix(const model::ExportScope &scope, const std::function<bool(const model::MatrixRow &)> &sink) = 0;
    virtual model::AgreementReport agreement(const model::AgreementRequest &request, const model::ExportScope &scope)
        = 0;
};

} // namespace gloss::interchange
