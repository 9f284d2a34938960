#pragma once

#include "storage/highlightrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's HighlightRepository (see storage/highlightrepository.h).
class HighlightRepository final : public storage::HighlightRepository
{
public:
    explicit HighlightRepository(Connection &db)
        : m_db(db)
    { }
    qint64 add(model::Highlight &highlight) override;
    void restore(const model::Highlight &highlight) override;
    void remove(qint64 id) override;
    std::optional<model::Highlight> get(qint64 id) override;
    QList<model::Highlight> forArticle(qint64 articleId) override;
    qint64 count() override;
    void setRange(qint64 id, qint64 start, qint64 end) override;
    void setTags(qint64 id, const QList<qint64> &tagIds) override;
    void addTag(qint64 id, qint64 tagId) override;
    void removeTag(qint64 id, qint64 tagId) override;
    void setNote(qint64 highlightId, const QString &text) override;
    QString note(qint64 highlightId) override;
    void setArticleNote(qint64 articleId, const QString &coder, const QString &text) override;
    QString articleNote(qint64 articleId, const QString &coder) override;
    QList<std::pair<QString, QString>> articleNotes(qint64 articleId) override;

private:
    void touch(qint64 id);
    void insertTags(qint64 id, const QList<qint64> &tagIds);

    Connection &m_db;
};

} // namespace gloss::storage::postgres
