#include "operations/maintenance.h"

#include "operations/writer.h"
#include "storage/checker.h"

namespace gloss::operations {

model::CheckReport Maintenance::check()
{
    return m_writer.read([&] { return storage::checkProject(m_writer.store().db()); });
}

} // namespace gloss::operations
