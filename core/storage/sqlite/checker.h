#pragma once

#include "model/checkreport.h"

namespace gloss::storage::sqlite {

class Database;

// `gloss check`: SQLite's integrity and foreign-key checks plus Gloss's own consistency rules.
using CheckReport = model::CheckReport;

CheckReport checkProject(Database &db);

} // namespace gloss::storage::sqlite
