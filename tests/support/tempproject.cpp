#include "support/tempproject.h"

#include <stdexcept>

namespace gloss::test {

TempProject::TempProject()
{
    reopen();
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
