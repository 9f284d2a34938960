#pragma once

#include "operations/change.h"

#include <QtGlobal>

namespace gloss::operations {

class Writer;

// The codebook: tags created, renamed, recoloured, described, moved, merged and deleted.
class Codebook final
{
public:
    explicit Codebook(Writer &writer)
        : m_writer(writer)
    { }
    Q_DISABLE_COPY_MOVE(Codebook)

private:
    [[maybe_unused]] Writer &m_writer;
};

} // namespace gloss::operations
