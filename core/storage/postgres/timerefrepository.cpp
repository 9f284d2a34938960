#include "storage/postgres/timerefrepository.h"

#include "model/timevalue.h"
#include "storage/error.h"
#include "storage/postgres/connection.h"
#include "storage/stringpool.h"

namespace gloss::storage::postgres {

namespace {

// The columns every read selects: the extraction (0-10), then the override (11-16), and the join.
const char *const RefColumns
    = "t.id, t.article_id, t.start, t.\"end\", t.text, t.value, t.granularity, t.anchor, t.anchor_kind, "
      "t.range_start, t.range_end, o.value, o.granularity, o.range_start, o.range_end, coalesce(o.dismissed, 0), "
      "o.article_id IS NOT NULL ";
const char *const RefJoin = "FROM timerefs t LEFT JOIN timeref_overrides o ON o.article_id = t.article_id "
                            "AND o.start = t.start AND o.\"end\" = t.\"end\" ";

model::TimeRef readRef(const Query &s, StringPool &pool)
{
    model::TimeRef r;
    r.id = s.int64(0);
    r.articleId = s.int64(1);
    r.start = s.int64(2);
    r.end = s.int64(3);
    r.text = pool(s.text(4));
    r.extractedValue = pool(s.text(5));
    r.extractedGranularity = pool(s.text(6));
    r.anchor = s.date(7);
    r.anchorKind = pool(s.text(8));
    r.value = r.extractedValue;
    r.granularity = r.extractedGranularity;
    r.rangeStart = s.date(9);
    r.rangeEnd = s.date(10);
    if (!s.isNull(11)) {
        r.value = pool(s.text(11));
        r.rangeStart = s.date(13);
        r.rangeEnd = s.date(14);
    }
    if (!s.isNull(12))
        r.granularity = pool(s.text(12));
    r.dismissed = s.int64(15) != 0;
    r.overridden = s.int64(16) != 0 && (!s.isNull(11) || !s.isNull(12));
    return r;
}

} // namespace

void TimeRefRepository::replaceForArticle(qint64 articleId, QList<model::TimeRef> &refs)
{
    Transaction tx(m_db);
    Query d = m_db.query("DELETE FROM timerefs WHERE article_id = $1");
    d.bind(1, articleId);
    d.exec();
    for (model::TimeRef &r : refs) {
        r.articleId = articleId;
        Query s = m_db.query(
            "INSERT INTO timerefs(article_id, start, \"end\", text, value, granularity, anchor, anchor_kind, "
            "range_start, range_end) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id");
        s.bind(1, articleId)
            .bind(2, r.start)
            .bind(3, r.end)
            .bind(4, QStringView(r.text))
            .bind(5, QStringView(r.value))
            .bind(6, QStringView(r.granularity))
            .bind(7, r.anchor)
            .bind(8, r.anchorKind.isEmpty() ? QString() : r.anchorKind)
            .bind(9, r.rangeStart)
            .bind(10, r.rangeEnd);
        s.step();
        r.id = s.int64(0);
        r.extractedValue = r.value;
        r.extractedGranularity = r.granularity;
    }
    tx.commit();
}

QList<model::TimeRef> TimeRefRepository::forArticle(qint64 articleId, bool includeDismissed)
{
    static const QByteArray sql = QByteArray("SELECT ") + RefColumns + RefJoin
        + "WHERE t.article_id = $1 AND ($2::bigint <> 0 OR coalesce(o.dismissed, 0) = 0) "
          "ORDER BY t.start, t.\"end\", t.id";
    Query s = m_db.query(sql);
    s.bind(1, articleId).bind(2, includeDismissed ? 1 : 0);
    QList<model::TimeRef> out;
    StringPool pool;
    while (s.step())
        out.append(readRef(s, pool));
    return out;
}

QList<model::TimeRef> TimeRefRepository::inRange(const QDate &from, const QDate &to)
{
    static const QByteArray sql = QByteArray("SELECT * FROM (SELECT ") + RefColumns
        + ", CASE WHEN o.value IS NOT NULL THEN o.range_start ELSE t.range_start END AS rs, "
          "CASE WHEN o.value IS NOT NULL THEN o.range_end ELSE t.range_end END AS re "
        + RefJoin
        + "WHERE coalesce(o.dismissed, 0) = 0) refs WHERE rs IS NOT NULL AND ($1::text IS NULL OR re >= $1::text) "
          "AND ($2::text IS NULL OR rs <= $2::text) ORDER BY rs COLLATE \"C\", article_id, start, id";
    // Columns of RefColumns are followed by rs and re; readRef reads the first 17. Ties come in
    // the order of the ids, as SQLite reads them.
    Query s = m_db.query(sql);
    s.bind(1, from).bind(2, to);
    QList<model::TimeRef> out;
    StringPool pool;
    while (s.step())
        out.append(readRef(s, pool));
    return out;
}

qint64 TimeRefRepository::count()
{
    Query s = m_db.query("SELECT count(*) FROM timerefs");
    s.step();
    return s.int64(0);
}

std::optional<model::TimeRefOverride> TimeRefRepository::override(qint64 articleId, qint64 start, qint64 end)
{
    Query s = m_db.query("SELECT value, granularity, dismissed, coder FROM timeref_overrides "
                         "WHERE article_id = $1 AND start = $2 AND \"end\" = $3");
    s.bind(1, articleId).bind(2, start).bind(3, end);
    if (!s.step())
        return std::nullopt;
    return model::TimeRefOverride{articleId, start, end, s.text(0), s.text(1), s.int64(2) != 0, s.text(3)};
}

QList<model::TimeRefOverride> TimeRefRepository::overridesFor(qint64 articleId)
{
    QList<model::TimeRefOverride> out;
    Query s = m_db.query("SELECT start, \"end\", value, granularity, dismissed, coder FROM timeref_overrides "
                         "WHERE article_id = $1 ORDER BY start, \"end\"");
    s.bind(1, articleId);
    while (s.step())
        out.append({articleId, s.int64(0), s.int64(1), s.text(2), s.text(3), s.int64(4) != 0, s.text(5)});
    return out;
}

void TimeRefRepository::setOverride(const model::TimeRefOverride &o)
{
    // Callers check first with the same function, to tell the researcher; refusing here too keeps a
    // value no reader understands out of the project whoever calls.
    if (const QString problem = model::checkTimeValue(o.value, o.granularity); !problem.isEmpty())
        throw StorageError(problem);
    QDate rangeStart, rangeEnd;
    QString granularity = o.granularity;
    if (!o.value.isEmpty()) {
        model::Granularity parsed{};
        model::parseTimeValue(o.value, parsed, rangeStart, rangeEnd);
        if (granularity.isEmpty())
            granularity = model::granularityName(parsed);
    }
    Query s = m_db.query(
        "INSERT INTO timeref_overrides(article_id, start, \"end\", value, granularity, range_start, range_end, "
        "dismissed, modified, coder) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "ON CONFLICT(article_id, start, \"end\") DO UPDATE SET value = excluded.value, "
        "granularity = excluded.granularity, range_start = excluded.range_start, "
        "range_end = excluded.range_end, dismissed = excluded.dismissed, modified = excluded.modified, "
        "coder = excluded.coder");
    s.bind(1, o.articleId)
        .bind(2, o.start)
        .bind(3, o.end)
        .bind(4, o.value.isEmpty() ? QString() : o.value)
        .bind(5, granularity.isEmpty() ? QString() : granularity)
        .bind(6, rangeStart)
        .bind(7, rangeEnd)
        .bind(8, o.dismissed ? 1 : 0)
        .bind(9, QDateTime::currentDateTimeUtc())
        .bind(10, QStringView(o.coder));
    s.exec();
}

void TimeRefRepository::clearOverride(qint64 articleId, qint64 start, qint64 end)
{
    Query s = m_db.query("DELETE FROM timeref_overrides WHERE article_id = $1 AND start = $2 AND \"end\" = $3");
    s.bind(1, articleId).bind(2, start).bind(3, end);
    s.exec();
}

} // namespace gloss::storage::postgres
