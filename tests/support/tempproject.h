#pragma once

#include "model/article.h"
#include "operations/project.h"
#include "storage/sqlite/sqlitestore.h"
#include "support/catchqt.h"

#include <QTemporaryDir>

#include <memory>

namespace gloss::test {

// Whether the tests run on the team server: GLOSS_TEST_ENGINE=postgresql (ctest sets it for the
// cases tagged [engines], which run once on each engine; README, Testing). The server is the one
// GLOSS_TEST_POSTGRES names (./test.sh starts a private one); without it the test fails.
bool onPostgres();

// A fresh project, removed at the end of the test: a project file in a temporary folder, or on
// the team server a new database of the test server.
class TempProject
{
public:
    TempProject();
    ~TempProject();
    TempProject(const TempProject &) = delete;
    TempProject &operator=(const TempProject &) = delete;
    // The project's file, or its connection string on the team server (what --project takes).
    QString path() const { return m_target.isEmpty() ? m_dir.filePath(QStringLiteral("test.gloss")) : m_target; }
    QString dir() const { return m_dir.path(); }
    Project &project() { return *m_project; }
    std::unique_ptr<Project> take() { return std::move(m_project); }
    void reopen();
    void close() { m_project.reset(); }

    // Inserts an article through core and returns its id.
    qint64 addArticle(const QString &title, const QString &body, const QDate &published = {},
        const QString &source = QStringLiteral("Test Wire"));

private:
    QTemporaryDir m_dir;
    QString m_database; // on the team server: the database this project is
    QString m_target;
    std::unique_ptr<Project> m_project;
};

// A new empty database on the test server and the connection string that opens it; dropped by
// dropTestDatabase(). Fails the test when there is no test server.
QString createTestDatabase(QString *name);
void dropTestDatabase(const QString &name);

// The SQLite connection under a project: tests look beneath the operations layer (raw SQL, a
// transaction held open, the checker). Fails the test when the project is on another engine.
storage::sqlite::Database &sqliteDb(Project &project);

} // namespace gloss::test
