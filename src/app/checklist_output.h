// The checklist as the inspector reads it: the sheet (core/checklist_sheet.h)
// from an assessment, printed as PDF or XLSX, and the JSON of
// `medbcp checklist show --json`.
#pragma once

#include <string>

#include "app/checklist_service.h"
#include "core/checklist_sheet.h"

namespace medbcp::app {

core::ChecklistSheet checklist_sheet(const ChecklistAssessment& assessment);

enum class ChecklistFormat { Pdf, Xlsx };
// The file's bytes. Export permission (it leaves the server).
std::string render_checklist(const Actor& actor, const ChecklistAssessment& assessment,
                             ChecklistFormat format);

// One object per item: id, answer (yes/no/null), source (auto/manual/null),
// checked_on, target, evidence, lapsed, not_applicable, note, reason; and
// the BCP確認表 items with covered (true/false/null) and where.
std::string checklist_json(const ChecklistAssessment& assessment);

}  // namespace medbcp::app
