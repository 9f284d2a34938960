#include "storage/postgres/postgresstore.h"

#include "storage/error.h"
#include "storage/postgres/schema.h"

#include <libpq-fe.h>

namespace gloss::storage::postgres {

Store::Opened Store::open(const QString &target, bool create, bool readOnly, const QString &password)
{
    Opened opened;
    auto connected = Connection::open(target, password);
    if (!connected.connection) {
        opened.error = connected.error;
        return opened;
    }
    try {
        const QString problem = migrate(*connected.connection, create);
        if (!problem.isEmpty()) {
            opened.error = problem;
            return opened;
        }
        connected.connection->execute("LISTEN gloss_changes");
        if (readOnly)
            connected.connection->execute("SET default_transaction_read_only = on");
    } catch (const StorageError &e) {
        opened.error = QStringLiteral("%1: %2").arg(connected.connection->location(), e.message());
        return opened;
    }
    opened.store = std::make_unique<Store>(std::move(connected.connection));
    return opened;
}

Store::Store(std::unique_ptr<Connection> connection)
    : m_connection(std::move(connection))
    , m_articles(*m_connection)
    , m_highlights(*m_connection)
    , m_tags(*m_connection)
    , m_sets(*m_connection)
    , m_meta(*m_connection)
    , m_timeRefs(*m_connection)
    , m_entities(*m_connection)
    , m_exports(*m_connection)
    , m_annotations(*m_connection)
    , m_codings(*m_connection)
    , m_reports(*m_connection)
{
    Query q = m_connection->query("SELECT has_table_privilege('highlights', 'INSERT') "
                                  "AND current_setting('transaction_read_only') = 'off'");
    m_readOnly = !(q.step() && q.int64(0) != 0);
}

Store::~Store()
{
    while (m_connection->depth() > 0)
        m_connection->rollback();
}

qint64 Store::dataVersion()
{
    pg_conn *conn = m_connection->handle();
    PQconsumeInput(conn);
    const int self = PQbackendPID(conn);
    while (PGnotify *n = PQnotifies(conn)) {
        if (n->be_pid != self)
            ++m_version;
        PQfreemem(n);
    }
    return m_version;
}

QString coderRole(Connection &connection)
{
    Query q = connection.query("SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                               "WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user) "
                               "AND r.rolname IN ('gloss_coder', 'gloss_lead'))");
    return q.step() && q.int64(0) ? connection.user() : QString();
}

void Store::setBulkWrites(bool bulk)
{
    // A commit of a bulk import need not wait for the server's disk; each stays whole.
    m_connection->execute(bulk ? "SET synchronous_commit = off" : "SET synchronous_commit = on");
}

model::CheckReport Store::check()
{
    throw StorageError(QStringLiteral("check is not ported to PostgreSQL yet"), Failure::Other);
}

QString Store::copyTo(const QString &)
{
    return QStringLiteral("copying a PostgreSQL project to a file is not ported yet");
}

} // namespace gloss::storage::postgres
