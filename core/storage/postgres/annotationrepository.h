#pragma once

#include "storage/annotationrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's AnnotationRepository (see storage/annotationrepository.h).
class AnnotationRepository final : public storage::AnnotationRepository
{
public:
    explicit AnnotationRepository(Connection &db)
        : m_db(db)
    { }
    std::optional<ArticleKey> article(qint64 id) override;
    QList<qint64> articlesByTitle(const QString &title, const QDate &published) override;
    std::optional<QString> textAt(qint64 articleId, qint64 start, qint64 end) override;
    QList<qint64> highlightsAt(qint64 articleId, qint64 start, qint64 end) override;
    void setTimes(qint64 highlightId, const QDateTime &created, const QDateTime &modified) override;

private:
    Connection &m_db;
};

} // namespace gloss::storage::postgres
