#pragma once

#include "storage/reportrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's ReportRepository (see storage/reportrepository.h).
class ReportRepository final : public storage::ReportRepository
{
public:
    explicit ReportRepository(Connection &db)
        : m_db(db)
    { }
    bool passages(const model::ReportScope &scope, model::PassageOrder order, int context,
        const std::function<bool(const model::Passage &)> &sink) override;
    QList<model::FrequencyCell> frequency(const model::ReportScope &scope, const model::FrequencyBy &by) override;
    QList<std::pair<QString, qint64>> buckets(const model::ExportScope &scope, const model::FrequencyBy &by) override;
    QList<model::CooccurrenceCell> cooccurrence(
        const model::ReportScope &scope, model::CooccurrenceUnit unit, QHash<qint64, qint64> &totals) override;
    QList<model::EntityTagCell> entityTags(const model::ReportScope &scope) override;
    bool matrix(const model::ExportScope &scope, const std::function<bool(const model::MatrixRow &)> &sink) override;

private:
    Connection &m_db;
};

} // namespace gloss::storage::postgres
