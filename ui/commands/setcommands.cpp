#include "commands/setcommands.h"

#include "commands/commandtext.h"
#include "document.h"
#include "operations/project.h"
#include "storage/store.h"
#include "storage/transaction.h"

namespace gloss::ui {

CreateSetCommand::CreateSetCommand(Document &document, const QString &name, const QList<qint64> &articles)
    : m_document(document)
    , m_name(name)
    , m_articles(articles)
{
    setText(commandText("Create set \"%1\"").arg(name));
}

void CreateSetCommand::redo()
{
    m_document.guard(this, [&] {
        auto &sets = m_document.project().store().sets();
        storage::Transaction tx(m_document.project().store().db());
        if (m_id == 0)
            m_id = sets.create(m_name);
        else
            sets.restore({m_id, m_name, 0});
        sets.addArticles(m_id, m_articles);
        tx.commit();
        m_document.notify(Document::Sets);
    });
}

void CreateSetCommand::undo()
{
    m_document.guard(this, [&] {
        m_document.project().store().sets().remove(m_id);
        m_document.notify(Document::Sets);
    });
}

ChangeSetArticlesCommand::ChangeSetArticlesCommand(
    Document &document, qint64 setId, const QList<qint64> &articles, bool add)
    : m_document(document)
    , m_setId(setId)
    , m_add(add)
{
    const QList<qint64> current = m_document.project().store().sets().articles(setId);
    for (const qint64 a : articles)
        if (current.contains(a) != add)
            m_articles.append(a);
    setText(add ? commandText("Add %n article(s) to set", int(m_articles.size()))
                : commandText("Remove %n article(s) from set", int(m_articles.size())));
}

void ChangeSetArticlesCommand::apply(bool add)
{
    auto &sets = m_document.project().store().sets();
    if (add)
        sets.addArticles(m_setId, m_articles);
    else
        sets.removeArticles(m_setId, m_articles);
    m_document.notify(Document::Sets);
}

void ChangeSetArticlesCommand::redo()
{
    m_document.guard(this, [&] { apply(m_add); });
}

void ChangeSetArticlesCommand::undo()
{
    m_document.guard(this, [&] { apply(!m_add); });
}

DeleteSetCommand::DeleteSetCommand(Document &document, qint64 setId)
    : m_document(document)
    , m_id(setId)
{
    for (const auto &s : m_document.project().store().sets().all())
        if (s.id == setId)
            m_name = s.name;
    m_articles = m_document.project().store().sets().articles(setId);
    setText(commandText("Delete set \"%1\"").arg(m_name));
}

void DeleteSetCommand::redo()
{
    m_document.guard(this, [&] {
        m_document.project().store().sets().remove(m_id);
        m_document.notify(Document::Sets);
    });
}

void DeleteSetCommand::undo()
{
    m_document.guard(this, [&] {
        storage::Transaction tx(m_document.project().store().db());
        m_document.project().store().sets().restore({m_id, m_name, 0});
        m_document.project().store().sets().addArticles(m_id, m_articles);
        tx.commit();
        m_document.notify(Document::Sets);
    });
}

} // namespace gloss::ui
