#include "support/tempproject.h"

#include "storage/postgres/postgresstore.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QRegularExpression>

#include <stdexcept>

namespace gloss::test {

namespace {

QString serverTarget()
{
    const QString base = qEnvironmentVariable("GLOSS_TEST_POSTGRES");
    if (base.isEmpty())
        throw std::runtime_error("GLOSS_TEST_ENGINE=postgresql needs GLOSS_TEST_POSTGRES, the connection string of a "
                                 "test server's superuser: run ./test.sh, which starts a private server");
    return base;
}

QString withDatabase(QString target, const QString &database)
{
    static const QRegularExpression dbname(QStringLiteral(R"(\bdbname=\S*)"));
    target.remove(dbname);
    return target.trimmed() + QStringLiteral(" dbname=") + database;
}

} // namespace

bool onPostgres()
{
    return qEnvironmentVariable("GLOSS_TEST_ENGINE") == QLatin1String("postgresql");
}

QString createTestDatabase(QString *name)
{
    static QAtomicInt counter;
    const QString base = serverTarget();
    *name
        = QStringLiteral("gloss_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddOrdered(1));
    auto admin = storage::postgres::Connection::open(base);
    if (!admin.connection)
        throw std::runtime_error(admin.error.toStdString());
    admin.connection->execute(
        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(*name).toUtf8().constData());
    admin.connection->execute(QStringLiteral("CREATE DATABASE %1").arg(*name).toUtf8().constData());
    return withDatabase(base, *name);
}

void dropTestDatabase(const QString &name)
{
    auto admin = storage::postgres::Connection::open(serverTarget());
    if (admin.connection)
        admin.connection->execute(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name).toUtf8().constData());
}

TempProject::TempProject()
{
    if (onPostgres()) {
        m_target = createTestDatabase(&m_database);
        auto created = storage::postgres::Store::open(m_target, true);
        if (!created.store)
            throw std::runtime_error(created.error.toStdString());
    }
    reopen();
}

TempProject::~TempProject()
{
    m_project.reset();
    if (!m_database.isEmpty()) {
        try {
            dropTestDatabase(m_database);
        } catch (...) { // the server is stopped at the end of the run, databases and all
        }
    }
}

void TempProject::reopen()
{
    m_project.reset();
    auto opened = Project::open(path());
    if (!opened.project)
        throw std::runtime_error(opened.error.toStdString());
    m_project = std::move(opened.project);
}

qint64 TempProject::addArticle(const QString &title, const QString &body, const QDate &published, const QString &source)
{
    model::Article a;
    a.title = title;
    a.body = body;
    a.published = published;
    a.source = source;
    return m_project->store().articles().insert(a);
}

storage::sqlite::Database &sqliteDb(Project &project)
{
    storage::sqlite::Database *db = storage::sqlite::databaseOf(project.store());
    REQUIRE(db != nullptr);
    return *db;
}

} // namespace gloss::test
