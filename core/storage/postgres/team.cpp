#include "storage/postgres/team.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

#include <QRegularExpression>

#include <libpq-fe.h>

namespace gloss::storage::postgres {

namespace {

// Tables a coder writes: their own rows (coder = the login role) in the first group, shared
// decisions in the second (entity decisions recorded in the coder's own name). Everything else (articles, the codebook,
// extraction's results) only a lead changes.
const char *const RightsSql = R"sql(
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gloss_coder') THEN
    CREATE ROLE gloss_coder NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gloss_lead') THEN
    CREATE ROLE gloss_lead NOLOGIN;
  END IF;
  IF NOT pg_has_role('gloss_lead', 'gloss_coder', 'MEMBER') THEN
    GRANT gloss_coder TO gloss_lead;
  END IF;
  -- Roles are the whole server's, so being a coder is not enough to open this project: only the
  -- coders added to it may connect (add-coder grants it to each), not every role on the server.
  EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM gloss_coder', current_database());
END $$;
GRANT USAGE ON SCHEMA public TO gloss_coder;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO gloss_coder;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gloss_coder;
-- Undoing an entity decision puts entities and mentions back with their ids, moving the identity
-- past them (setval).
GRANT UPDATE ON SEQUENCE entities_id_seq, mentions_id_seq TO gloss_coder;
GRANT INSERT, UPDATE, DELETE ON highlights, highlight_tags, notes, article_tags, done_marks, timeref_overrides,
  entities, entity_aliases, rejected_names, mentions, sets, set_articles TO gloss_coder;
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO gloss_lead;

CREATE OR REPLACE FUNCTION gloss_may_write(owner text) RETURNS boolean LANGUAGE sql STABLE AS
  $f$ SELECT owner = current_user OR pg_has_role('gloss_lead', 'MEMBER') $f$;

-- Everyone reads every row. Coding rows are their coder's to change (own_coding); entity decisions
-- are shared: a coder changes any of them, but the decision left behind is recorded as theirs (or
-- as no one's, for what extraction found and an undone first decision) (shared_decisions).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['highlights','highlight_tags','notes','article_tags','done_marks','timeref_overrides',
                           'entities','rejected_names'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS everyone_reads ON %I', t);
    EXECUTE format('CREATE POLICY everyone_reads ON %I FOR SELECT USING (true)', t);
    EXECUTE format('DROP POLICY IF EXISTS own_coding ON %I', t);
    EXECUTE format('DROP POLICY IF EXISTS shared_decisions ON %I', t);
  END LOOP;
END $$;
CREATE POLICY shared_decisions ON entities FOR ALL TO gloss_coder
  USING (true) WITH CHECK (decided_by = '' OR gloss_may_write(decided_by));
CREATE POLICY shared_decisions ON rejected_names FOR ALL TO gloss_coder
  USING (true) WITH CHECK (coder = '' OR gloss_may_write(coder));
CREATE POLICY own_coding ON highlights FOR ALL TO gloss_coder
  USING (gloss_may_write(coder)) WITH CHECK (gloss_may_write(coder));
CREATE POLICY own_coding ON article_tags FOR ALL TO gloss_coder
  USING (gloss_may_write(coder)) WITH CHECK (gloss_may_write(coder));
CREATE POLICY own_coding ON done_marks FOR ALL TO gloss_coder
  USING (gloss_may_write(coder)) WITH CHECK (gloss_may_write(coder));
CREATE POLICY own_coding ON timeref_overrides FOR ALL TO gloss_coder
  USING (gloss_may_write(coder)) WITH CHECK (gloss_may_write(coder));
-- A highlight's tags and note are its coder's.
CREATE POLICY own_coding ON highlight_tags FOR ALL TO gloss_coder
  USING (EXISTS (SELECT 1 FROM highlights h WHERE h.id = highlight_id AND gloss_may_write(h.coder)))
  WITH CHECK (EXISTS (SELECT 1 FROM highlights h WHERE h.id = highlight_id AND gloss_may_write(h.coder)));
CREATE POLICY own_coding ON notes FOR ALL TO gloss_coder
  USING (CASE WHEN highlight_id IS NULL THEN gloss_may_write(coder)
         ELSE EXISTS (SELECT 1 FROM highlights h WHERE h.id = highlight_id AND gloss_may_write(h.coder)) END)
  WITH CHECK (CASE WHEN highlight_id IS NULL THEN gloss_may_write(coder)
         ELSE EXISTS (SELECT 1 FROM highlights h WHERE h.id = highlight_id AND gloss_may_write(h.coder)) END);
)sql";

QByteArray literal(Connection &connection, const QByteArray &text)
{
    char *quoted = PQescapeLiteral(connection.handle(), text.constData(), size_t(text.size()));
    if (!quoted)
        throw StorageError(QStringLiteral("cannot quote a value for the server"), Failure::Other);
    QByteArray result(quoted);
    PQfreemem(quoted);
    return result;
}

QByteArray identifier(Connection &connection, const QByteArray &text)
{
    char *quoted = PQescapeIdentifier(connection.handle(), text.constData(), size_t(text.size()));
    if (!quoted)
        throw StorageError(QStringLiteral("cannot quote a name for the server"), Failure::Other);
    QByteArray result(quoted);
    PQfreemem(quoted);
    return result;
}

} // namespace

void setUpRights(Connection &connection)
{
    Transaction tx(connection);
    connection.execute(RightsSql);
    tx.commit();
}

bool hasRights(Connection &connection)
{
    Query q = connection.query("SELECT (to_regprocedure('gloss_may_write(text)') IS NOT NULL)::int");
    return q.step() && q.int64(0) == 1;
}

QString addCoder(Connection &connection, const QString &name, bool lead, const QString &password)
{
    static const QRegularExpression valid(QStringLiteral(R"(^[\p{L}\p{N}_.@-]{1,63}$)"));
    if (!valid.match(name).hasMatch())
        return QStringLiteral("\"%1\" cannot be a coder's login name: use letters, digits, _ . @ or -, at most 63")
            .arg(name);
    const QByteArray role = identifier(connection, name.toUtf8());
    try {
        Transaction tx(connection);
        Query exists = connection.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1");
        exists.bind(1, name);
        const bool known = exists.step();
        if (known && !exists.int64(0))
            return QStringLiteral("%1 is a role that cannot log in, not a coder").arg(name);
        if (!known)
            connection.execute(QByteArray("CREATE ROLE " + role + " LOGIN").constData());
        connection.execute(
            QByteArray("GRANT " + QByteArray(lead ? "gloss_lead" : "gloss_coder") + " TO " + role).constData());
        // This project's database, not every Gloss project on the server.
        connection.execute(QByteArray("GRANT CONNECT, TEMPORARY ON DATABASE "
            + identifier(connection, connection.database().toUtf8()) + " TO " + role)
                               .constData());
        if (!password.isEmpty()) {
            char *hashed = PQencryptPasswordConn(
                connection.handle(), password.toUtf8().constData(), name.toUtf8().constData(), nullptr);
            if (!hashed)
                return QStringLiteral("cannot hash the password: %1")
                    .arg(QString::fromUtf8(PQerrorMessage(connection.handle())).trimmed());
            const QByteArray sql = "ALTER ROLE " + role + " PASSWORD " + literal(connection, QByteArray(hashed));
            PQfreemem(hashed);
            connection.execute(sql.constData());
        }
        tx.commit();
    } catch (const StorageError &e) {
        return QStringLiteral("%1: cannot add the coder %2: %3").arg(connection.location(), name, e.message());
    }
    return {};
}

} // namespace gloss::storage::postgres
