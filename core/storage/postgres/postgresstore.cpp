#include "storage/postgres/postgresstore.h"

#include "storage/error.h"
#include "storage/postgres/schema.h"
#include "storage/postgres/transfer.h"

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
        connected.connection->executeForSession("LISTEN gloss_changes");
        if (readOnly)
            connected.connection->executeForSession("SET default_transaction_read_only = on");
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
    if (m_connection->depth() == 0) {
        // Finds a connection the server closed: the first read may take only its last message
        // (57P01, "terminating connection"), the second finds the end of the stream.
        for (int read = 0; read < 2 && PQconsumeInput(conn); ++read) { }
        m_connection->ensureConnected();
        if (m_connection->reconnections() != m_reconnections) {
            // Whatever others changed while the connection was down was not heard: say "changed".
            m_reconnections = m_connection->reconnections();
            ++m_version;
        }
    }
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
    // Gloss's consistency rules on the server (its own integrity is the server's: foreign keys and
    // checks are enforced as rows are written). Spans are compared in SQL: substr() counts code
    // points as the offsets do.
    model::CheckReport report;
    constexpr int MaxListed = 20;
    auto count = [&](const char *sql) {
        Query q = m_connection->query(sql);
        return q.step() ? q.int64(0) : 0;
    };
    report.articles = count("SELECT count(*) FROM articles");
    report.highlights = count("SELECT count(*) FROM highlights");
    report.tags = count("SELECT count(*) FROM tags");
    struct Spans
    {
        const char *label;
        const char *sql;
        const char *problem;
    };
    const Spans spans[] = {
        {"highlight",
            "SELECT s.id, s.article_id, s.\"end\" > length(a.body), count(*) OVER () FROM highlights s "
            "JOIN articles a ON a.id = s.article_id WHERE s.\"end\" > length(a.body) "
            "OR substr(a.body, s.start + 1, s.\"end\" - s.start) <> s.quote ORDER BY s.id LIMIT 20",
            "its quote no longer matches article %1 at its span"},
        {"entity mention",
            "SELECT s.id, s.article_id, s.\"end\" > length(a.body), count(*) OVER () FROM mentions s "
            "JOIN articles a ON a.id = s.article_id WHERE s.\"end\" > length(a.body) "
            "OR substr(a.body, s.start + 1, s.\"end\" - s.start) <> s.text ORDER BY s.id LIMIT 20",
            "does not match article %1 at its span"},
        {"time reference",
            "SELECT s.id, s.article_id, s.\"end\" > length(a.body), count(*) OVER () FROM timerefs s "
            "JOIN articles a ON a.id = s.article_id WHERE s.\"end\" > length(a.body) "
            "OR substr(a.body, s.start + 1, s.\"end\" - s.start) <> s.text ORDER BY s.id LIMIT 20",
            "does not match article %1 at its span"},
    };
    for (const Spans &kind : spans) {
        Query q = m_connection->query(kind.sql);
        qint64 total = 0;
        while (q.step()) {
            total = q.int64(3);
            const QString what = q.int64(2) ? QStringLiteral("its span runs past the end of article %1").arg(q.int64(1))
                                            : QString::fromLatin1(kind.problem).arg(q.int64(1));
            report.problems.append(
                QStringLiteral("%1 %2: %3").arg(QLatin1String(kind.label)).arg(q.int64(0)).arg(what));
        }
        if (total > MaxListed)
            report.problems.append(
                QStringLiteral("… and %1 more like the %2 above").arg(total - MaxListed).arg(MaxListed));
    }
    if (const qint64 unindexed = count("SELECT count(*) FROM articles WHERE search IS NULL"))
        report.problems.append(QStringLiteral("search index: %1 articles are not in it").arg(unindexed));
    QList<model::Tag> tags;
    QHash<qint64, QString> names;
    Query t = m_connection->query("SELECT id, parent_id, name FROM tags");
    while (t.step()) {
        model::Tag tag;
        tag.id = t.int64(0);
        tag.parentId = t.isNull(1) ? 0 : t.int64(1);
        tag.name = t.text(2);
        names.insert(tag.id, tag.name);
        tags.append(tag);
    }
    for (const QList<qint64> &cycle : storage::TagRepository::parentCycles(tags)) {
        QStringList members;
        for (const qint64 id : cycle)
            members.append(QStringLiteral("%1 \"%2\"").arg(id).arg(names.value(id)));
        report.problems.append(
            QStringLiteral("tags: a cycle of parents, each tag under the next: %1, back to %2 (Gloss shows them "
                           "at the top level)")
                .arg(members.join(QStringLiteral(", ")))
                .arg(cycle.first()));
    }
    return report;
}

QString Store::copyTo(const QString &target)
{
    return pullToFile(*m_connection, target);
}

} // namespace gloss::storage::postgres
