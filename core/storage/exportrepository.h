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

class Database;

// The export's row types are values of core/model, shared with the pure layouts of core/interchange.
using ExportScope = model::ExportScope;
using HighlightExportRow = model::HighlightExportRow;
using ArticleExportRow = model::ArticleExportRow;
using EntityExportRow = model::EntityExportRow;
using TagUsage = model::TagUsage;

// The queries behind `gloss export`: each streams its rows in one pass, in the order the export
// writes them (articles by publication date then id, highlights by position in the article).
// A sink returns false to stop early (a cancelled export, a preview); the query then returns false.
class ExportRepository final
{
public:
    explicit ExportRepository(Database &db)
        : m_db(db)
    { }

    bool highlights(const ExportScope &scope, bool wide, const std::function<bool(const HighlightExportRow &)> &sink);
    bool articles(const ExportScope &scope, bool withBody, const std::function<bool(const ArticleExportRow &)> &sink);
    // Entities mentioned in the scope (with a whole-project scope, every entity, mentioned or not).
    bool entities(const ExportScope &scope, const std::function<bool(const EntityExportRow &)> &sink);
    QHash<qint64, TagUsage> tagUsage(const ExportScope &scope);
    // The codebook in tree order (parents before children, siblings by position then name), without
    // the usage counts TagRepository::all() computes: cheap on a project of a million highlights.
    QList<model::Tag> codebook();

    qint64 countHighlights(const ExportScope &scope);
    qint64 countArticles(const ExportScope &scope);
    qint64 countEntities(const ExportScope &scope);

private:
    // The ids of the scope as a JSON array, bound to "a.id IN (SELECT value FROM json_each(?))";
    // empty for the whole project.
    QByteArray scopeIds(const ExportScope &scope);

    Database &m_db;
};

} // namespace gloss::storage
