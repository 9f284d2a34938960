#include "storage/postgres/highlightrepository.h"

#include "storage/error.h"
#include "storage/postgres/connection.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

qint64 HighlightRepository::add(model::Highlight & /*highlight*/)
{
    notPorted("HighlightRepository::add");
}

void HighlightRepository::restore(const model::Highlight & /*highlight*/)
{
    notPorted("HighlightRepository::restore");
}

void HighlightRepository::remove(qint64 /*id*/)
{
    notPorted("HighlightRepository::remove");
}

std::optional<model::Highlight> HighlightRepository::get(qint64 /*id*/)
{
    notPorted("HighlightRepository::get");
}

QList<model::Highlight> HighlightRepository::forArticle(qint64 /*articleId*/)
{
    notPorted("HighlightRepository::forArticle");
}

qint64 HighlightRepository::count()
{
    notPorted("HighlightRepository::count");
}

void HighlightRepository::setRange(qint64 /*id*/, qint64 /*start*/, qint64 /*end*/)
{
    notPorted("HighlightRepository::setRange");
}

void HighlightRepository::setTags(qint64 /*id*/, const QList<qint64> & /*tagIds*/)
{
    notPorted("HighlightRepository::setTags");
}

void HighlightRepository::addTag(qint64 /*id*/, qint64 /*tagId*/)
{
    notPorted("HighlightRepository::addTag");
}

void HighlightRepository::removeTag(qint64 /*id*/, qint64 /*tagId*/)
{
    notPorted("HighlightRepository::removeTag");
}

void HighlightRepository::setNote(qint64 /*highlightId*/, const QString & /*text*/)
{
    notPorted("HighlightRepository::setNote");
}

QString HighlightRepository::note(qint64 /*highlightId*/)
{
    notPorted("HighlightRepository::note");
}

void HighlightRepository::setArticleNote(qint64 /*articleId*/, const QString & /*coder*/, const QString & /*text*/)
{
    notPorted("HighlightRepository::setArticleNote");
}

QString HighlightRepository::articleNote(qint64 /*articleId*/, const QString & /*coder*/)
{
    notPorted("HighlightRepository::articleNote");
}

QList<std::pair<QString, QString>> HighlightRepository::articleNotes(qint64 /*articleId*/)
{
    notPorted("HighlightRepository::articleNotes");
}

} // namespace gloss::storage::postgres
