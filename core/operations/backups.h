#pragma once

#include "operations/change.h"

#include <QtGlobal>

namespace gloss::operations {

class Writer;

// Backups of the open project: taking, listing, restoring.
class Backups final
{
public:
    explicit Backups(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Backups)

private:
    [[maybe_unused]] Writer &m_writer;
};

} // namespace gloss::operations
