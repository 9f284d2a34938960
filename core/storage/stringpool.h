#pragma once

#include <QSet>
#include <QString>

namespace gloss::storage {

// Makes equal strings read from many rows share one copy. A long article's dates repeat a few
// hundred texts, values and granularities: 800,000 time references of a 60 MiB article held
// about 150 MB of copies of them, each with its own allocation (issue 15). The pool keeps at
// most `limit` distinct strings (further ones are returned as they are); null and empty strings
// are returned as they are, so that a null stays null.
class StringPool
{
public:
    explicit StringPool(qsizetype limit = 100'000)
        : m_limit(limit)
    { }

    QString operator()(QString s)
    {
        if (s.isEmpty())
            return s;
        const auto it = m_pool.constFind(s);
        if (it != m_pool.cend())
            return *it;
        if (m_pool.size() < m_limit)
            m_pool.insert(s);
        return s;
    }

private:
    QSet<QString> m_pool;
    qsizetype m_limit;
};

} // namespace gloss::storage
