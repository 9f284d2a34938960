#pragma once

#include "model/checkreport.h"

#include <QtGlobal>

namespace gloss::operations {

class Writer;

// Looking after the project file itself: the full check of `gloss check`.
class Maintenance final
{
public:
    explicit Maintenance(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Maintenance)

    // SQLite's integrity and foreign-key checks plus Gloss's own consistency rules, read whole
    // (slow on a big project). Reads only; changes nothing, whatever it finds. A failure to read
    // is an OperationError.
    model::CheckReport check();

private:
    Writer &m_writer;
};

} // namespace gloss::operations
