// The 事業者確認用 sheets: where a vendor runs systems, MHLW's checklist asks
// the vendor the items of its management section. One XLSX per vendor of
// 別紙１ (システム事業者, 保守業者) to send out, and its return read back:
// every row checked (the facility, the edition, the vendor, the item, はい／
// いいえ, dates, a いいえ's target date), errors named by row, nothing stored
// unless all of it reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/checklist.h"
#include "core/problem.h"

namespace medbcp::app {

struct VendorSheet {
  std::int64_t vendor_id = 0;
  std::string vendor_name;
  std::string file_name;  // 事業者確認用-e3.xlsx
  std::string bytes;      // the XLSX to fill in and send back
  std::string pdf_name;   // 事業者確認用-e3.pdf
  std::string pdf;        // the same sheet printed, to fill in by hand
};

// Export permission. One per vendor of 別紙１, or only the vendor `only`
// (none when it is not a vendor of 別紙１).
std::vector<VendorSheet> vendor_sheets(Workspace& ws, const Actor& actor,
                                       const core::Checklist& checklist, const core::Date& today,
                                       std::optional<std::int64_t> only = std::nullopt);

struct VendorImport {
  core::Problems problems;  // each message names its row (「3行目: …」)
  std::string vendor_name;
  int answered = 0;
};

// EditPlan.
VendorImport import_vendor_sheet(Workspace& ws, const Actor& actor,
                                 const core::Checklist& checklist, std::string_view xlsx,
                                 const core::Date& today, core::Instant now);

struct VendorStatus {
  std::int64_t vendor_id = 0;
  std::string vendor_name;
  std::vector<core::VendorChecklistAnswer> answers;  // the latest per item
  int no = 0;
  std::optional<core::Instant> imported_at;  // the last import
};

// ReadPlan. Every vendor of 別紙１, with what it answered this 年度.
std::vector<VendorStatus> vendor_statuses(Workspace& ws, const Actor& actor,
                                          const core::Date& today);

}  // namespace medbcp::app
