#pragma once

#include "operations/change.h"
#include "operations/error.h"
#include "storage/error.h"
#include "storage/store.h"

#include <utility>

namespace gloss::operations {

// The operations layer's own way to reach storage (not for callers above it): every write runs in
// one transaction, is refused up front on a read-only project, reports what it changed to the
// listener once its outermost transaction commits, and turns a storage failure into an
// OperationError in words.
class Writer final
{
public:
    explicit Writer(storage::Store &store)
        : m_store(store)
    { }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    storage::Store &store() { return m_store; }
    void setListener(ChangeListener listener) { m_listener = std::move(listener); }
    // Who is coding (Project::setCoder): every write that makes coding records it.
    const QString &coder() const { return m_coder; }
    void setCoder(const QString &coder) { m_coder = coder; }

    // Runs `work` (returning anything) in a transaction that commits when it returns.
    template <typename F> auto write(Areas areas, qint64 articleId, F &&work) -> decltype(work())
    {
        refuseIfReadOnly();
        Depth depth(*this, areas, articleId);
        try {
            storage::Transaction tx(m_store);
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                tx.commit();
                depth.committed();
            } else {
                auto result = work();
                tx.commit();
                depth.committed();
                return result;
            }
        } catch (const storage::StorageError &e) {
            throw translate(e);
        }
    }

    // Runs a read, turning a storage failure into an OperationError.
    template <typename F> auto read(F &&work) -> decltype(work())
    {
        try {
            return work();
        } catch (const storage::StorageError &e) {
            throw translate(e);
        }
    }

    static OperationError translate(const storage::StorageError &error);
    void refuseIfReadOnly();

private:
    // Nested writes (a revert that calls other operations) report once, at the outermost commit.
    class Depth final
    {
    public:
        Depth(Writer &writer, Areas areas, qint64 articleId);
        ~Depth();
        void committed() { m_committed = true; }

    private:
        Writer &m_writer;
        bool m_committed = false;
    };

    storage::Store &m_store;
    ChangeListener m_listener;
    QString m_coder;
    int m_depth = 0;
    Areas m_pending;
    qint64 m_pendingArticle = -1; // -1 none yet, 0 several
};

} // namespace gloss::operations
