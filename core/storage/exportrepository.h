#pragma once

#include "model/exportrows.h"
#include "model/tag.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gloss::storage {

// The export's row types are values of core/model, shared with the pure layouts of core/interchange.
using ExportScope = model::ExportScope;
using HighlightExportRow = model::HighlightExportRow;
using ArticleExportRow = model::ArticleExportRow;
using EntityExportRow = model::EntityExportRow;
using TagUsage = model::TagUsage;

// The queries behind `gloss export`: each streams its rows in one pass, in the order the export
// writes them (articles by publication date then id, highlights by position in the article).
// A sink returns false to stop early (a cancelled export, a preview); the query then returns false.
class ExportRepository
{
public:
    virtual ~ExportRepository() = default;

    virtual bool highlights(
        const ExportScope &scope, bool wide, const std::function<bool(const HighlightExportRow &)> &sink)
        = 0;
    // Each row carries the values of `variables` (article variable names), in that order.
    virtual bool articles(const ExportScope &scope, bool withBody, const QStringList &variables,
        const std::function<bool(const ArticleExportRow &)> &sink)
        = 0;
    // The names of the variables the articles of the scope have, sorted.
    virtual QStringList variableNames(const ExportScope &scope) = 0;
    // Entities mentioned in the scope (with a whole-project scope, every entity, mentioned or not).
    virtual bool entities(const ExportScope &scope, const std::function<bool(const EntityExportRow &)> &sink) = 0;
    virtual QHash<qint64, TagUsage> tagUsage(const ExportScope &scope) = 0;
    // The codebook in tree order (parents before children, siblings by position then name), without
    // the usage counts TagRepository::all() computes: cheap on a project of a million highlights.
    virtual QList<model::Tag> codebook() = 0;

    virtual qint64 countHighlights(const ExportScope &scope) = 0;
    virtual qint64 countArticles(const ExportScope &scope) = 0;
    virtual qint64 countEntities(const ExportScope &scope) = 0;
};

} // namespace gloss::storage
