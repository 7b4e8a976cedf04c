// The paper kit's own pages, printed after the plan document: a one-page
// 初動対応 card per person on the contact chart (and a general one) in large
// type, and the blank forms staff fill by hand while systems are down —
// 発見・報告書, 時系列記録用紙, 連絡記録, 棚卸し記録用紙 (the ledger's
// devices pre-printed), and for each fallback operation of the plan the
// form it needs (a paper 診療録, a 処方・検査伝票 in three parts for carbon
// copies, a 会計 record of unpaid bills, an image-viewing record, or a
// general fallback log). A4 portrait, drawn with Cairo as a PDF.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "core/time.h"

namespace medbcp::doc {

struct PaperKitStamp {
  std::string kit_id;
  core::Instant made_at;
};

// Which form a fallback operation needs, from its business, system and
// fallback text (「処方・検査」「紙運用（カーボンコピー）」 → OrderSlip).
enum class FallbackForm { MedicalRecord, OrderSlip, Billing, Imaging, General };
FallbackForm fallback_form_for(const core::Plan& plan, const core::FallbackOperation& fallback);
const char* title(FallbackForm form);  // 「紙カルテ（診療録）」 …

// One entry per page, in print order: the title printed at the top of it.
std::vector<std::string> paper_form_titles(const core::Plan& plan);

std::string render_paper_forms_pdf(const core::Plan& plan, const PaperKitStamp& stamp);

}  // namespace medbcp::doc
