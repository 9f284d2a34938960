#pragma once

#include "operations/change.h"

#include <QtGlobal>

namespace gloss::operations {

class Writer;

// Export to CSV layouts and the import of annotations from a spreadsheet.
class Interchange final
{
public:
    explicit Interchange(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Interchange)

private:
    [[maybe_unused]] Writer &m_writer;
};

} // namespace gloss::operations
