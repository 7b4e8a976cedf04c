// The checklist's answers (migration 015): appended, never changed.
#pragma once

#include <vector>

#include "core/checklist.h"
#include "store/database.h"

namespace medbcp::store {

std::int64_t insert_checklist_answer(Database& db, const core::ChecklistAnswer& answer);
// Every answer given for the 年度, oldest first.
std::vector<core::ChecklistAnswer> list_checklist_answers(Database& db, int fiscal_year);
// A vendor's imported sheet, all rows in one go (the caller's transaction).
void insert_vendor_answers(Database& db, const std::vector<core::VendorChecklistAnswer>& rows);
// Every vendor answer of the 年度, oldest first (the latest per vendor and
// item counts).
std::vector<core::VendorChecklistAnswer> list_vendor_answers(Database& db, int fiscal_year);

// The 年度 that have answers, newest first.
std::vector<int> checklist_years(Database& db);

}  // namespace medbcp::store
