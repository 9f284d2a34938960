#pragma once

#include "storage/entityrepository.h"

namespace gloss::storage::sqlite {

class Database;
class Statement;

// The SQLite engine's EntityRepository (see storage/entityrepository.h).
class EntityRepository final : public storage::EntityRepository
{
public:
    explicit EntityRepository(Database &db)
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
    QList<model::RejectedName> rejections() override;
    void insertRejected(const model::RejectedName &rejected) override;
    EntitySnapshot confirm(qint64 id, bool confirmed, const QString &coder) override;
    EntitySnapshot reject(qint64 id, const QString &coder) override;
    EntitySnapshot rename(qint64 id, const QString &name, const QString &coder) override;
    EntitySnapshot retype(qint64 id, model::EntityType type, const QString &coder) override;
    EntitySnapshot merge(qint64 kept, qint64 gone, const QString &coder) override;
    EntitySnapshot splitAlias(
        qint64 id, const QString &alias, const QString &coder, qint64 *created = nullptr) override;
    EntitySnapshot addAlias(qint64 id, const QString &alias, const QString &coder) override;
    EntitySnapshot markSpan(qint64 articleId, qint64 start, qint64 end, model::EntityType type, const QString &coder,
        qint64 *entityId = nullptr) override;
    EntitySnapshot restore(const EntitySnapshot &snapshot) override;

private:
    EntitySnapshot snapshot(
        const QList<qint64> &ids, const QStringList &aliasKeys = {}, const QStringList &rejectedKeys = {});
    qint64 entityForKey(const QString &key);
    void decidedBy(qint64 id, const QString &coder);
    void addAliasRow(qint64 entityId, const QString &alias, bool manual);
    void addAliasRow(qint64 entityId, const QString &key, const QString &alias, bool manual);
    QStringList namesOf(qint64 id);
    model::Entity readEntity(class Statement &s);

    Database &m_db;
};

} // namespace gloss::storage::sqlite
