// Fuzz target: the search box to FTS5 translation. Every query it writes must be one FTS5 accepts,
// so the translation is run against a real FTS5 table.
#include "fuzzinput.h"
#include "search/ftsquery.h"

#include <sqlite3.h>

namespace {

sqlite3_stmt *matchStatement()
{
    static sqlite3 *db = nullptr;
    static sqlite3_stmt *stmt = nullptr;
    if (!stmt) {
        if (sqlite3_open(":memory:", &db) != SQLITE_OK
            || sqlite3_exec(db,
                   "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2');"
                   "INSERT INTO t VALUES('the ceasefire held on Eid'), ('tariffs on steel');",
                   nullptr, nullptr, nullptr)
                != SQLITE_OK
            || sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &stmt, nullptr) != SQLITE_OK)
            std::abort();
    }
    return stmt;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString query = gloss::search::toFtsQuery(gloss::fuzz::anyText(data, size));
    if (query.isEmpty())
        return 0;
    sqlite3_stmt *stmt = matchStatement();
    const QByteArray utf8 = query.toUtf8();
    sqlite3_bind_text(stmt, 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(stmt);
    const QString message = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(stmt)));
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_ROW)
        gloss::fuzz::fail("FTS5 refused a translated query", message + u": " + query);
    return 0;
}
