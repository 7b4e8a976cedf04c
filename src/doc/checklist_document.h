// The checklist printout (PDF and XLSX through the document model): the
// 医療機関確認用 sheet in the checklist's layout — 項目, 対象, はい／いいえ,
// 確認日, 目標日, 備考 — with the facility, the 年度 and a signature line,
// then the BCP確認表 with, per item, where the plan covers it.
#pragma once

#include "core/checklist_sheet.h"
#include "doc/document.h"

namespace medbcp::doc {

Document checklist_document(const core::ChecklistSheet& sheet);

}  // namespace medbcp::doc
