#pragma once

#include "operations/change.h"

#include <QtGlobal>

namespace gloss::operations {

class Writer;

// The dates articles speak of: overrides and re-extraction.
class Timeline final
{
public:
    explicit Timeline(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Timeline)

private:
    [[maybe_unused]] Writer &m_writer;
};

} // namespace gloss::operations
