#pragma once

#include "storage/entityrepository.h"

namespace gloss::storage::postgres {

class Connection;
class Query;

// The PostgreSQL engine's EntityRepository (see storage/entityrepository.h).
class EntityRepository final : public storage::EntityRepository
{
public:
    explicit EntityRepository(Connection &db)
        : m_db(db)
    { }
    QHash<QString, model::Alias> aliasesFor(const QSet<QString> &keys) override;
    QSet<QString> rejectedAmong(const QSet<QString> &keys) override;
    QList<std::pair<qint64, qint64>> markedSpans(qint64 articleId) override;
    void clearExtractedMentions(qint64 articleId) override;
    qint64 insertEntity(const QString &name, model::EntityType type) override;
    void insertAliases(const QList<model::Alias> &aliases) override;
    void insertMentions(const QList<model::Mention> &mentions) override;
    QHash<QString, std::pair<QString, model::EntityType>> taughtNames() override;
    std::optional<model::Entity> get(qint64 id) override;
    QList<model::Entity> forArticle(qint64 articleId) override;
    QList<model::Entity> list(const QString &nameFilter = {}) override;
    QList<model::Mention> mentions(qint64 entityId, qint64 articleId = 0) override;
    QList<model::Mention> articleMentions(qint64 articleId) override;
    QStringList rejectedNames() override;
    EntitySnapshot confirm(qint64 id, bool confirmed = true) override;
    EntitySnapshot reject(qint64 id) override;
    EntitySnapshot rename(qint64 id, const QString &name) override;
    EntitySnapshot retype(qint64 id, model::EntityType type) override;
    EntitySnapshot merge(qint64 kept, qint64 gone) override;
    EntitySnapshot splitAlias(qint64 id, const QString &alias, qint64 *created = nullptr) override;
    EntitySnapshot addAlias(qint64 id, const QString &alias) override;
    EntitySnapshot markSpan(
        qint64 articleId, qint64 start, qint64 end, model::EntityType type, qint64 *entityId = nullptr) override;
    EntitySnapshot restore(const EntitySnapshot &snapshot) override;

private:
    EntitySnapshot snapshot(
        const QList<qint64> &ids, const QStringList &aliasKeys = {}, const QStringList &rejectedKeys = {});
    qint64 entityForKey(const QString &key);
    void addAliasRow(qint64 entityId, const QString &alias, bool manual);
    void addAliasRow(qint64 entityId, const QString &key, const QString &alias, bool manual);
    QStringList namesOf(qint64 id);
    model::Entity readEntity(class Query &s);

    Connection &m_db;
};

} // namespace gloss::storage::postgres
