#include "storage/postgres/articlerepository.h"

#include "model/contenthash.h"
#include "search/ftsquery.h"
#include "storage/error.h"
#include "storage/postgres/connection.h"
#include "text/codepoints.h"

namespace gloss::storage::postgres {

namespace {
[[noreturn]] void notPorted(const char *what)
{
    throw StorageError(QStringLiteral("%1 is not ported to PostgreSQL yet").arg(QLatin1String(what)), Failure::Other);
}
} // namespace

namespace {

model::Article readArticle(Query &s)
{
    model::Article a;
    a.id = s.int64(0);
    a.title = s.text(1);
    a.published = s.date(2);
    a.retrieved = s.date(3);
    a.dateline = s.text(4);
    a.datelineEnd = s.int64(5);
    a.source = s.text(6);
    a.url = s.text(7);
    a.author = s.text(8);
    a.path = s.text(9);
    a.contentHash = s.text(10);
    a.words = s.integer(11);
    a.imported = s.dateTime(12);
    a.body = s.text(13);
    return a;
}

} // namespace

qint64 ArticleRepository::insert(model::Article &article)
{
    return insertImpl(article, true);
}

qint64 ArticleRepository::insertImpl(model::Article &article, bool index)
{
    if (article.contentHash.isEmpty())
        article.contentHash = model::contentHash(article.title, article.body);
    if (article.words == 0)
        article.words = text::wordCount(article.body);
    if (!article.imported.isValid())
        article.imported = QDateTime::currentDateTimeUtc();

    Transaction tx(m_db);
    Query s = m_db.query(
        "INSERT INTO articles(title, published, retrieved, dateline, dateline_end, source, url, author, path, "
        "content_hash, words, imported, body) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13) RETURNING id");
    s.bind(1, article.title)
        .bind(2, article.published)
        .bind(3, article.retrieved)
        .bind(4, QStringView(article.dateline))
        .bind(5, article.datelineEnd)
        .bind(6, QStringView(article.source))
        .bind(7, QStringView(article.url))
        .bind(8, QStringView(article.author))
        .bind(9, QStringView(article.path))
        .bind(10, article.contentHash)
        .bind(11, article.words)
        .bind(12, article.imported)
        .bind(13, article.body);
    s.step();
    article.id = s.int64(0);
    if (index)
        addToIndex(article.id, article.title, article.body);
    insertVariables(article.id, article.variables);
    tx.commit();
    return article.id;
}

qint64 ArticleRepository::insertUnindexed(model::Article &article)
{
    return insertImpl(article, false);
}

void ArticleRepository::addToIndex(qint64 id, const QString &title, const QString &body)
{
    // The title weighs more than the body in ranking (as FTS5's bm25 sees both columns); both
    // are indexed without diacritics, as the SQLite index folds them.
    Query f = m_db.query("UPDATE articles SET search = setweight(to_tsvector('simple', ?2::text), 'A') || "
                         "to_tsvector('simple', ?3::text) WHERE id = ?1");
    f.bind(1, id).bind(2, search::foldDiacritics(title)).bind(3, search::foldDiacritics(body));
    f.exec();
}

std::optional<model::Article> ArticleRepository::get(qint64 id)
{
    Query s = m_db.query("SELECT id, title, published, retrieved, dateline, dateline_end, source, url, author, path, "
                         "content_hash, words, imported, body FROM articles WHERE id = ?1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    model::Article article = readArticle(s);
    article.variables = variables(id);
    return article;
}

bool ArticleRepository::exists(qint64 id)
{
    Query s = m_db.query("SELECT 1 FROM articles WHERE id = ?1");
    s.bind(1, id);
    return s.step();
}

std::optional<qint64> ArticleRepository::findByHash(const QString &hash)
{
    Query s = m_db.query("SELECT id FROM articles WHERE content_hash = ?1");
    s.bind(1, hash);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

void ArticleRepository::remove(qint64 id)
{
    // The search vector is a column of the row: it goes with it.
    Query del = m_db.query("DELETE FROM articles WHERE id = ?1");
    del.bind(1, id);
    del.exec();
}

qint64 ArticleRepository::count(const model::ArticleFilter & /*filter*/)
{
    notPorted("ArticleRepository::count");
}

QList<model::ArticleSummary> ArticleRepository::list(const model::ArticleFilter & /*filter*/,
    model::ArticleOrder /*order*/, bool /*ascending*/, qint64 /*offset*/, qint64 /*limit*/)
{
    notPorted("ArticleRepository::list");
}

QList<model::SearchHit> ArticleRepository::search(const model::ArticleFilter & /*filter*/, qint64 /*limit*/)
{
    notPorted("ArticleRepository::search");
}

QList<qint64> ArticleRepository::ids(const model::ArticleFilter & /*filter*/, model::ArticleOrder /*order*/)
{
    notPorted("ArticleRepository::ids");
}

qint64 ArticleRepository::neighbour(qint64 /*id*/, const model::ArticleFilter & /*filter*/, int /*step*/)
{
    notPorted("ArticleRepository::neighbour");
}

void ArticleRepository::insertVariables(qint64 articleId, const model::Variables &variables)
{
    int position = 0;
    for (const auto &[name, value] : variables) {
        // A name given twice keeps its first place and its last value.
        Query i = m_db.query("INSERT INTO article_variables(article_id, name, value, position) "
                             "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(article_id, name) DO UPDATE SET value = ?3");
        i.bind(1, articleId).bind(2, name).bind(3, value).bind(4, position++);
        i.exec();
    }
}

model::Variables ArticleRepository::variables(qint64 articleId)
{
    Query s = m_db.query(
        "SELECT name, value FROM article_variables WHERE article_id = ?1 ORDER BY position, name COLLATE \"C\"");
    s.bind(1, articleId);
    model::Variables out;
    while (s.step())
        out.append({s.text(0), s.text(1)});
    return out;
}

void ArticleRepository::setVariables(qint64 /*articleId*/, const model::Variables & /*variables*/)
{
    notPorted("ArticleRepository::setVariables");
}

QStringList ArticleRepository::variableNames(const model::ArticleFilter & /*filter*/)
{
    notPorted("ArticleRepository::variableNames");
}

QHash<qint64, QString> ArticleRepository::variableValues(const QString & /*name*/, const QList<qint64> & /*ids*/)
{
    notPorted("ArticleRepository::variableValues");
}

QList<QPair<QString, qint64>> ArticleRepository::variableValueCounts(const QString & /*name*/)
{
    notPorted("ArticleRepository::variableValueCounts");
}

QList<qint64> ArticleRepository::articleTags(qint64 /*articleId*/, const QString & /*coder*/)
{
    notPorted("ArticleRepository::articleTags");
}

void ArticleRepository::setArticleTags(
    qint64 /*articleId*/, const QString & /*coder*/, const QList<qint64> & /*tagIds*/)
{
    notPorted("ArticleRepository::setArticleTags");
}

QList<std::pair<QString, qint64>> ArticleRepository::articleTagsByCoder(qint64 /*articleId*/)
{
    notPorted("ArticleRepository::articleTagsByCoder");
}

QStringList ArticleRepository::doneCoders(qint64 /*articleId*/)
{
    notPorted("ArticleRepository::doneCoders");
}

bool ArticleRepository::setDone(qint64 /*articleId*/, const QString & /*coder*/, bool /*done*/)
{
    notPorted("ArticleRepository::setDone");
}

QList<qint64> ArticleRepository::doneByAll(const QStringList & /*coders*/)
{
    notPorted("ArticleRepository::doneByAll");
}

} // namespace gloss::storage::postgres
