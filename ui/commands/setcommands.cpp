#include "commands/setcommands.h"

#include "commands/commandtext.h"
#include "document.h"
#include "operations/project.h"
#include "operations/sets.h"

namespace gloss::ui {

namespace {

// How many of `articles` the change would move in or out of the set, for the command's text.
int changing(Document &document, qint64 setId, const QList<qint64> &articles, bool add)
{
    const QList<qint64> current = document.project().sets().articles(setId);
    int n = 0;
    for (const qint64 a : articles)
        n += current.contains(a) != add;
    return n;
}

} // namespace

CreateSetCommand::CreateSetCommand(Document &document, const QString &name, const QList<qint64> &articles)
    : OperationCommand(document, commandText("Create set \"%1\"").arg(name),
        [this, name, articles](Project &p) { return p.sets().create(name, articles, &m_id); })
{ }

ChangeSetArticlesCommand::ChangeSetArticlesCommand(
    Document &document, qint64 setId, const QList<qint64> &articles, bool add)
    : OperationCommand(document,
        add ? commandText("Add %n article(s) to set", changing(document, setId, articles, add))
            : commandText("Remove %n article(s) from set", changing(document, setId, articles, add)),
        [setId, articles, add](Project &p) {
            return add ? p.sets().addArticles(setId, articles) : p.sets().removeArticles(setId, articles);
        })
{ }

DeleteSetCommand::DeleteSetCommand(Document &document, qint64 setId)
    : OperationCommand(document,
        commandText("Delete set \"%1\"").arg(document.project().sets().set(setId).value_or(model::ArticleSet{}).name),
        [setId](Project &p) { return p.sets().remove(setId); })
{ }

} // namespace gloss::ui
