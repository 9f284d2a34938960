#include "operations/maintenance.h"

#include "operations/writer.h"
#include "storage/store.h"

namespace gloss::operations {

model::CheckReport Maintenance::check()
{
    return m_writer.read([&] { return m_writer.store().check(); });
}

} // namespace gloss::operations
