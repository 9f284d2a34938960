#pragma once

#include "model/checkreport.h"
#include "storage/annotationrepository.h"
#include "storage/articlerepository.h"
#include "storage/codingrepository.h"
#include "storage/entityrepository.h"
#include "storage/exportrepository.h"
#include "storage/highlightrepository.h"
#include "storage/metarepository.h"
#include "storage/reportrepository.h"
#include "storage/setrepository.h"
#include "storage/tagrepository.h"
#include "storage/timerefrepository.h"

#include <QString>

#include <memory>

namespace gloss::storage {

// The storage seam: one open project as the operations layer sees it, whatever engine holds it.
// One repository per aggregate, transactions, and the few facts about the engine an operation
// needs; no engine's types. The SQLite engine (storage/sqlite/) implements it today; a second
// engine (a team server) implements the same interface. Only the operations layer holds a Store.
class Store
{
public:
    virtual ~Store() = default;

    virtual ArticleRepository &articles() = 0;
    virtual HighlightRepository &highlights() = 0;
    virtual TagRepository &tags() = 0;
    virtual SetRepository &sets() = 0;
    virtual MetaRepository &meta() = 0;
    virtual TimeRefRepository &timeRefs() = 0;
    virtual EntityRepository &entities() = 0;
    virtual ExportRepository &exports() = 0;
    virtual AnnotationRepository &annotationLookups() = 0;
    virtual CodingRepository &codings() = 0;
    virtual ReportRepository &reports() = 0;

    // Where the project is, in words a user knows it by: a file's path, a server and database.
    virtual QString location() const = 0;
    // Whether this connection may write at all (a read-only file, a role without rights).
    virtual bool isReadOnly() const = 0;

    // Transactions: begin() opens one, or a savepoint inside the open one; commit() and rollback()
    // end the innermost. Use Transaction (below), which never leaves one open.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;

    // A number that changes whenever another connection (another window, process or coder)
    // commits a change, so a window can tell that what it shows is stale.
    virtual qint64 dataVersion() = 0;

    // Bulk writes (an import) may trade a little durability of the last commits for speed; every
    // commit stays whole either way.
    virtual void setBulkWrites(bool bulk) = 0;
    // The engine's own integrity checks plus Gloss's consistency rules (`gloss check`).
    virtual model::CheckReport check() = 0;
    // A consistent copy of the whole project as a project file at `target`; an error in words, or
    // an empty string.
    virtual QString copyTo(const QString &target) = 0;
};

// A transaction of a Store: rolled back when it goes out of scope without commit(). Nested ones
// are savepoints, so a repository call that opens its own runs inside a larger one.
class Transaction final
{
public:
    explicit Transaction(Store &store)
        : m_store(store)
    {
        m_store.begin();
    }
    ~Transaction()
    {
        if (!m_done)
            m_store.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit()
    {
        m_store.commit();
        m_done = true;
    }

private:
    Store &m_store;
    bool m_done = false;
};

} // namespace gloss::storage
