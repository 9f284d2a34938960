#pragma once

#include "operations/change.h"

#include <QtGlobal>

namespace gloss::operations {

class Writer;

// Entities and every decision a researcher makes about them; re-extraction.
class Entities final
{
public:
    explicit Entities(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Entities)

private:
    [[maybe_unused]] Writer &m_writer;
};

} // namespace gloss::operations
