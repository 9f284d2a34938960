#pragma once

#include "storage/exportrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's ExportRepository (see storage/exportrepository.h).
class ExportRepository final : public storage::ExportRepository
{
public:
    explicit ExportRepository(Connection &db)
        : m_db(db)
    { }
    bool highlights(
        const ExportScope &scope, bool wide, const std::function<bool(const HighlightExportRow &)> &sink) override;
    bool articles(const ExportScope &scope, bool withBody, const QStringList &variables,
        const std::function<bool(const ArticleExportRow &)> &sink) override;
    QStringList variableNames(const ExportScope &scope) override;
    bool entities(const ExportScope &scope, const std::function<bool(const EntityExportRow &)> &sink) override;
    QHash<qint64, TagUsage> tagUsage(const ExportScope &scope) override;
    QList<model::Tag> codebook() override;
    qint64 countHighlights(const ExportScope &scope) override;
    qint64 countArticles(const ExportScope &scope) override;
    qint64 countEntities(const ExportScope &scope) override;

private:
    // The ids of the scope as a JSON array, bound to "a.id IN (SELECT value FROM json_each(?))";
    // empty for the whole project.
    QByteArray scopeIds(const ExportScope &scope);

    Connection &m_db;
};

} // namespace gloss::storage::postgres
