#pragma once

#include "storage/tagrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's TagRepository (see storage/tagrepository.h).
class TagRepository final : public storage::TagRepository
{
public:
    explicit TagRepository(Connection &db)
        : m_db(db)
    { }
    qint64 create(
        const QString &name, qint64 parentId = 0, const QString &color = {}, const QString &description = {}) override;
    void restore(const model::Tag &tag) override;
    std::optional<model::Tag> get(qint64 id) override;
    QList<model::Tag> all() override;
    QList<model::Tag> allWithoutCounts() override;
    QHash<qint64, QString> colors() override;
    void rename(qint64 id, const QString &name) override;
    void setColor(qint64 id, const QString &color) override;
    void setDescription(qint64 id, const QString &description) override;
    void move(qint64 id, qint64 newParentId) override;
    void merge(qint64 from, qint64 into) override;
    void remove(qint64 id) override;
    Snapshot removeWithSnapshot(qint64 id) override;
    void restore(const Snapshot &snapshot) override;
    MergeRecord mergeWithRecord(qint64 from, qint64 into) override;
    void unmerge(const MergeRecord &record) override;
    QList<qint64> paletteOrder() override;
    QString path(qint64 id) override;
    std::optional<qint64> find(const QString &pathOrName) override;
    qint64 ensure(const QString &path) override;

private:
    QList<model::Tag> allImpl(bool counts);

    Connection &m_db;
};

} // namespace gloss::storage::postgres
