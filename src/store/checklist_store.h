// The checklist's answers (migration 015): appended, never changed.
#pragma once

#include <vector>

#include "core/checklist.h"
#include "store/database.h"

namespace medbcp::store {

std::int64_t insert_checklist_answer(Database& db, const core::ChecklistAnswer& answer);
// Every answer given for the 年度, oldest first.
std::vector<core::ChecklistAnswer> list_checklist_answers(Database& db, int fiscal_year);
// The 年度 that have answers, newest first.
std::vector<int> checklist_years(Database& db);

}  // namespace medbcp::store
