#pragma once

#include "model/article.h"
#include "operations/project.h"
#include "storage/sqlite/sqlitestore.h"
#include "support/catchqt.h"

#include <QTemporaryDir>

#include <memory>

namespace gloss::test {

// A project file in a fresh temporary folder, removed at the end of the test.
class TempProject
{
public:
    TempProject();
    QString path() const { return m_dir.filePath(QStringLiteral("test.gloss")); }
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
    std::unique_ptr<Project> m_project;
};

// The SQLite connection under a project: tests look beneath the operations layer (raw SQL, a
// transaction held open, the checker). Fails the test when the project is on another engine.
storage::sqlite::Database &sqliteDb(Project &project);

} // namespace gloss::test
