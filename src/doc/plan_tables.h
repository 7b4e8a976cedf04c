// A {{table NAME}} of the template as a document Table: the plan's records
// (代替運用, バックアップ体制, 別紙１'s contacts, 別紙２) in the columns the
// catalog (doc/plan_catalog.h) describes.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "doc/document.h"
#include "doc/plan_catalog.h"

namespace medbcp::doc {

// {{table NAME}} with the given column keys (empty = the table's defaults).
// An empty list gives two rows of blanks, to be filled in on paper.
Table plan_table(const core::Plan& plan, const TableInfo& table,
                 const std::vector<std::string>& columns, std::string caption);

// One published 版 of the plan, for {{table revisions}} (改定履歴). The
// versions are the plan's history, kept beside it, not part of it.
struct PlanRevision {
  int edition = 0;
  core::Date date;
  std::string note;  // 改定内容
  std::string by;    // who published it
};
// 改定履歴: one row per published 版, oldest first, and two blank rows
// under them for the revisions written by hand until the next print.
Table revision_table(const std::vector<PlanRevision>& revisions, const TableInfo& table,
                     const std::vector<std::string>& columns, std::string caption);

}  // namespace medbcp::doc
