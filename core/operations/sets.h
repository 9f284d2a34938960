#pragma once

#include "operations/change.h"

#include <QtGlobal>

namespace gloss::operations {

class Writer;

// Named sets of articles.
class Sets final
{
public:
    explicit Sets(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Sets)

private:
    [[maybe_unused]] Writer &m_writer;
};

} // namespace gloss::operations
